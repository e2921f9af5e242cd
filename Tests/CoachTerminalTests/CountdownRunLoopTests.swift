import CoachCore
import CoachStore
import CoachTerminal
import Foundation
import Testing

/// The countdown's zero through the run loop: the bell rings once on the terminal and
/// the learner's hook runs (and only a real one: an executable regular file).
@Suite struct CountdownRunLoopTests {
    static func hook(in home: CoachHome, _ script: String, mode: Int = 0o755) throws -> URL {
        let file = HookRunner.file(.goalReached, home: home)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try script.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        return file
    }

    static func waitForFile(_ url: URL) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: url.path) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    @Test func atZeroTheBellRingsOnceAndTheHookRuns() throws {
        var setup = try RunLoopTests.Setup(screen: .today)
        defer { setup.remove() }
        setup.state.study = StudyState(timeZone: .utc, now: RunLoopTests.start)
        let ran = setup.home.url.appendingPathComponent("ran")
        _ = try Self.hook(in: setup.home, "#!/bin/sh\necho \"$COACH_HOOK $COACH_HOME\" > \"$COACH_HOME/ran\"\n")
        let clock = setup.clock
        // The default 45-minute goal, nothing logged: S, then 45 minutes and more pass.
        let terminal = ScriptedTerminal([.key(.char("S")), .run { clock.advance(45 * 60) }, .noKey,
                                         .run { clock.advance(60) }, .noKey, .noKey])
        _ = setup.run(terminal)
        #expect(terminal.bells == 1)
        #expect(terminal.shown.last?.contains("overtime · goal reached") == true)
        #expect(Self.waitForFile(ran))
        #expect(try String(contentsOf: ran, encoding: .utf8) == "on-goal-reached \(setup.home.url.path)\n")
    }

    @Test func onlyAnExecutableRegularFileIsRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coach-hook-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = CoachHome(url: folder)
        try home.prepare()
        #expect(!HookRunner.run(.goalReached, home: home), "no hook: nothing runs")
        let file = try Self.hook(in: home, "#!/bin/sh\ntouch \"$COACH_HOME/ran\"\n", mode: 0o644)
        #expect(!HookRunner.run(.goalReached, home: home), "not executable")
        let real = folder.appendingPathComponent("elsewhere.sh")
        try FileManager.default.moveItem(at: file, to: real)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: real.path)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: real)
        #expect(!HookRunner.run(.goalReached, home: home), "a link is not followed")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.moveItem(at: real, to: file)
        #expect(HookRunner.run(.goalReached, home: home))
        #expect(Self.waitForFile(folder.appendingPathComponent("ran")))
    }
}
