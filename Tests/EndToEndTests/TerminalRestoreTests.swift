import Foundation
import Testing

/// However Coach ends, the terminal must come back: no alternate screen, echo and line
/// editing on, cursor visible.
@Suite(.serialized) struct TerminalRestoreTests {
    /// Runs coach in a shell that reports its exit status and the terminal modes after.
    static func session(home: TemporaryHome) throws -> Tmux {
        let coach = TracksJourneyTests.command(home: home)
        // The shell traps SIGINT (as an interactive shell would) so Ctrl-C reaches only coach.
        let script = "trap true INT; \(coach); echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo END; sleep 60"
        return try Tmux(command: "sh -c \(shellQuoted(script))")
    }

    static func coachPID(_ tmux: Tmux) throws -> Int32 {
        let shell = try tmux.value("#{pane_pid}")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            if let pid = children.split(separator: " ").first.flatMap({ Int32($0) }) { return pid }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxTimeout(waitingFor: "coach's pid", screen: try tmux.screen())
    }

    static func expectRestored(_ tmux: Tmux, status: String) throws {
        let screen = try tmux.waitFor("END")
        #expect(screen.contains("EXIT=\(status)"), "\(screen)")
        #expect(screen.contains("icanon echo"), "\(screen)")
        #expect(try tmux.value("#{alternate_on}") == "0")
        #expect(try tmux.value("#{cursor_flag}") == "1")
        #expect(try tmux.value("#{mouse_any_flag}") == "0", "the mouse is given back")
    }

    @Test(arguments: [("TERM", SIGTERM), ("HUP", SIGHUP), ("INT", SIGINT)])
    func signalRestoresTheTerminal(name: String, signal: Int32) throws {
        let home = TemporaryHome()
        let tmux = try Self.session(home: home)
        try tmux.waitFor("Coach · Today")
        #expect(try tmux.value("#{alternate_on}") == "1")
        kill(try Self.coachPID(tmux), signal)
        try Self.expectRestored(tmux, status: "\(128 + signal)")
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let home = TemporaryHome()
        let tmux = try Self.session(home: home)
        try tmux.waitFor("Coach · Today")
        try tmux.send("C-c")
        try Self.expectRestored(tmux, status: "\(128 + SIGINT)")
    }

    @Test func quitRestoresTheTerminal() throws {
        let home = TemporaryHome()
        let tmux = try Self.session(home: home)
        try tmux.waitFor("Coach · Today")
        try tmux.send("q")
        try Self.expectRestored(tmux, status: "0")
    }
}
