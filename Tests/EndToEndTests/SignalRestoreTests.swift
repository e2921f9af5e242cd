import Foundation
import Testing

/// Every signal that ends the full-screen coach leaves a usable terminal and one line
/// saying what happened: the orderly ones (Ctrl-\ among them) save and end by the same
/// signal; an abort or a Swift runtime trap restores the terminal from the crash
/// handler, and the runtime's backtrace goes to crash.log in the home instead of a
/// prompt over the screen. Each is sent once in CI, ten times with COACH_TORTURE=1.
@Suite(.serialized) struct SignalRestoreTests {
    static let rounds = Torture.count(ci: 1, full: 10)

    static func session(home: TemporaryHome, extra: String = "") throws -> Tmux {
        let coach = TracksJourneyTests.command(home: home) + (extra.isEmpty ? "" : " " + extra)
        let script = "\(coach); echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo END; sleep 60"
        return try Tmux(command: "sh -c \(shellQuoted(script))")
    }

    /// Ends a coach by `send` and checks what is left; true when all was as it must be.
    static func round(extra: String = "", expecting line: String, statuses: [Int32], crashLog: Bool,
                      framesFromSwift: Bool = false, _ send: (Tmux) throws -> Void) throws -> Bool {
        let home = TemporaryHome()
        let tmux = try session(home: home, extra: extra)
        try tmux.waitFor("Coach · Today")
        try send(tmux)
        let screen = try tmux.waitFor("END")
        let status = statuses.first { screen.contains("EXIT=\($0)") }
        let modes = try tmux.value("#{alternate_on} #{cursor_flag} #{mouse_any_flag}")
        let restored = screen.contains("icanon echo") && modes == "0 1 0"
        let log = (try? String(contentsOf: home.url.appendingPathComponent("crash.log"), encoding: .utf8)) ?? ""
        let said = screen.contains(line) && !screen.contains("Press space")
        let logged = !crashLog || log.contains("Program crashed")
        // A build without the Swift backtracer (the release build) writes the return
        // addresses by following frame pointers; from a trap in Swift code the walk
        // reaches well past the trapping function.
        let addresses = log.split(separator: "\n").filter { $0.count == 18 && $0.hasPrefix("0x") && $0.dropFirst(2).allSatisfy(\.isHexDigit) }
        let walked = !framesFromSwift || !log.contains("return addresses follow") || addresses.count >= 4
        #expect(status != nil, "\(screen)")
        #expect(restored, "\(screen)")
        #expect(said, "\(screen)")
        #expect(logged, "crash.log: \(log.prefix(200))")
        #expect(walked, "crash.log: \(log.prefix(400))")
        return status != nil && restored && said && logged && walked
    }

    @Test(arguments: [("QUIT", SIGQUIT), ("USR1", SIGUSR1), ("USR2", SIGUSR2), ("PIPE", SIGPIPE)])
    func anOrderlySignalRestoresTheTerminalAndSaysSo(name: String, signal: Int32) throws {
        var passed = 0
        for _ in 0..<Self.rounds {
            let ok = try Self.round(expecting: "coach: stopped by SIG\(name); your changes are saved",
                                    statuses: [128 + signal], crashLog: false) { tmux in
                kill(try TerminalRestoreTests.coachPID(tmux), signal)
            }
            if ok { passed += 1 }
        }
        Torture.report("signal-\(name)", tried: Self.rounds, passed: passed)
    }

    @Test func anAbortRestoresTheTerminalAndWritesTheBacktraceToTheHome() throws {
        var passed = 0
        for _ in 0..<Self.rounds {
            let ok = try Self.round(expecting: "coach: crashed", statuses: [128 + SIGABRT], crashLog: true) { tmux in
                kill(try TerminalRestoreTests.coachPID(tmux), SIGABRT)
            }
            if ok { passed += 1 }
        }
        Torture.report("signal-ABRT", tried: Self.rounds, passed: passed)
    }

    @Test func aSwiftRuntimeTrapRestoresTheTerminalWithoutAPrompt() throws {
        var passed = 0
        for _ in 0..<Self.rounds {
            // SIGILL on x86-64, SIGTRAP on arm64.
            let ok = try Self.round(extra: "--debug-trap", expecting: "coach: crashed",
                                    statuses: [128 + SIGILL, 128 + SIGTRAP], crashLog: true, framesFromSwift: true) { _ in }
            if ok { passed += 1 }
        }
        Torture.report("signal-trap", tried: Self.rounds, passed: passed)
    }
}
