import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The daily-session commands through the real binary: settings, today, status, stats,
/// log, journal, review, export and import, and the session an earlier run left behind.
/// The binary runs with TZ=UTC, so the tests know which day it is.
@Suite struct StudyCommandTests {
    // MARK: - Helpers

    static let utc = TimeZone(identifier: "UTC")!

    /// The learner's day then: days start at 04:00 (the default day start).
    static var learnerNow: Date { Date().addingTimeInterval(-4 * 3_600) }

    /// Today plus `offset` days, as YYYY-MM-DD in UTC, days starting at 04:00.
    static func day(_ offset: Int = 0) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let date = calendar.date(byAdding: .day, value: offset, to: learnerNow)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Now plus `seconds`, as the files write dates.
    static func moment(_ seconds: TimeInterval) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = utc
        return formatter.string(from: Date().addingTimeInterval(seconds))
    }

    @discardableResult
    static func coach(_ arguments: [String], _ home: TemporaryHome, environment: [String: String] = [:],
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> CoachBinary.Result {
        var environment = environment
        environment["TZ"] = "UTC"
        // An empty NO_COLOR is no NO_COLOR, whatever the test runner has.
        environment["NO_COLOR"] = environment["NO_COLOR"] ?? ""
        let result = try CoachBinary.run(arguments, home: home.url, environment: environment)
        #expect(result.status == 0, "coach \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// A refusal: non-zero, one line on stderr, nothing on stdout.
    @discardableResult
    static func refused(_ arguments: [String], _ home: TemporaryHome,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try CoachBinary.run(arguments, home: home.url, environment: ["TZ": "UTC"])
        #expect(result.status != 0, "coach \(arguments.joined(separator: " ")) should fail", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        return result.stderr
    }

    static func json(_ arguments: [String], _ home: TemporaryHome,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        let result = try coach(arguments, home, sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    static func object(_ arguments: [String], _ home: TemporaryHome,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try #require(try json(arguments, home, sourceLocation: sourceLocation) as? [String: Any], sourceLocation: sourceLocation)
    }

    static func journal(_ home: TemporaryHome, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        try #require(try json(["journal", "--json"], home, sourceLocation: sourceLocation) as? [[String: Any]],
                     sourceLocation: sourceLocation)
    }

    static func file(_ name: String, _ home: TemporaryHome) -> URL {
        home.url.appendingPathComponent(name)
    }

    static func names(_ home: TemporaryHome) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: home.url.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func write(_ text: String, _ name: String, _ home: TemporaryHome) throws {
        try Data(text.utf8).write(to: file(name, home))
    }

    /// progress.json with items done `daysAgo` days ago (so their first review is due),
    /// and notes, written as the coach writes it.
    static func writeProgress(_ home: TemporaryHome, _ items: [(id: String, status: String, daysAgo: Int, note: String?)]) throws {
        let entries = items.map { item in
            let date = moment(-Double(item.daysAgo) * 86_400)
            var fields = ["\"status\": \"\(item.status)\"", "\"changed\": \"\(date)\""]
            if item.status == "done" { fields.append("\"done\": \"\(date)\"") }
            if let note = item.note { fields.append("\"note\": \"\(note)\"") }
            return "\"\(item.id)\": {\(fields.joined(separator: ", "))}"
        }
        try write("{\"version\": 1, \"items\": {\(entries.joined(separator: ", "))}}\n", "progress.json", home)
    }

    static let ideaTitle = "Support-ticket triage bot"

    static func writeBacklog(_ home: TemporaryHome) throws {
        try write("""
            {"version": 1, "ideas": [{"id": "triage-bot", "title": "\(ideaTitle)", "note": "Start from public tickets.",
             "status": "active", "reach": 400, "impact": 2, "confidence": 0.8, "effort": 1.5,
             "hiddenCosts": {"labeling": 0.5}, "items": ["genai.llm-basics"],
             "created": "2024-05-01T09:00:00Z", "updated": "2024-05-01T09:00:00Z"}]}
            """, "backlog.json", home)
    }

    /// A session timer as the full-screen coach saves it while it runs: started
    /// `minutesAgo`, last saved `savedAgo` minutes ago.
    /// Days that start 12 hours from now, so a session started minutes ago is on today
    /// whatever the hour the test runs at (the default day start is 04:00).
    static func startDaysAwayFromNow(_ home: TemporaryHome) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let hour = (calendar.component(.hour, from: Date()) + 12) % 24
        try coach(["settings", "--day-start", "\(hour):00"], home)
    }

    static func writeRunningSession(_ home: TemporaryHome, minutesAgo: Double, savedAgo: Double) throws {
        let started = moment(-minutesAgo * 60)
        try write("""
            {"version": 1, "timer": {"started": "\(started)", "runningSince": "\(started)", "accumulatedSeconds": 0,
             "lastSeen": "\(moment(-savedAgo * 60))", "items": ["genai.hallucinations"]}}
            """, "session.json", home)
    }

    /// The export as JSON without its time stamp, which differs from run to run.
    static func exportWithoutTime(_ url: URL) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(object["exportedAt"] is String)
        object.removeValue(forKey: "exportedAt")
        return object as NSDictionary
    }

    // MARK: - Settings

    @Test func settingsShowsChangesAndValidates() throws {
        let home = TemporaryHome()
        let shown = try Self.coach(["settings"], home)
        #expect(shown.stdout.contains("focus track: none"))
        #expect(shown.stdout.contains("daily goal:  45 min"))
        #expect(shown.stdout.contains("coach settings --focus TRACK"))

        #expect(try Self.refused(["settings", "--focus", "genia"], home).contains("did you mean genai?"))
        for goal in ["4", "601", "abc", "45.5", ""] {
            let message = try Self.refused(["settings", "--goal", goal], home)
            #expect(message.contains("--goal") && message.contains("5 to 600"), "\(goal): \(message)")
        }
        #expect(try Self.refused(["settings", "--focus", "genai", "--no-focus"], home).contains("not both"))
        #expect(try Self.names(home).isEmpty, "nothing saved by a refusal")

        let changed = try Self.coach(["settings", "--focus", "Generative AI", "--goal", "30"], home)
        #expect(changed.stdout.contains("focus track: none → Generative AI (genai)"))
        #expect(changed.stdout.contains("45 → 30 min, from today"))
        let settings = try Self.object(["settings", "--json"], home)
        #expect(settings["focusTrack"] as? String == "genai")
        #expect(settings["dailyGoalMinutes"] as? Int == 30)

        // The goal history: earlier days keep 45, today on 30.
        let journal = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.file("journal.json", home))) as? [String: Any])
        let goals = try #require(journal["goals"] as? [[String: Any]])
        #expect(goals.map { $0["from"] as? String } == [Self.day(-1), Self.day()])
        #expect(goals.map { $0["minutes"] as? Int } == [45, 30])

        try Self.coach(["settings", "--no-focus"], home)
        let cleared = try Self.object(["settings", "--json"], home)
        #expect(cleared["focusTrack"] == nil)
        #expect(cleared["dailyGoalMinutes"] as? Int == 30, "only the field asked for changes")
    }

    // MARK: - Today

    @Test func todayWithoutAFocusTrackSaysHowToChooseOne() throws {
        let home = TemporaryHome()
        let plan = try Self.object(["today", "--json"], home)
        #expect(plan["date"] as? String == Self.day())
        #expect(plan["goal"] as? Int == 45)
        #expect((plan["entries"] as? [Any])?.isEmpty == true)
        #expect((plan["notice"] as? String)?.contains("coach settings --focus TRACK") == true)
        let text = try Self.coach(["today"], home).stdout
        #expect(text.contains("Choose a focus track"))
        #expect(text.contains("planned 0 of 45 min"))
    }

    @Test func todayPlansReviewsThenTheFocusTrackThenOneToExplore() throws {
        let home = TemporaryHome()
        try Self.writeProgress(home, [("genai.diffusion", "done", 3, nil)])
        try Self.coach(["settings", "--focus", "genai", "--goal", "600"], home)
        let plan = try Self.object(["today", "--json"], home)
        let entries = try #require(plan["entries"] as? [[String: Any]])
        try #require(entries.count >= 3)
        #expect(entries[0]["kind"] as? String == "review")
        #expect(entries[0]["item"] as? String == "genai.diffusion")
        #expect(entries[1]["kind"] as? String == "focus")
        #expect(entries[1]["item"] as? String == "genai.llm-basics", "the focus track in curriculum order")
        #expect(entries[1]["minutes"] as? Int == 180)
        #expect(entries[1]["finished"] as? Bool == false)
        #expect((entries[1]["title"] as? String)?.isEmpty == false)
        #expect(entries.last?["kind"] as? String == "explore")
        #expect(entries.last?["track"] as? String != "genai")
        #expect(plan["planned"] as? Int == entries.reduce(0) { $0 + ($1["minutes"] as? Int ?? 0) })
        #expect(plan["reviewsDue"] as? Int == 1)
        #expect(plan["notice"] is NSNull, "kept as null, not left out")

        try Self.coach(["check", "genai.llm-basics"], home)
        let after = try #require(try Self.object(["today", "--json"], home)["entries"] as? [[String: Any]])
        let basics = after.first { $0["item"] as? String == "genai.llm-basics" }
        #expect(basics?["finished"] as? Bool == true, "finished today stays in the plan, ticked")

        let text = try Self.coach(["today"], home).stdout
        #expect(text.contains("focus: Generative AI"))
        #expect(text.contains("[x] genai.llm-basics"))
        #expect(text.contains("review  [ ] genai.diffusion"))
    }

    // MARK: - Log and journal

    @Test func logTakesAPastDayAndRefusesBadInputNamingTheFlag() throws {
        let home = TemporaryHome()
        let logged = try Self.coach(["log", "--minutes", "30", "--date", Self.day(-3), "--note", "Read about evals",
                                     "--item", "genai.hallucinations", "genai.llm-basics"], home)
        #expect(logged.stdout.hasPrefix("logged session 1: \(Self.day(-3)) · 30 min"))
        let before = try Data(contentsOf: Self.file("journal.json", home))

        let future = try Self.refused(["log", "--minutes", "30", "--date", Self.day(1)], home)
        #expect(future.contains("--date") && future.contains("not in the future"))
        #expect(try Self.refused(["log", "--minutes", "30", "--date", "2024-13-01"], home).contains("--date"))
        for minutes in ["0", "1441", "abc", "1.5"] {
            let message = try Self.refused(["log", "--minutes", minutes], home)
            #expect(message.contains("--minutes") && message.contains("1 to 1440"), "\(minutes): \(message)")
        }
        let item = try Self.refused(["log", "--minutes", "10", "--item", "genai.halucinations"], home)
        #expect(item.contains("--item") && item.contains("genai.hallucinations"))
        let both = try Self.refused(["log", "--minutes", "0", "--date", Self.day(2)], home)
        #expect(both.contains("--minutes") && both.contains("--date"), "every problem at once")
        #expect(try Self.refused(["log"], home).contains("--minutes"))
        #expect(try Data(contentsOf: Self.file("journal.json", home)) == before, "nothing written by a refusal")

        let entries = try Self.journal(home)
        #expect(entries.count == 1)
        #expect(entries[0]["date"] as? String == Self.day(-3))
        #expect(entries[0]["items"] as? [String] == ["genai.hallucinations", "genai.llm-basics"])
        #expect(entries[0]["note"] as? String == "Read about evals")
        #expect(entries[0]["start"] is NSNull, "logged by hand, not timed")
    }

    @Test func journalListsNewestFirstAndEditsAndRemoves() throws {
        let home = TemporaryHome()
        #expect(try Self.coach(["journal"], home).stdout.contains("No sessions logged yet"))
        try Self.coach(["log", "--minutes", "20", "--date", Self.day(-2)], home)
        try Self.coach(["log", "--minutes", "30", "--date", Self.day(-1), "--note", "typo"], home)
        try Self.coach(["log", "--minutes", "40", "--item", "genai.gans"], home)
        #expect(try Self.journal(home).map { $0["id"] as? Int } == [3, 2, 1])
        let text = try Self.coach(["journal"], home).stdout
        // Columns: id, date, minutes (right-aligned), items, note.
        #expect(text.contains(" 2  \(Self.day(-1))       30              typo\n"), "\(text)")
        #expect(text.contains(" 3  \(Self.day())       40  genai.gans\n"), "\(text)")

        let edited = try Self.coach(["journal", "edit", "2", "--minutes", "35", "--note", "fixed"], home)
        #expect(edited.stdout.contains("30 min · typo → \(Self.day(-1)) · 35 min · fixed"))
        try Self.coach(["journal", "edit", "1", "--date", Self.day(), "--item", "genai.diffusion"], home)
        var entries = try Self.journal(home)
        #expect(entries.map { $0["id"] as? Int } == [3, 1, 2], "by day, then the last logged first")
        #expect(entries[1]["items"] as? [String] == ["genai.diffusion"])
        #expect(entries[2]["minutes"] as? Int == 35)
        #expect(entries[2]["note"] as? String == "fixed")

        try Self.coach(["journal", "edit", "2", "--note", ""], home)
        try Self.coach(["journal", "edit", "3", "--no-items"], home)
        entries = try Self.journal(home)
        #expect(entries.first { $0["id"] as? Int == 2 }?["note"] is NSNull)
        #expect(entries.first { $0["id"] as? Int == 3 }?["items"] as? [String] == [])

        let before = try Data(contentsOf: Self.file("journal.json", home))
        #expect(try Self.refused(["journal", "edit", "2", "--minutes", "0"], home).contains("--minutes"))
        #expect(try Self.refused(["journal", "edit", "2", "--date", Self.day(1)], home).contains("--date"))
        #expect(try Self.refused(["journal", "edit", "99", "--minutes", "5"], home).contains("no session 99"))
        #expect(try Data(contentsOf: Self.file("journal.json", home)) == before)

        #expect(try Self.coach(["journal", "rm", "3"], home).stdout.contains("removed session 3"))
        #expect(try Self.journal(home).map { $0["id"] as? Int } == [1, 2])
        #expect(try Self.refused(["journal", "rm", "3"], home).contains("no session 3"))
        try Self.coach(["log", "--minutes", "5"], home)
        #expect(try Self.journal(home).map { $0["id"] as? Int } == [3, 1, 2], "the next id after the last")
    }

    // MARK: - Status and stats

    @Test func statusIsOneShortLine() throws {
        let home = TemporaryHome()
        #expect(try Self.coach(["status"], home).stdout == "🔥 0 · 0/45m · 0 due\n")
        #expect(try Self.names(home).isEmpty, "status writes nothing")

        try Self.writeProgress(home, [("genai.diffusion", "done", 3, nil)])
        try Self.coach(["settings", "--goal", "30"], home)
        try Self.coach(["log", "--minutes", "45", "--date", Self.day(-1)], home)
        try Self.coach(["log", "--minutes", "20"], home)
        // genai.diffusion's cards, one per recall prompt.
        let cards = try #require((try Self.object(["item", "genai.diffusion", "--json"], home)["cards"] as? [Any])?.count)
        #expect(cards >= 2)
        #expect(try Self.coach(["status"], home).stdout == "🔥 1 · 20/30m · \(cards) due\n")
        #expect(try Self.coach(["status", "--plain"], home).stdout == "streak 1 | 20/30 min | \(cards) cards due\n")
        let noColor = try Self.coach(["status"], home, environment: ["NO_COLOR": "1"]).stdout
        #expect(noColor == "streak 1 | 20/30 min | \(cards) cards due\n")
        #expect(noColor.utf8.allSatisfy { $0 < 0x80 }, "plain ASCII")

        try Self.coach(["log", "--minutes", "10"], home)
        try Self.coach(["review", "genai.diffusion", "--rating", "good"], home)
        #expect(try Self.coach(["status"], home).stdout == "🔥 2 · 30/30m · 0 due\n")
    }

    @Test func statsCountsStreaksMinutesReviewsAndProgress() throws {
        let home = TemporaryHome()
        try Self.writeProgress(home, [("genai.diffusion", "done", 3, nil), ("genai.gans", "skipped", 3, nil)])
        try Self.coach(["log", "--minutes", "50", "--date", Self.day(-3)], home)
        try Self.coach(["log", "--minutes", "45", "--date", Self.day(-1)], home)
        try Self.coach(["log", "--minutes", "15"], home)
        try Self.coach(["log", "--minutes", "30"], home)
        let stats = try Self.object(["stats", "--json"], home)
        #expect(stats["currentStreak"] as? Int == 3, "one missed day does not break it")
        #expect(stats["longestStreak"] as? Int == 3)
        #expect(stats["todayCounts"] as? Bool == true)
        #expect(stats["streakAtRisk"] as? Bool == false)
        #expect(stats["minutesToday"] as? Int == 45)
        #expect(stats["minutesTotal"] as? Int == 140)
        #expect(stats["sessions"] as? Int == 4)
        #expect(stats["daysStudied"] as? Int == 3)
        #expect(stats["reviewsDue"] as? Int == 1)
        #expect(stats["itemsDone"] as? Int == 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.utc
        let sinceMonday = (calendar.component(.weekday, from: Self.learnerNow) + 5) % 7
        let week = [(50, 3), (45, 1), (45, 0)].filter { $0.1 <= sinceMonday }.reduce(0) { $0 + $1.0 }
        #expect(stats["minutesThisWeek"] as? Int == week)
        let tracks = try #require(stats["tracks"] as? [[String: Any]])
        let genai = tracks.first { $0["id"] as? String == "genai" }
        #expect(genai?["done"] as? Int == 1)
        #expect(genai?["counted"] as? Int == 17, "skipped items do not count")

        let text = try Self.coach(["stats"], home).stdout
        #expect(text.contains("streak       3 days (longest 3 days)"))
        #expect(text.contains("today        45 of 45 min, goal reached"))
        #expect(text.contains("Generative AI"))
    }

    // MARK: - Review

    @Test func reviewRecordsARatingOfADoneItemOnly() throws {
        let home = TemporaryHome()
        let notDone = try Self.refused(["review", "genai.hallucinations", "--rating", "good"], home)
        #expect(notDone.contains("genai.hallucinations is todo, not done"))
        #expect(notDone.contains("coach check genai.hallucinations"))
        #expect(try Self.refused(["review", "genai.halucinations", "--rating", "good"], home).contains("did you mean"))
        #expect(try Self.refused(["review", "genai.diffusion", "--rating", "meh"], home).contains("'hard', 'good' or 'easy'"))
        #expect(!FileManager.default.fileExists(atPath: Self.file("reviews.json", home).path))

        try Self.coach(["check", "genai.hallucinations"], home)
        let good = try Self.coach(["review", "genai.hallucinations", "--rating", "good"], home)
        #expect(good.stdout.contains("next review on \(Self.day(3)), in 3 days"))
        let hard = try Self.coach(["review", "genai.hallucinations", "--rating", "hard"], home)
        #expect(hard.stdout.contains("next review on \(Self.day(1)), in 1 day"), "hard restarts the ladder")
        let easy = try Self.coach(["review", "genai.hallucinations", "--rating", "easy"], home)
        #expect(easy.stdout.contains("next review on \(Self.day(7))"), "easy climbs two steps")
        let reviews = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.file("reviews.json", home))) as? [String: Any])
        let history = (reviews["items"] as? [String: Any])?["genai.hallucinations"] as? [[String: Any]]
        #expect(history?.map { $0["rating"] as? String } == ["good", "hard", "easy"])
    }

    // MARK: - Export and import

    /// A home with something in every file.
    static func fullHome() throws -> TemporaryHome {
        let home = TemporaryHome()
        try writeProgress(home, [("genai.llm-basics", "done", 3, "Wrote it up: https://example.com/llm-notes"),
                                 ("genai.hallucinations", "doing", 1, "Halfway through the evals chapter"),
                                 ("retired.item", "done", 30, "Kept although the curriculum dropped it")])
        try writeBacklog(home)
        try coach(["settings", "--focus", "genai", "--goal", "30"], home)
        try coach(["log", "--minutes", "40", "--date", day(-9), "--note", "Tokens and context windows",
                   "--item", "genai.llm-basics"], home)
        try coach(["log", "--minutes", "25", "--note", "Café ☕ and prompts"], home)
        try coach(["review", "genai.llm-basics", "--rating", "good"], home)
        return home
    }

    @Test func exportThenImportRestoresTheSameHome() throws {
        let original = try Self.fullHome()
        let exported = original.url.appendingPathComponent("export.json")
        let wrote = try Self.coach(["export", "--format", "json", "--output", exported.path], original)
        #expect(wrote.stdout.contains("3 items with progress, 1 idea, 2 sessions, 1 review"))
        let stdout = try Self.coach(["export", "--format", "json"], original).stdout
        #expect(stdout.contains("\"version\" : 1"))

        let restored = TemporaryHome()
        let imported = try Self.coach(["import", exported.path], restored)
        #expect(imported.stdout.contains("imported"))
        #expect(try Self.names(restored) == ["backlog.json", "journal.json", "progress.json", "reviews.json", "settings.json"])
        let again = restored.url.appendingPathComponent("again.json")
        try Self.coach(["export", "--output", again.path], restored)
        #expect(try Self.exportWithoutTime(again) == Self.exportWithoutTime(exported))

        // The restored home works as the original did.
        #expect(try Self.coach(["status"], restored).stdout == Self.coach(["status"], original).stdout)
        #expect(try Self.journal(restored).count == 2)
    }

    @Test func importRefusesAHomeWithDataAndWritesNothing() throws {
        let original = try Self.fullHome()
        let exported = original.url.appendingPathComponent("export.json")
        try Self.coach(["export", "--format", "json", "--output", exported.path], original)

        let busy = TemporaryHome()
        try Self.coach(["settings", "--goal", "20"], busy)
        let before = try Self.names(busy)
        let settings = try Data(contentsOf: Self.file("settings.json", busy))
        let message = try Self.refused(["import", exported.path], busy)
        #expect(message.contains("already holds data"))
        #expect(message.contains("settings.json"))
        #expect(message.contains("nothing was changed"))
        #expect(message.split(separator: "\n").count == 1)
        #expect(try Self.names(busy) == before)
        #expect(try Data(contentsOf: Self.file("settings.json", busy)) == settings)

        // A bad file is refused before anything is written, naming the place.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: exported)) as? [String: Any])
        var journal = try #require(object["journal"] as? [String: Any])
        var entries = try #require(journal["entries"] as? [[String: Any]])
        entries[1]["minutes"] = 5000
        journal["entries"] = entries
        object["journal"] = journal
        let bad = original.url.appendingPathComponent("bad.json")
        try JSONSerialization.data(withJSONObject: object).write(to: bad)
        let empty = TemporaryHome()
        let refusal = try Self.refused(["import", bad.path], empty)
        #expect(refusal.contains("journal.entries[1].minutes"))
        #expect(refusal.contains(bad.path))
        #expect(try Self.names(empty).isEmpty)

        let markdown = original.url.appendingPathComponent("log.md")
        try Self.coach(["export", "--output", markdown.path], original)
        #expect(try Self.refused(["import", markdown.path], empty).contains("not valid JSON"))
        #expect(try Self.refused(["import", "/nonexistent/export.json"], empty).contains("/nonexistent/export.json"))
        #expect(try Self.names(empty).isEmpty)
    }

    @Test func markdownExportIsALearningLogAndPortfolio() throws {
        let home = try Self.fullHome()
        let text = try Self.coach(["export", "--format", "markdown"], home).stdout
        for expected in [
            "# Learning log", "Focus track: Generative AI", "Daily goal: 30 minutes",
            "## Tracks", "### Generative AI — 1 of 18 done (5%)",
            "(`genai.llm-basics`), done \(Self.day(-3))", "Note: Wrote it up: https://example.com/llm-notes",
            "in progress", "Halfway through the evals chapter",
            "### Items no longer in the curriculum", "Kept although the curriculum dropped it",
            "## Journal", "Tokens and context windows", "Café ☕ and prompts", "\(Self.day(-9)), 40 min",
            "## Side-project backlog", "| 1 | \(Self.ideaTitle) | active |", "0.5 hidden", "Start from public tickets.",
            "## Reviews", "1 review, last good on \(Self.day())",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(text.components(separatedBy: "### Week of ").count - 1 >= 2, "the journal by week")
        // The journal newest first.
        let newest = try #require(text.range(of: "Café ☕ and prompts"))
        let oldest = try #require(text.range(of: "Tokens and context windows"))
        #expect(newest.lowerBound < oldest.lowerBound)

        let file = home.url.appendingPathComponent("log.md")
        try Self.coach(["export", "--output", file.path], home)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("# Learning log"))
    }

    // MARK: - Interrupted sessions

    @Test func anInterruptedSessionIsLoggedByTheNextCommandOnce() throws {
        let home = TemporaryHome()
        try Self.startDaysAwayFromNow(home)
        try Self.writeRunningSession(home, minutesAgo: 30, savedAgo: 10)
        let saved = try Data(contentsOf: Self.file("session.json", home))

        // The next command, whatever it is, logs it with the minutes up to the last save.
        #expect(try Self.coach(["status"], home).stdout == "🔥 0 · 20/45m · 0 due\n")
        #expect(!FileManager.default.fileExists(atPath: Self.file("session.json", home).path))
        var entries = try Self.journal(home)
        #expect(entries.count == 1)
        #expect(entries.first?["minutes"] as? Int == 20)
        #expect(entries.first?["items"] as? [String] == ["genai.hallucinations"])
        #expect(entries.first?["start"] is String)

        // A crash between logging and clearing leaves the same file: not logged twice.
        try saved.write(to: Self.file("session.json", home))
        let today = try Self.coach(["today"], home)
        #expect(today.stdout.contains("logged today 20 min"))
        #expect(!FileManager.default.fileExists(atPath: Self.file("session.json", home).path))
        entries = try Self.journal(home)
        #expect(entries.count == 1)

        // Reported once, on stderr, by a command that is not a prompt line.
        try Self.writeRunningSession(home, minutesAgo: 5, savedAgo: 0)
        let log = try Self.coach(["journal"], home)
        #expect(log.stderr.contains("logged a session that was still under way"))
        #expect(try Self.journal(home).count == 2)
        #expect(try Self.coach(["journal"], home).stderr.isEmpty)
    }

    @Test func theLiveSessionOfARunningCoachIsLeftAlone() throws {
        let home = TemporaryHome()
        try Self.startDaysAwayFromNow(home)
        try Self.writeRunningSession(home, minutesAgo: 15, savedAgo: 0)
        // The full-screen coach holds the home's lock (on the home folder) while it runs,
        // and says so in .lock.
        let fd = open(home.url.path, O_RDONLY | O_DIRECTORY)
        try #require(fd >= 0)
        try Data("\(getpid()) full-screen\n".utf8).write(to: Self.file(".lock", home))
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        #expect(try Self.coach(["status"], home).stdout == "🔥 0 · 0/45m · 0 due\n")
        #expect(try Self.journal(home).isEmpty)
        #expect(FileManager.default.fileExists(atPath: Self.file("session.json", home).path))
        flock(fd, LOCK_UN)
        close(fd)
        // Once it is gone (killed), the next command logs the session.
        #expect(try Self.coach(["status"], home).stdout == "🔥 0 · 15/45m · 0 due\n")
    }
}
