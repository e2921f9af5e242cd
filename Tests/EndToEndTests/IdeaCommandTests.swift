import Foundation
import Testing

/// `coach idea add|list|show|edit|rm` through the real binary: every flag's parsing, the
/// ranking, the JSON, the score breakdown and the starter ideas.
@Suite struct IdeaCommandTests {
    // MARK: - Helpers

    /// The repository's Data folder, found from this file.
    static let dataFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    /// A valid `idea add` with one flag's value replaced (or added).
    static func addArguments(_ title: String, reach: String = "100", impact: String = "medium",
                             confidence: String = "80%", effort: String = "1", extra: [String] = []) -> [String] {
        ["idea", "add", title, "--reach", reach, "--impact", impact, "--confidence", confidence, "--effort", effort] + extra
    }

    @discardableResult
    static func add(_ home: TemporaryHome, _ title: String, reach: String = "100", impact: String = "medium",
                    confidence: String = "80%", effort: String = "1", extra: [String] = [],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try CoachBinary.run(addArguments(title, reach: reach, impact: impact, confidence: confidence,
                                                      effort: effort, extra: extra), home: home.url)
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        // "ID: added, score …"
        return String(result.stdout.prefix { $0 != ":" })
    }

    static func list(_ home: TemporaryHome, _ extra: [String] = [],
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let result = try CoachBinary.run(["idea", "list", "--json"] + extra, home: home.url)
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
                            sourceLocation: sourceLocation)
    }

    static func backlogFile(_ home: TemporaryHome) -> URL { home.url.appendingPathComponent("backlog.json") }

    static func ids(_ rows: [[String: Any]]) -> [String] { rows.map { $0["id"] as? String ?? "?" } }

    static func idea(_ rows: [[String: Any]], _ id: String) -> [String: Any]? {
        rows.first { $0["id"] as? String == id }
    }

    /// The stderr lines of a refused command, after checking it was refused and stored nothing.
    static func refusal(_ arguments: [String], home: TemporaryHome,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let before = try? Data(contentsOf: backlogFile(home))
        let result = try CoachBinary.run(arguments, home: home.url)
        #expect(result.status != 0, "\(arguments) was accepted: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let after = try? Data(contentsOf: backlogFile(home))
        #expect(after == before, "a refused command changed the backlog", sourceLocation: sourceLocation)
        return result.stderr.split(separator: "\n").map(String.init)
    }

    /// Item ids and titles of the first track, read through `coach show --json`.
    static func items(_ home: TemporaryHome) throws -> [(id: String, title: String)] {
        let result = try CoachBinary.run(["show", "genai", "--json"], home: home.url)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]] ?? []
        return items.map { ($0["id"] as? String ?? "", $0["title"] as? String ?? "") }
    }

    /// Terminal cells: enough of East Asian width for the titles used here.
    static func cells(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            if (0x0300...0x036F).contains(scalar.value) { return width }
            return width + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value) ? 2 : 1)
        }
    }

    // MARK: - Flags of add

    @Test func confidenceAsPercentOrDecimalIsTheSame() throws {
        let home = TemporaryHome()
        let percent = try Self.add(home, "Percent bot", confidence: "80%")
        let decimal = try Self.add(home, "Decimal bot", confidence: "0.8")
        let spaced = try Self.add(home, "Spaced bot", confidence: " 80 % ")
        let rows = try Self.list(home)
        for id in [percent, decimal, spaced] {
            #expect(Self.idea(rows, id)?["confidence"] as? Double == 0.8, "\(id)")
            #expect(Self.idea(rows, id)?["score"] as? Double == 80)
        }
        let whole = try Self.refusal(Self.addArguments("X", confidence: "80"), home: home)
        #expect(whole == ["Error: --confidence: must be more than 0 and at most 1 (80% and 0.8 are the same); got 80; for a percentage write 80%"])
        let over = try Self.refusal(Self.addArguments("X", confidence: "1.5"), home: home)
        #expect(over == ["Error: --confidence: must be more than 0 and at most 1 (80% and 0.8 are the same); got 1.5"])
        for bad in ["0", "0%", "101%", "-0.5", "%", "eighty"] {
            let lines = try Self.refusal(Self.addArguments("X", confidence: bad), home: home)
            #expect(lines.count == 1 && lines[0].hasPrefix("Error: --confidence: "), "\(bad): \(lines)")
        }
    }

    @Test func impactTakesANameOrOneOfTheFiveNumbers() throws {
        let home = TemporaryHome()
        let cases: [(String, Double)] = [("massive", 3), ("High", 2), ("medium", 1), ("LOW", 0.5), ("minimal", 0.25),
                                         ("0.5", 0.5), ("3", 3), (".25", 0.25), ("2", 2)]
        var ids: [(String, Double)] = []
        for (index, (typed, value)) in cases.enumerated() {
            ids.append((try Self.add(home, "Impact \(index)", impact: typed), value))
        }
        let rows = try Self.list(home)
        for (id, value) in ids {
            #expect(Self.idea(rows, id)?["impact"] as? Double == value, "\(id)")
        }
        for bad in ["7", "0.3", "huge", "nan", "inf", ""] {
            let lines = try Self.refusal(Self.addArguments("X", impact: bad), home: home)
            #expect(lines.count == 1, "\(bad): \(lines)")
            #expect(lines.first?.hasPrefix("Error: --impact: must be one of massive (3), high (2), medium (1), low (0.5), minimal (0.25); got") == true,
                    "\(bad): \(lines)")
        }
    }

    static let numberFlags = ["--reach", "--effort", "--confidence", "--labeling", "--retraining", "--monitoring", "--regulatory"]

    @Test(arguments: numberFlags)
    func nanAndInfinityAreRefusedNamingTheFlag(_ flag: String) throws {
        let home = TemporaryHome()
        for (value, words) in [("nan", "which is not a number"), ("NaN", "which is not a number"), ("inf", "which is not finite"),
                               ("-inf", "which is not finite"), ("infinity", "which is not finite"), ("1e999", "which is too large")] {
            let lines = try Self.refusal(Self.addArguments("X") + [flag, value], home: home)
            #expect(lines.count == 1, "\(flag) \(value): \(lines)")
            #expect(lines.first?.hasPrefix("Error: \(flag): must be") == true, "\(flag) \(value): \(lines)")
            #expect(lines.first?.hasSuffix("got \(value), \(words)") == true || lines.first?.contains("got \"\(value)\", \(words)") == true,
                    "\(flag) \(value): \(lines)")
        }
        #expect(!FileManager.default.fileExists(atPath: Self.backlogFile(home).path))
    }

    @Test func negativeNumbersReachTheValidatorWithOrWithoutEquals() throws {
        let home = TemporaryHome()
        let spaced = try Self.refusal(["idea", "add", "X", "--reach", "-1", "--impact", "low", "--confidence", "0.5", "--effort", "1"], home: home)
        #expect(spaced == ["Error: --reach: must be a finite number ≥ 0 (people or events per month); got -1"])
        let equals = try Self.refusal(["idea", "add", "X", "--reach=-1", "--impact", "low", "--confidence", "0.5", "--effort", "1"], home: home)
        #expect(equals == spaced)
        let costs = try Self.refusal(Self.addArguments("X", effort: "-2") + ["--labeling", "-0.5", "--regulatory", "-1e3"], home: home)
        #expect(costs == [
            "Error: --effort: must be a finite number > 0 (person-months); got -2",
            "Error: --labeling: must be a finite number ≥ 0 (person-months; empty means 0); got -0.5",
            "Error: --regulatory: must be a finite number ≥ 0 (person-months; empty means 0); got -1e3",
        ])
        // Zero reach is allowed (an idea nobody would use scores 0), and -0 is 0.
        let zero = try Self.add(home, "Nobody bot", reach: "-0")
        #expect(Self.idea(try Self.list(home), zero)?["reach"] as? Double == 0)
    }

    @Test func zeroEffortIsRefusedAndTinyEffortIsNot() throws {
        let home = TemporaryHome()
        for zero in ["0", "0.0", "-0", "0e5"] {
            let lines = try Self.refusal(Self.addArguments("X", effort: zero), home: home)
            #expect(lines == ["Error: --effort: must be a finite number > 0 (person-months); got \(zero)"])
        }
        // Zero effort with hidden costs is still zero effort: the work itself is never free.
        let withCosts = try Self.refusal(Self.addArguments("X", effort: "0") + ["--labeling", "1"], home: home)
        #expect(withCosts.count == 1 && withCosts[0].hasPrefix("Error: --effort:"))
        let tiny = try Self.add(home, "Tiny", effort: "0.0625")
        #expect(Self.idea(try Self.list(home), tiny)?["score"] as? Double == 1_280)
        // A score too large to compute is refused, not stored as infinity.
        let huge = try Self.refusal(Self.addArguments("X", reach: "1e300", effort: "1e-300"), home: home)
        #expect(huge.count == 1 && huge[0].hasPrefix("Error: --effort:") && huge[0].contains("too large"), "\(huge)")
    }

    @Test func everyProblemIsReportedAtOnceOneLinePerFlag() throws {
        let home = TemporaryHome()
        let lines = try Self.refusal(["idea", "add", "", "--reach", "-1", "--impact", "7", "--confidence", "1.5", "--effort", "0",
                                      "--labeling", "nan", "--retraining", "inf", "--monitoring", "x", "--regulatory", "1,5",
                                      "--status", "someday", "--item", "a/b", "--item", "zzzz.qqqq"], home: home)
        let flags = lines.map { line in String(line.dropFirst("Error: ".count).prefix { $0 != ":" }) }
        #expect(flags == ["title", "--reach", "--impact", "--confidence", "--effort", "--labeling", "--retraining",
                          "--monitoring", "--regulatory", "--status", "--item", "--item"], "\(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix("Error: ") && $0.contains("must be") })
        #expect(lines.contains { $0.contains("--regulatory:") && $0.contains("write a point for decimals") })
        #expect(!FileManager.default.fileExists(atPath: Self.backlogFile(home).path))
    }

    @Test func missingNumbersAreAllNamed() throws {
        let home = TemporaryHome()
        let lines = try Self.refusal(["idea", "add", "Just a title"], home: home)
        #expect(lines == [
            "Error: --reach: must be a finite number ≥ 0 (people or events per month); got nothing",
            "Error: --impact: must be one of massive (3), high (2), medium (1), low (0.5), minimal (0.25); got nothing",
            "Error: --confidence: must be more than 0 and at most 1 (80% and 0.8 are the same); got nothing",
            "Error: --effort: must be a finite number > 0 (person-months); got nothing",
        ])
    }

    @Test func anEmptyOrBlankTitleIsRefused() throws {
        let home = TemporaryHome()
        let empty = try Self.refusal(Self.addArguments(""), home: home)
        #expect(empty == ["Error: title: must be 1 to 200 characters on one line; got nothing"])
        let blank = try Self.refusal(Self.addArguments("   "), home: home)
        #expect(blank == ["Error: title: must be 1 to 200 characters on one line; got only spaces"])
        let none = try Self.refusal(["idea", "add", "--reach", "1", "--impact", "low", "--confidence", "1", "--effort", "1"], home: home)
        #expect(none == empty)
        let newline = try Self.refusal(Self.addArguments("Two\nlines"), home: home)
        #expect(newline == ["Error: title: must be 1 to 200 characters on one line; got a line break or control character"])
    }

    @Test func aTenThousandCharacterTitleIsRefusedAndTwoHundredIsKept() throws {
        let home = TemporaryHome()
        let long = String(repeating: "Résumé ", count: 1_429).prefix(10_000)
        #expect(long.count == 10_000)
        let lines = try Self.refusal(Self.addArguments(String(long)), home: home)
        #expect(lines == ["Error: title: must be 1 to 200 characters on one line; got 10000 characters"])

        let longest = String(repeating: "日本語 bot ", count: 30).prefix(199) + "!"
        #expect(longest.count == 200)
        let id = try Self.add(home, String(longest))
        #expect(Self.idea(try Self.list(home), id)?["title"] as? String == String(longest))
        // The plain table cuts it to fit, and says so.
        let plain = try CoachBinary.run(["idea", "list"], home: home.url)
        let row = try #require(plain.stdout.split(separator: "\n").first { $0.contains(id) })
        #expect(row.contains("…"))
        #expect(Self.cells(row) < 160)
    }

    @Test func nonASCIITitlesRoundTripAndLineUp() throws {
        let home = TemporaryHome()
        let titles = ["Résumé 日本語 bot", "Café recommender", "Привет мир", "Plain ASCII idea", "e\u{301}cole decomposed"]
        var ids: [String] = []
        for (index, title) in titles.enumerated() {
            ids.append(try Self.add(home, title, reach: "\(100 + index)"))
        }
        #expect(ids.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } && !$0.contains(" ") }, "\(ids)")
        let rows = try Self.list(home)
        for (id, title) in zip(ids, titles) {
            #expect(Self.idea(rows, id)?["title"] as? String == title)
        }
        let show = try CoachBinary.run(["idea", "show", ids[0]], home: home.url)
        #expect(show.stdout.contains("Résumé 日本語 bot"))

        // Columns after the title start at the same terminal cell on every row.
        let plain = try CoachBinary.run(["idea", "list"], home: home.url)
        let lines = plain.stdout.split(separator: "\n").filter { line in titles.contains { line.contains($0) } }
        #expect(lines.count == titles.count)
        let scoreEnds = lines.map { line -> Int in
            let title = titles.first { line.contains($0) }!
            let afterTitle = line.range(of: title)!.upperBound
            let scoreStart = line[afterTitle...].firstIndex { $0 != " " }!
            return Self.cells(line[..<scoreStart])
        }
        #expect(Set(scoreEnds).count == 1, "\(plain.stdout)")
    }

    // MARK: - Ranking

    @Test func hiddenCostsChangeTheScoreAndTheRanking() throws {
        let home = TemporaryHome()
        let plain = try Self.add(home, "Plain effort", reach: "100", impact: "medium", confidence: "100%", effort: "1")
        let costly = try Self.add(home, "Costly AI", reach: "150", impact: "medium", confidence: "100%", effort: "1")
        #expect(Self.ids(try Self.list(home)) == [costly, plain])

        let edit = try CoachBinary.run(["idea", "edit", costly, "--labeling", "0.5", "--retraining", "0.25",
                                        "--monitoring", "0.25", "--regulatory", "0.5"], home: home.url)
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout.hasPrefix("\(costly): score 150 → 60, rank 1 → 2 of 2"), "\(edit.stdout)")
        let rows = try Self.list(home)
        #expect(Self.ids(rows) == [plain, costly])
        let idea = try #require(Self.idea(rows, costly))
        #expect(idea["effort"] as? Double == 1)
        #expect(idea["totalEffort"] as? Double == 2.5)
        #expect(idea["score"] as? Double == 60)
        let hidden = try #require(idea["hiddenCosts"] as? [String: Double])
        #expect(hidden == ["labeling": 0.5, "retraining": 0.25, "monitoring": 0.25, "regulatory": 0.5])

        // Given at add time, the same.
        let added = try Self.add(home, "Costly at once", reach: "150", confidence: "1", extra: ["--labeling", "1.5"])
        #expect(Self.idea(try Self.list(home), added)?["score"] as? Double == 60)
    }

    @Test func tiesGoToSmallerTotalEffortThenTitle() throws {
        let home = TemporaryHome()
        // All score 100.
        let big = try Self.add(home, "Aardvark big", reach: "200", confidence: "1", effort: "2")
        let hidden = try Self.add(home, "Aardvark hidden", reach: "200", confidence: "1", effort: "1", extra: ["--monitoring", "1"])
        let beta = try Self.add(home, "beta small", reach: "100", confidence: "1", effort: "1")
        let alpha = try Self.add(home, "Alpha small", reach: "100", confidence: "1", effort: "1")
        let accent = try Self.add(home, "Álpha small", reach: "100", confidence: "1", effort: "1")
        let rows = try Self.list(home)
        #expect(rows.allSatisfy { $0["score"] as? Double == 100 })
        // Effort 1 before 2; then titles ignoring case and accents ("Alpha" = "Álpha" < "beta"),
        // then exact title; total effort 2 (effort 1 + monitoring 1) ties with effort 2.
        #expect(Self.ids(rows) == [alpha, accent, beta, big, hidden])
        let plain = try CoachBinary.run(["idea", "list"], home: home.url)
        let order = plain.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[1] }
        #expect(order.map(String.init) == Self.ids(rows))
    }

    @Test func statusIsSetAndFiltered() throws {
        let home = TemporaryHome()
        let idea = try Self.add(home, "Just an idea")
        let active = try Self.add(home, "Active one", extra: ["--status", "active"])
        let shipped = try Self.add(home, "Shipped one", extra: ["--status", "Shipped"])
        let dropped = try Self.add(home, "Dropped one", extra: ["--status", "dropped"])
        #expect(Self.ids(try Self.list(home, ["--status", "active"])) == [active])
        #expect(Set(Self.ids(try Self.list(home, ["--status", "shipped", "--status", "dropped"]))) == [shipped, dropped])
        #expect(Self.idea(try Self.list(home, ["--status", "idea"]), idea)?["status"] as? String == "idea")
        #expect(try Self.list(home).count == 4)

        let plain = try CoachBinary.run(["idea", "list", "--status", "active"], home: home.url)
        #expect(plain.stdout.contains("Active one"))
        #expect(!plain.stdout.contains("Shipped one"))
        #expect(!plain.stdout.contains("Just an idea"))

        let bad = try Self.refusal(Self.addArguments("X", extra: ["--status", "someday"]), home: home)
        #expect(bad == ["Error: --status: must be one of idea, active, shipped, dropped; got \"someday\""])
        let badFilter = try CoachBinary.run(["idea", "list", "--status", "someday"], home: home.url)
        #expect(badFilter.status != 0)
        #expect(badFilter.stderr.contains("--status"))
        #expect(badFilter.stderr.contains("shipped"))

        let none = try CoachBinary.run(["idea", "rm", active], home: home.url)
        #expect(none.status == 0)
        let empty = try CoachBinary.run(["idea", "list", "--status", "active"], home: home.url)
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("No ideas with status active"))
        #expect(try Self.list(home, ["--status", "active"]).isEmpty)
    }

    @Test func itemsMustBeKnownAndUnknownOnesGetSuggestions() throws {
        let home = TemporaryHome()
        let items = try Self.items(home)
        try #require(items.count >= 3)
        let id = try Self.add(home, "Linked", extra: ["--item", items[0].id, "--item", "\(items[1].id),\(items[2].id)", "--item", items[0].id])
        #expect(Self.idea(try Self.list(home), id)?["items"] as? [String] == [items[0].id, items[1].id, items[2].id])

        let typo = String(items[1].id.dropLast())
        let lines = try Self.refusal(Self.addArguments("X", extra: ["--item", typo]), home: home)
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("Error: --item: must be ids of track items; got unknown \"\(typo)\" (did you mean"), "\(lines)")
        #expect(lines[0].contains(items[1].id))
        let nowhere = try Self.refusal(Self.addArguments("X", extra: ["--item", "zzzz.qqqq"]), home: home)
        #expect(nowhere == ["Error: --item: must be ids of track items; got unknown \"zzzz.qqqq\""])

        // Show names the linked items with their titles and status.
        let check = try CoachBinary.run(["check", items[1].id], home: home.url)
        #expect(check.status == 0)
        let show = try CoachBinary.run(["idea", "show", id], home: home.url)
        let linked = show.stdout.split(separator: "\n").filter { $0.contains("] ") }
        #expect(linked.count == 3, "\(show.stdout)")
        #expect(linked.first?.hasPrefix("Items ") == true)
        #expect(linked.contains { $0.contains("[ ] \(items[0].id) ") && $0.hasSuffix("  \(items[0].title) (todo)") }, "\(show.stdout)")
        #expect(linked.contains { $0.contains("[x] \(items[1].id) ") && $0.hasSuffix("  \(items[1].title) (done)") }, "\(show.stdout)")
        // The titles line up after the ids.
        let titleColumns = Set(zip(linked, items.prefix(3)).map { line, item in
            line.range(of: "  \(item.title) (").map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? -1
        })
        #expect(titleColumns.count == 1 && !titleColumns.contains(-1), "\(show.stdout)")

        // Edit replaces the list; an empty --item clears it.
        let edit = try CoachBinary.run(["idea", "edit", id, "--item", items[2].id], home: home.url)
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(Self.idea(try Self.list(home), id)?["items"] as? [String] == [items[2].id])
        let clear = try CoachBinary.run(["idea", "edit", id, "--item", ""], home: home.url)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(Self.idea(try Self.list(home), id)?["items"] as? [String] == [])
    }

    // MARK: - Output

    @Test func listJSONIsRankedWithExactlyTheseKeys() throws {
        let home = TemporaryHome()
        let low = try Self.add(home, "Low", reach: "10", impact: "minimal", confidence: "50%", effort: "2",
                               extra: ["--note", "Some words.\nTwo lines."])
        let high = try Self.add(home, "High", reach: "1000", impact: "massive", confidence: "0.9", effort: "3",
                                extra: ["--regulatory", "1"])
        let middle = try Self.add(home, "Middle", reach: "500", impact: "low", confidence: "0.7", effort: "1.5")
        let result = try CoachBinary.run(["idea", "list", "--json"], home: home.url)
        #expect(result.stderr.isEmpty, "no starter message once the learner has ideas")
        let rows = try Self.list(home)
        #expect(Self.ids(rows) == [high, middle, low])
        let keys: Set<String> = ["id", "title", "status", "reach", "impact", "confidence", "effort", "hiddenCosts",
                                 "totalEffort", "score", "note", "items", "created", "updated"]
        for row in rows {
            #expect(Set(row.keys) == keys)
            let hidden = try #require(row["hiddenCosts"] as? [String: Any])
            #expect(Set(hidden.keys) == ["labeling", "retraining", "monitoring", "regulatory"])
            #expect(row["impact"] is NSNumber)
        }
        let top = try #require(Self.idea(rows, high))
        #expect(top["reach"] as? Double == 1000)
        #expect(top["impact"] as? Double == 3)
        #expect(top["confidence"] as? Double == 0.9)
        #expect(top["effort"] as? Double == 3)
        #expect(top["totalEffort"] as? Double == 4)
        #expect(abs((top["score"] as? Double ?? 0) - 675) < 1e-9)
        #expect(top["status"] as? String == "idea")
        #expect(top["note"] is NSNull)
        #expect(Self.idea(rows, low)?["note"] as? String == "Some words.\nTwo lines.")
        let scores = rows.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))

        let empty = TemporaryHome()
        try Data(#"{"version": 1, "ideas": []}"#.utf8).write(to: Self.backlogFile(empty))
        let none = try CoachBinary.run(["idea", "list", "--json"], home: empty.url)
        #expect(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || none.stdout.contains("[]"), "\(none.stdout)")
        #expect(try Self.list(empty).isEmpty)
    }

    @Test func plainListHasTheColumns() throws {
        let home = TemporaryHome()
        let id = try Self.add(home, "Support triage bot", reach: "500", impact: "high", confidence: "80%", effort: "1",
                              extra: ["--labeling", "0.25", "--monitoring", "0.1"])
        let moon = try Self.add(home, "Moon base", reach: "10", impact: "low", confidence: "10%", effort: "3")
        let result = try CoachBinary.run(["idea", "list"], home: home.url)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines[0] == ["#", "id", "title", "R", "I", "C", "E", "score", "status"])
        #expect(lines[1] == ["1", id, "Support", "triage", "bot", "500", "2", "80%", "1.35", "592.59", "idea"], "\(result.stdout)")
        #expect(lines[2] == ["2", moon, "Moon", "base", "10", "0.5", "10%", "3", "0.17", "idea", "*"], "\(result.stdout)")
        #expect(result.stdout.contains("* moonshot: confidence below 50%"))
    }

    @Test func showBuildsTheScoreTermByTermAndFlagsMoonshots() throws {
        let home = TemporaryHome()
        let id = try Self.add(home, "Support triage bot", reach: "500", impact: "high", confidence: "80%", effort: "1",
                              extra: ["--labeling", "0.25", "--regulatory", "0.1", "--note", "Watch the queue.\nSecond line."])
        let result = try CoachBinary.run(["idea", "show", id], home: home.url)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        for expected in ["ID                 \(id)", "Title              Support triage bot", "Status             idea",
                         "Rank               1 of 1", "Score              592.59",
                         "Reach              500   per month", "Impact             2     high",
                         "Confidence         0.8   80%", "Effort             1     person-months",
                         "Labeling           0.25  person-months", "Retraining         0     person-months",
                         "Monitoring         0     person-months", "Regulatory review  0.1   person-months",
                         "Total effort       1 + 0.25 + 0 + 0 + 0.1 = 1.35  person-months",
                         "= 500 × 2 × 0.8 ÷ 1.35 = 592.59",
                         "Items              none", "Note               Watch the queue.", "                   Second line.",
                         "Created            ", "Updated            "] {
            #expect(text.contains(expected), "missing \(expected) in\n\(text)")
        }
        #expect(!text.contains("Moonshot"))

        let moon = try Self.add(home, "Moon base", reach: "10", impact: "massive", confidence: "49%", effort: "2")
        let moonShow = try CoachBinary.run(["idea", "show", moon], home: home.url)
        #expect(moonShow.stdout.contains("Moonshot           yes: confidence 49% is below 50%"), "\(moonShow.stdout)")
        #expect(moonShow.stdout.contains("Confidence         0.49  49%, moonshot"), "\(moonShow.stdout)")
        #expect(moonShow.stdout.contains("= 10 × 3 × 0.49 ÷ 2 = 7.35"), "\(moonShow.stdout)")
        #expect(moonShow.stdout.contains("Rank               2 of 2"))
        // Exactly 50% is not a moonshot.
        let half = try Self.add(home, "Half sure", confidence: "50%")
        #expect(!(try CoachBinary.run(["idea", "show", half], home: home.url)).stdout.contains("Moonshot"))
        let added = try CoachBinary.run(Self.addArguments("Another moon", confidence: "0.2"), home: home.url)
        #expect(added.stdout.contains("a moonshot"))
    }

    // MARK: - Edit and rm

    @Test func editChangesOnlyTheGivenFlagsAndTheRank() throws {
        let home = TemporaryHome()
        let first = try Self.add(home, "First", reach: "400", extra: ["--note", "keep me", "--monitoring", "0.5"])
        let second = try Self.add(home, "Second", reach: "200")
        let third = try Self.add(home, "Third", reach: "100", extra: ["--status", "active"])
        #expect(Self.ids(try Self.list(home)) == [first, second, third])
        let before = try #require(Self.idea(try Self.list(home), third))

        let edit = try CoachBinary.run(["idea", "edit", third, "--reach", "1000"], home: home.url)
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout == "\(third): score 80 → 800, rank 3 → 1 of 3  Third\n")
        let rows = try Self.list(home)
        #expect(Self.ids(rows) == [third, first, second])
        let after = try #require(Self.idea(rows, third))
        for key in ["title", "status", "impact", "confidence", "effort", "created", "note", "items"] {
            #expect("\(after[key] ?? "nil")" == "\(before[key] ?? "nil")", "\(key) changed")
        }
        #expect(after["reach"] as? Double == 1000)

        let retitle = try CoachBinary.run(["idea", "edit", first, "--title", "Première idée", "--confidence", "40%", "--impact", "0.5"],
                                          home: home.url)
        #expect(retitle.status == 0, "\(retitle.stderr)")
        #expect(retitle.stdout.contains("a moonshot"))
        let renamed = try #require(Self.idea(try Self.list(home), first))
        #expect(renamed["title"] as? String == "Première idée")
        #expect(renamed["note"] as? String == "keep me")
        #expect(renamed["hiddenCosts"] as? [String: Double] == ["labeling": 0, "retraining": 0, "monitoring": 0.5, "regulatory": 0])
        #expect(renamed["id"] as? String == first, "the id stays when the title changes")

        let same = try CoachBinary.run(["idea", "edit", second, "--reach", "200"], home: home.url)
        #expect(same.stdout.hasPrefix("\(second): nothing changed"))

        // A bad edit changes nothing and names the flags; edit's title is a flag.
        let bad = try Self.refusal(["idea", "edit", second, "--title", "", "--effort", "0", "--confidence", "nan"], home: home)
        #expect(bad == [
            "Error: --title: must be 1 to 200 characters on one line; got nothing",
            "Error: --confidence: must be more than 0 and at most 1 (80% and 0.8 are the same); got nan, which is not a number",
            "Error: --effort: must be a finite number > 0 (person-months); got 0",
        ])
        let negative = try Self.refusal(["idea", "edit", second, "--reach", "-5"], home: home)
        #expect(negative == ["Error: --reach: must be a finite number ≥ 0 (people or events per month); got -5"])
        let nothing = try Self.refusal(["idea", "edit", second], home: home)
        #expect(nothing.count == 1 && nothing[0].contains("at least one flag"))

        let note = try CoachBinary.run(["idea", "edit", first, "--note", ""], home: home.url)
        #expect(note.status == 0)
        #expect(Self.idea(try Self.list(home), first)?["note"] is NSNull)
    }

    @Test func rmRemovesAndSaysWhat() throws {
        let home = TemporaryHome()
        let keep = try Self.add(home, "Keep me", reach: "500")
        let drop = try Self.add(home, "Drop me", reach: "100")
        let other = try Self.add(home, "Drop me too", reach: "50")
        let result = try CoachBinary.run(["idea", "rm", drop], home: home.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(drop): removed (was rank 2, score 80, idea)  Drop me\n")
        #expect(Self.ids(try Self.list(home)) == [keep, other])

        // Several at once, all or nothing.
        let partly = try Self.refusal(["idea", "rm", other, "no-such-idea"], home: home)
        #expect(partly.count == 1 && partly[0].contains("no idea with id \"no-such-idea\""))
        #expect(Self.ids(try Self.list(home)) == [keep, other])
        let both = try CoachBinary.run(["idea", "rm", other, keep], home: home.url)
        #expect(both.status == 0)
        #expect(both.stdout.split(separator: "\n").count == 2)
        #expect(try Self.list(home).isEmpty)
        let again = try Self.refusal(["idea", "rm", keep], home: home)
        #expect(again == ["Error: no idea with id \"\(keep)\"; the backlog is empty (coach idea add TITLE …)"])
    }

    @Test func unknownIdsGetSuggestions() throws {
        let home = TemporaryHome()
        let id = try Self.add(home, "Support triage bot")
        try Self.add(home, "Something else entirely")
        let typo = "suport-triage-bot"
        for command in [["show", typo], ["edit", typo, "--reach", "1"], ["rm", typo]] {
            let lines = try Self.refusal(["idea"] + command, home: home)
            #expect(lines == ["Error: no idea with id \"\(typo)\"; did you mean \(id)?"], "\(command)")
        }
        let far = try Self.refusal(["idea", "show", "zzzzzzzzzzzz"], home: home)
        #expect(far == ["Error: no idea with id \"zzzzzzzzzzzz\""])
    }

    // MARK: - Starter ideas

    @Test func startersAreOfferedUntilTheFirstChangeAndNeverAfterTheyAreRemoved() throws {
        let home = TemporaryHome()
        let shipped = try #require(JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.dataFolder.appendingPathComponent("ideas.json"))) as? [[String: Any]])
        let starterIDs = Set(shipped.compactMap { $0["id"] as? String })
        try #require(!starterIDs.isEmpty)

        let first = try CoachBinary.run(["idea", "list"], home: home.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == "\(starterIDs.count) starter ideas from the sources, saved with your first change; remove any with coach idea rm ID\n")
        #expect(!FileManager.default.fileExists(atPath: Self.backlogFile(home).path), "a look writes nothing")
        for starter in shipped {
            #expect(first.stdout.contains(starter["id"] as? String ?? "?"))
        }
        let rows = try Self.list(home)
        #expect(Set(Self.ids(rows)) == starterIDs)
        #expect(rows.allSatisfy { $0["status"] as? String == "idea" })
        let starter = try #require(Self.ids(rows).first)
        #expect(try CoachBinary.run(["idea", "show", starter], home: home.url).stdout.contains("Note"))
        #expect(!FileManager.default.fileExists(atPath: Self.backlogFile(home).path))

        // The first change keeps the starters it was offered: removing one writes the rest.
        let one = try CoachBinary.run(["idea", "rm", starter], home: home.url)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(Set(Self.ids(try Self.list(home))) == starterIDs.subtracting([starter]))
        let second = try CoachBinary.run(["idea", "list", "--json"], home: home.url)
        #expect(second.stderr.isEmpty, "no longer offered: they are the learner's now")

        let rm = try CoachBinary.run(["idea", "rm"] + Array(starterIDs.subtracting([starter])), home: home.url)
        #expect(rm.status == 0, "\(rm.stderr)")
        let emptied = try CoachBinary.run(["idea", "list"], home: home.url)
        #expect(emptied.stderr.isEmpty)
        #expect(emptied.stdout.hasPrefix("No ideas yet"))
        let own = try Self.add(home, "My own idea")
        let after = try CoachBinary.run(["idea", "list", "--json"], home: home.url)
        #expect(after.stderr.isEmpty)
        #expect(Self.ids(try Self.list(home)) == [own])
    }

    @Test func aLearnerWhoAddsFirstGetsNoStarters() throws {
        let home = TemporaryHome()
        _ = try CoachBinary.run(["idea", "list"], home: home.url)
        let own = try Self.add(home, "My first idea")
        let list = try CoachBinary.run(["idea", "list"], home: home.url)
        #expect(list.stderr.isEmpty)
        #expect(Self.ids(try Self.list(home)) == [own], "an idea of one's own puts the offered starters away")
        // `coach idea` alone lists, as `task` does.
        let bare = try CoachBinary.run(["idea"], home: home.url)
        #expect(bare.status == 0)
        #expect(bare.stdout == list.stdout)
    }

    @Test func aStarterListOnAFreshHomeWorksAsJSONToo() throws {
        let home = TemporaryHome()
        let result = try CoachBinary.run(["idea", "list", "--json", "--status", "active"], home: home.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains(" starter ideas from the sources, saved with your first change"))
        #expect(try Self.list(home, ["--status", "active"]).isEmpty)
        #expect(try Self.list(home).count > 0)
    }
}

