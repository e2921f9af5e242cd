import Foundation
import Testing

/// Every signal that ends the full-screen coach leaves a usable terminal and one line
/// saying what happened: the orderly ones (Ctrl-\ among them) save and end by the same
/// signal; an abort or a Swift runtime trap restores the terminal from the crash
/// handler, and the runtime's backtrace goes to crash.log in the home instead of a
/// prompt over the screen.
@Suite(.serialized) struct SignalRestoreTests {
    static func session(home: TemporaryHome, extra: String = "") throws -> Tmux {
        let coach = TracksJourneyTests.command(home: home) + (extra.isEmpty ? "" : " " + extra)
        let script = "\(coach); echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo END; sleep 60"
        return try Tmux(command: "sh -c \(shellQuoted(script))")
    }

    @Test(arguments: [("QUIT", SIGQUIT), ("USR1", SIGUSR1), ("USR2", SIGUSR2), ("PIPE", SIGPIPE)])
    func anOrderlySignalRestoresTheTerminalAndSaysSo(name: String, signal: Int32) throws {
        let home = TemporaryHome()
        let tmux = try Self.session(home: home)
        try tmux.waitFor("Coach · Today")
        kill(try TerminalRestoreTests.coachPID(tmux), signal)
        try TerminalRestoreTests.expectRestored(tmux, status: "\(128 + signal)")
        let screen = try tmux.screen()
        #expect(screen.contains("coach: stopped by SIG\(name); your changes are saved"), "\(screen)")
        #expect(!screen.contains("Press space"), "\(screen)")
    }

    @Test func anAbortRestoresTheTerminalAndWritesTheBacktraceToTheHome() throws {
        let home = TemporaryHome()
        let tmux = try Self.session(home: home)
        try tmux.waitFor("Coach · Today")
        kill(try TerminalRestoreTests.coachPID(tmux), SIGABRT)
        try TerminalRestoreTests.expectRestored(tmux, status: "\(128 + SIGABRT)")
        try Self.expectCrashReported(tmux, home: home)
    }

    @Test func aSwiftRuntimeTrapRestoresTheTerminalWithoutAPrompt() throws {
        let home = TemporaryHome()
        let tmux = try Self.session(home: home, extra: "--debug-trap")
        try tmux.waitFor("Coach · Today")
        let screen = try tmux.waitFor("END")
        // SIGILL on x86-64, SIGTRAP on arm64.
        #expect(screen.contains("EXIT=\(128 + SIGILL)") || screen.contains("EXIT=\(128 + SIGTRAP)"), "\(screen)")
        try TerminalRestoreTests.expectRestored(tmux, status: screen.contains("EXIT=\(128 + SIGILL)") ? "\(128 + SIGILL)" : "\(128 + SIGTRAP)")
        try Self.expectCrashReported(tmux, home: home)
    }

    static func expectCrashReported(_ tmux: Tmux, home: TemporaryHome) throws {
        let screen = try tmux.screen()
        #expect(screen.contains("coach: crashed"), "\(screen)")
        #expect(!screen.contains("Press space"), "\(screen)")
        let log = (try? String(contentsOf: home.url.appendingPathComponent("crash.log"), encoding: .utf8)) ?? ""
        #expect(log.contains("Program crashed"), "crash.log: \(log.prefix(200))")
    }
}
