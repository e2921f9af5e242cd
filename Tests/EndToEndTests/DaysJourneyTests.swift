import Foundation
import Testing

/// Rest days, breaks, the forecast, `status --check` and the countdown through the real
/// binary. The commands run with TZ=UTC and, where the day matters, COACH_TODAY.
@Suite(.serialized) struct DaysJourneyTests {
    @discardableResult
    static func coach(_ arguments: [String], _ home: TemporaryHome, today: String? = nil,
                      expect status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> CoachBinary.Result {
        var environment = ["TZ": "UTC", "NO_COLOR": ""]
        if let today { environment["COACH_TODAY"] = today }
        let result = try CoachBinary.run(arguments, home: home.url, environment: environment)
        #expect(result.status == status, "coach \(arguments.joined(separator: " ")): \(result.stdout) \(result.stderr)",
                sourceLocation: sourceLocation)
        return result
    }

    @Test func breaksAreAddedListedAndRemovedAndBadOnesRefusedInOneLine() throws {
        let home = TemporaryHome()
        try Self.coach(["settings", "--focus", "genai"], home)
        let added = try Self.coach(["break", "2026-12-20..2026-12-27"], home)
        #expect(added.stdout == "added the break 2026-12-20..2026-12-27 (8 days)\n")
        try Self.coach(["break", "2027-01-06"], home)
        let listed = try Self.coach(["break", "--list"], home, today: "2026-12-22")
        #expect(listed.stdout == "2026-12-20..2026-12-27  8 days  now\n2027-01-06  1 day  coming\n")
        let json = try Self.coach(["break", "--json"], home)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 2 && rows[0]["first"] as? String == "2026-12-20" && rows[0]["days"] as? Int == 8)
        let backwards = try Self.coach(["break", "2026-12-27..2026-12-20"], home, expect: 1)
        #expect(backwards.stderr == "Error: a break must end on or after its first day; got \"2026-12-27..2026-12-20\"\n")
        let twice = try Self.coach(["break", "2027-01-06"], home, expect: 1)
        #expect(twice.stderr.contains("the break 2027-01-06 is there already"))
        let unknown = try Self.coach(["break", "--remove", "2027-02-01"], home, expect: 1)
        #expect(unknown.stderr.contains("there is no break 2027-02-01; there are: 2026-12-20..2026-12-27, 2027-01-06"))
        try Self.coach(["break", "--remove", "2027-01-06"], home)
        let settings = try String(contentsOf: home.url.appendingPathComponent("settings.json"), encoding: .utf8)
        #expect(settings.contains("\"breaks\"") && settings.contains("\"version\" : 2") && !settings.contains("2027-01-06"))
    }

    @Test func aVersionOneSettingsFileIsReadAndKeptWhenFirstRewritten() throws {
        let home = TemporaryHome()
        let v1 = "{\n  \"dailyGoalMinutes\" : 30,\n  \"version\" : 1\n}\n"
        try v1.write(to: home.url.appendingPathComponent("settings.json"), atomically: true, encoding: .utf8)
        try Self.coach(["settings", "--rest-days", "sat,sun", "--day-start", "5:30"], home)
        let kept = try String(contentsOf: home.url.appendingPathComponent("backups/settings.v1.json"), encoding: .utf8)
        #expect(kept == v1)
        let json = try Self.coach(["settings", "--json"], home)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(object["dailyGoalMinutes"] as? Int == 30 && object["dayStart"] as? String == "05:30")
        #expect(object["restDays"] as? [String] == ["sat", "sun"] && object["streakFreezes"] as? Bool == true)
        let bad = try Self.coach(["settings", "--day-start", "25:00"], home, expect: 1)
        #expect(bad.stderr == "Error: --day-start must be a time HH:MM from 00:00 to 23:59; got \"25:00\"\n")
        let allDays = try Self.coach(["settings", "--rest-days", "mon,tue,wed,thu,fri,sat,sun"], home, expect: 1)
        #expect(allDays.stderr == "Error: --rest-days must leave at least one weekday to study\n")
    }

    @Test func theForecastMarksDaysOffAndItsJSONHasEveryKey() throws {
        let home = TemporaryHome()
        try Self.coach(["settings", "--focus", "genai", "--rest-days", "sun"], home)
        try Self.coach(["break", "2026-12-22..2026-12-24"], home)
        let text = try Self.coach(["forecast", "--days", "7"], home, today: "2026-12-19")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("Sat 12-19  █"))
        #expect(lines[1] == "Sun 12-20  rest day")
        #expect(lines[3] == "Tue 12-22  break (2026-12-22..2026-12-24)")
        #expect(lines[6].hasPrefix("Fri 12-25") && lines[6].hasSuffix("· first day back"))
        let json = try Self.coach(["forecast", "--json", "--days", "3"], home, today: "2026-12-19")
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 3)
        let keys: Set<String> = ["day", "weekday", "cards", "ladderReviews", "minutes", "off", "firstDayBack"]
        for row in rows { #expect(Set(row.keys) == keys) }
        #expect(rows[0]["off"] is NSNull && rows[1]["off"] as? String == "rest" && rows[1]["minutes"] as? Int == 0)
        let bad = try Self.coach(["forecast", "--days", "0"], home, expect: 1)
        #expect(bad.stderr == "Error: --days must be a whole number from 1 to 90; got \"0\"\n")
    }

    @Test func statusCheckAnswersByItsExitStatusAlone() throws {
        let home = TemporaryHome()
        try Self.coach(["settings", "--goal", "30", "--rest-days", "sun"], home)
        let notYet = try Self.coach(["status", "--check"], home, today: "2026-12-19", expect: 1)
        #expect(notYet.stdout.isEmpty && notYet.stderr.isEmpty)
        let sunday = try Self.coach(["status", "--check"], home, today: "2026-12-20", expect: 0)
        #expect(sunday.stdout.isEmpty, "a rest day asks nothing")
        try Self.coach(["log", "--minutes", "30", "--date", "2026-12-19"], home, today: "2026-12-19")
        let met = try Self.coach(["status", "--check"], home, today: "2026-12-19", expect: 0)
        #expect(met.stdout.isEmpty && met.stderr.isEmpty)
        // Through the parser (an option after it) the answer is the same.
        try Self.coach(["status", "--home", home.url.path, "--check", "--plain"], home, today: "2026-12-19", expect: 0)
        try "{ broken".write(to: home.url.appendingPathComponent("journal.json"), atomically: true, encoding: .utf8)
        let problem = try Self.coach(["status", "--check"], home, today: "2026-12-19", expect: 2)
        #expect(problem.stdout.isEmpty && problem.stderr.hasPrefix("coach: ") && problem.stderr.contains("journal.json"))
        let help = try Self.coach(["status", "--help"], home)
        #expect(help.stdout.contains("--check"))
    }

    /// `S` with one minute of the goal left: the countdown reaches zero, the bell rings
    /// once (tmux flags the window), the screen says so and counts overtime, and the
    /// hook runs in the background with its output kept off the screen.
    @Test func theCountdownReachesZeroRingsRunsTheHookAndCountsOvertime() throws {
        let home = TemporaryHome()
        try Self.coach(["settings", "--focus", "genai", "--goal", "5", "--day-start", "00:00"], home)
        try Self.coach(["log", "--minutes", "4"], home)
        let hooks = home.url.appendingPathComponent("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let ran = home.url.appendingPathComponent("hook-ran")
        let script = "#!/bin/sh\necho \"$COACH_HOOK\" > \"$COACH_HOME/hook-ran\"\necho HOOK-NOISE\necho HOOK-NOISE >&2\n"
        let hook = hooks.appendingPathComponent("on-goal-reached")
        try script.write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)

        let tmux = try Tmux(command: TracksJourneyTests.command(home: home, extra: "TZ=UTC"))
        try tmux.waitFor("Coach · Today")
        try tmux.send("S")
        try tmux.waitFor("Counting down the goal's minutes left")
        try tmux.waitFor(timeout: 10, "the countdown") { $0.contains("00:59 left") || $0.contains("00:58 left") }
        #expect(try tmux.value("#{window_bell_flag}") == "0")
        let reached = try tmux.waitFor(timeout: 90, "the goal reached") { $0.contains("overtime · goal reached") }
        #expect(reached.contains("Goal reached: the timer counts overtime now") || reached.contains("overtime"))
        try tmux.waitFor(timeout: 10, "the bell") { _ in (try? tmux.value("#{window_bell_flag}")) == "1" }
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: ran.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try String(contentsOf: ran, encoding: .utf8) == "on-goal-reached\n")
        try tmux.waitFor(timeout: 10, "overtime counting on") { $0.contains("+00:0") && $0.contains("overtime") }
        #expect(!(try tmux.screen()).contains("HOOK-NOISE"))
        try tmux.send("q")
        try tmux.waitForExit()
        // The session ran into overtime: logged at the next start; the goal is met.
        try Self.coach(["status", "--check"], home, expect: 0)
    }
}
