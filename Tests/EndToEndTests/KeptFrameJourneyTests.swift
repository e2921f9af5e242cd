import Foundation
import Testing

/// The full-screen coach keeps its first frame and shows it at the next start before it
/// has read a file, then the frame worked out from the files; a kept frame is never shown
/// once a file it came from has changed.
@Suite struct KeptFrameJourneyTests {
    @Test func theNextStartShowsTheKeptFrameThenTheFilesOwn() throws {
        let home = TemporaryHome()
        let cache = TemporaryHome()
        let environment = ["XDG_CACHE_HOME": cache.url.path, "TZ": "UTC"]
        let command = TracksJourneyTests.command(home: home, extra: "TZ=UTC XDG_CACHE_HOME=\(shellQuoted(cache.url.path))")
        func start(waitingFor text: String) throws -> String {
            let tmux = try Tmux(command: command)
            // The planted frame below may show first; the files' own comes after it.
            let screen = try tmux.waitFor(text) { $0.contains(text) && !$0.contains("XCoach") }
            try tmux.send("q")
            try tmux.waitForExit()
            return screen
        }
        _ = try CoachBinary.run(["log", "--minutes", "10"], home: home.url, environment: environment)
        // Past the second in which a file counts as still changing.
        Thread.sleep(forTimeInterval: 1.2)
        _ = try start(waitingFor: "10m of 45m")
        let folder = cache.url.appendingPathComponent("coach")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("frame-") }
        #expect(names.count == 1, "\(names)")
        let file = folder.appendingPathComponent(names.first ?? "none")
        #expect(try (FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int) == 0o600)

        // Planted in the kept frame: the first cell of the title bar. Drawing the first
        // frame and stopping shows what was kept, before any file is read.
        var bytes = [UInt8](try Data(contentsOf: file))
        let frameLine = try #require(bytes.firstRange(of: Array("\nframe ".utf8)))
        let lineEnd = try #require(bytes[frameLine.upperBound...].firstIndex(of: 0x0A))
        let size = String(decoding: bytes[frameLine.upperBound..<lineEnd], as: UTF8.self).split(separator: " ")
        #expect(size.count == 4 && size[2] == "-1", "\(size)")
        // After the row's count of runs, the first run's column and its style: its text.
        #expect(bytes[lineEnd + 6] == UInt8(ascii: " "))
        bytes[lineEnd + 6] = UInt8(ascii: "X")
        try Data(bytes).write(to: file)
        func firstFrame() throws -> String {
            try spawnAndWait(["script", "-qfec", "stty rows \(size[0]) cols \(size[1]); exec \(command) --bench-first-frame", "/dev/null"])
        }
        let planted = try firstFrame()
        #expect(planted.contains("XCoach · Today"), "\(planted.suffix(300))")

        // A real start shows it, then the frame from the files over it, and keeps that.
        let again = try start(waitingFor: "10m of 45m")
        #expect(again.hasPrefix(" Coach · Today"), "\(again.prefix(200))")
        let restarted = try firstFrame()
        #expect(restarted.contains(" Coach · Today") && !restarted.contains("XCoach"),
                "the frame from the files was kept in place of the planted one")

        // A session logged from the command line in between: the next start never shows
        // the frame kept before it.
        _ = try CoachBinary.run(["log", "--minutes", "5"], home: home.url, environment: environment)
        let changed = try firstFrame()
        #expect(changed.contains("15m"), "\(changed.suffix(300))")
        #expect(!changed.contains("10m of 45m"))
    }
}
