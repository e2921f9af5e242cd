import Foundation
import Testing

/// Closing the terminal window (or losing the connection) while Coach runs: the change
/// just made is saved and Coach ends, whether or not SIGHUP reaches it. Coach as the
/// terminal's session leader gets SIGHUP; under `setsid` it gets none and must notice
/// the closed terminal itself, rather than spin at full speed forever.
@Suite(.serialized) struct HangUpTests {
    /// Processes whose command line names `home`: coach, and nothing else names it.
    static func pids(using home: TemporaryHome) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let line = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
            // A zombie has ended; it only waits to be collected.
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            return line.contains("coach") && line.contains(home.url.path) && state != "Z"
        }
    }

    @Test(arguments: ["", "setsid -w"])
    func closingTheTerminalSavesAndEnds(wrapper: String) throws {
        let home = TemporaryHome()
        let items = try TracksJourneyTests.firstItems(home: home)
        try #require(!items.isEmpty)
        // --home as an argument, so the process can be found by it.
        let command = "env -u COACH_DATA \(wrapper) \(shellQuoted(CoachBinary.url.path)) --home \(shellQuoted(home.url.path))"
        let tmux = try Tmux(command: command)
        try tmux.openTracks()
        try tmux.send("l")
        try tmux.waitFor("Space status")
        try tmux.send("Space")
        try tmux.waitFor("[~]")
        #expect(!Self.pids(using: home).isEmpty)

        try tmux.tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(10)
        while !Self.pids(using: home).isEmpty, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let left = Self.pids(using: home)
        #expect(left.isEmpty, "coach is still running after its terminal closed")
        for pid in left { kill(pid, SIGKILL) }
        #expect(try home.statuses()[items[0].id] == "doing", "the change made just before is saved")
    }
}
