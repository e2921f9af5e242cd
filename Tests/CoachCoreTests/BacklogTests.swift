@testable import CoachCore
import Foundation
import Testing

@Suite("Backlog")
struct BacklogTests {
    let now = IdeaFixture.now

    func at(_ offset: TimeInterval) -> Date { now.addingTimeInterval(offset) }

    /// A backlog with four ideas: ranked b (400), c (100, effort 1), a (100, effort 2), d (10).
    func sample() -> Backlog {
        Backlog(ideas: [
            IdeaFixture.idea("a", "Alpha", note: "Café au lait", reach: 200, effort: 2),
            IdeaFixture.idea("b", "Bravo", note: "Labeling photos of plants", status: .active, reach: 400),
            IdeaFixture.idea("c", "Charlie", reach: 100),
            IdeaFixture.idea("d", "Delta café", status: .shipped, reach: 10),
        ])
    }

    /// The backlog's order is exactly what a full sort gives.
    func expectRanked(_ backlog: Backlog, sourceLocation: SourceLocation = #_sourceLocation) {
        let sorted = RICE.ranked(backlog.ranked)
        #expect(backlog.rankedIDs == sorted.map(\.id), sourceLocation: sourceLocation)
        for (index, id) in backlog.rankedIDs.enumerated() {
            #expect(backlog.rank(of: id) == index, sourceLocation: sourceLocation)
            #expect(backlog.idea(atRank: index).id == id, sourceLocation: sourceLocation)
            #expect(backlog[id]?.id == id, sourceLocation: sourceLocation)
        }
    }

    @Test func ideasAreKeptInRICEOrder() {
        let backlog = sample()
        #expect(backlog.rankedIDs == ["b", "c", "a", "d"])
        #expect(backlog.count == 4)
        #expect(!backlog.isEmpty)
        #expect(backlog["a"]?.title == "Alpha")
        #expect(backlog["zz"] == nil)
        #expect(backlog.rank(of: "zz") == nil)
        expectRanked(backlog)
    }

    // MARK: - Ids

    @Test func slugsAreLowerCaseASCIIJoinedByDashes() {
        #expect(Backlog.slug("Movie recommendation bot") == "movie-recommendation-bot")
        #expect(Backlog.slug("  Hello, World!  ") == "hello-world")
        #expect(Backlog.slug("Café crème") == "cafe-creme")
        #expect(Backlog.slug("Straße Ørsted Æble") == "strasse-orsted-aeble")
        #expect(Backlog.slug("Привет мир") == "privet-mir")
        #expect(Backlog.slug("GPT-4 + RAG = 💰") == "gpt-4-rag")
        #expect(Backlog.slug("v2.0 launch") == "v2-0-launch", "no dots, so no slug can look like starter.x")
    }

    @Test func otherScriptsBecomeASensibleLatinId() {
        for title in ["日本語のチャットボット", "한국어 요약", "Ελληνικά", "مرحبا بالعالم"] {
            let slug = Backlog.slug(title)
            #expect(slug != "idea", "\(title) is transliterated")
            #expect(!slug.isEmpty)
            #expect(slug.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }, "\(title) → \(slug)")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-"))
            #expect(slug == slug.lowercased())
        }
    }

    @Test func aTitleWithNothingToKeepBecomesIdea() {
        #expect(Backlog.slug("🚀🚀🚀") == "idea")
        #expect(Backlog.slug("!!!") == "idea")
    }

    @Test func longTitlesGiveShortIdsCutAtAWord() {
        let slug = Backlog.slug(String(repeating: "word ", count: 40))
        #expect(slug.count <= Backlog.slugLimit)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasSuffix("word"))
        #expect(Backlog.slug(String(repeating: "x", count: 100)).count == Backlog.slugLimit)
    }

    @Test func idsAreMadeUniqueWithNumbers() {
        var backlog = Backlog()
        let fields = IdeaFixture.fields("Movie bot")
        let first = backlog.add(fields, now: now)
        #expect(first.id == "movie-bot")
        let second = backlog.add(fields, now: now)
        #expect(second.id == "movie-bot-2")
        let third = backlog.add(fields, now: now)
        #expect(third.id == "movie-bot-3")
        backlog.remove("movie-bot-2")
        #expect(backlog.newID(for: "Movie bot") == "movie-bot-2", "a freed number is used again")
        let numbered = backlog.add(IdeaFixture.fields("Movie bot 2"), now: now)
        #expect(numbered.id == "movie-bot-2")
        let fourth = backlog.add(fields, now: now)
        #expect(fourth.id == "movie-bot-4")
        #expect(backlog.count == 4)
    }

    @Test func nonASCIITitlesGetIdsToo() {
        var backlog = Backlog()
        let cafe = backlog.add(IdeaFixture.fields("Café bot"), now: now)
        let cafe2 = backlog.add(IdeaFixture.fields("Cafe bot"), now: now)
        let rocket = backlog.add(IdeaFixture.fields("🚀"), now: now)
        let rocket2 = backlog.add(IdeaFixture.fields("🚀🚀"), now: now)
        #expect([cafe.id, cafe2.id, rocket.id, rocket2.id] == ["cafe-bot", "cafe-bot-2", "idea", "idea-2"])
        #expect(cafe.title == "Café bot", "the title keeps its accents")
    }

    // MARK: - Changes

    @Test func addStampsTheTimesAndKeepsTheOrder() {
        var backlog = sample()
        let added = backlog.add(IdeaFixture.fields("Echo", reach: 250), now: at(60))
        #expect(added.created == at(60))
        #expect(added.updated == at(60))
        #expect(added.status == .idea)
        #expect(backlog.rankedIDs == ["b", "echo", "c", "a", "d"])
        expectRanked(backlog)
    }

    @Test func updateMovesTheIdeaAndStampsUpdatedOnlyWhenSomethingChanged() {
        var backlog = sample()
        let before = backlog["d"]!
        let unchanged = backlog.update("d", with: before.fields, now: at(60))
        #expect(!unchanged, "nothing changed")
        #expect(backlog["d"]?.updated == before.updated)

        let changed = backlog.update("d", with: IdeaFixture.fields("Delta café", status: .shipped, reach: 1_000), now: at(60))
        #expect(changed)
        let after = backlog["d"]!
        #expect(after.reach == 1_000)
        #expect(after.created == before.created)
        #expect(after.updated == at(60))
        #expect(backlog.rankedIDs.first == "d")
        expectRanked(backlog)

        let unknown = backlog.update("missing", with: before.fields, now: at(60))
        #expect(!unknown)
        #expect(backlog.count == 4)
    }

    @Test func removeReturnsTheIdeaAndPutBringsItBackExactly() {
        var backlog = sample()
        let original = backlog
        let removed = backlog.remove("c")
        #expect(removed?.id == "c")
        #expect(backlog.rankedIDs == ["b", "a", "d"])
        let removedAgain = backlog.remove("c")
        #expect(removedAgain == nil)
        backlog.put(removed!)
        #expect(backlog == original, "undo of a delete restores the backlog as it was")

        let before = backlog["a"]!
        backlog.update("a", with: IdeaFixture.fields("Renamed", reach: 5), now: at(99))
        backlog.put(before)
        #expect(backlog == original, "undo of an edit too")
    }

    @Test func statusCyclesThroughAllFourAndStampsUpdated() {
        var backlog = sample()
        var seen: [IdeaStatus] = []
        for step in 1...4 {
            let idea = backlog.cycleStatus(of: "c", now: at(Double(step)))
            seen.append(idea!.status)
            #expect(idea?.updated == at(Double(step)))
        }
        #expect(seen == [.active, .shipped, .dropped, .idea])
        let missing = backlog.cycleStatus(of: "missing", now: now)
        #expect(missing == nil)
        let dropped = backlog.setStatus(.dropped, of: "c", now: at(9))
        #expect(dropped)
        let droppedAgain = backlog.setStatus(.dropped, of: "c", now: at(10))
        #expect(!droppedAgain, "already dropped")
        #expect(backlog["c"]?.updated == at(9))
        expectRanked(backlog)
    }

    @Test func manyRandomChangesKeepTheOrderOfAFullSort() {
        var backlog = Backlog()
        var generator = SeededRandom(seed: 42)
        let titles = ["Apple", "apple", "Äpple", "Bee", "bee", "Zed"]
        for step in 0..<400 {
            let choice = Int.random(in: 0..<10, using: &generator)
            let fields = IdeaFixture.fields(titles.randomElement(using: &generator)!,
                                            reach: Double(Int.random(in: 0...4, using: &generator)) * 50,
                                            effort: Double(Int.random(in: 1...3, using: &generator)))
            if choice < 5 || backlog.isEmpty {
                backlog.add(fields, now: at(Double(step)))
            } else {
                let id = backlog.rankedIDs.randomElement(using: &generator)!
                switch choice {
                case 5, 6: backlog.update(id, with: fields, now: at(Double(step)))
                case 7: backlog.cycleStatus(of: id, now: at(Double(step)))
                default: backlog.remove(id)
                }
            }
        }
        #expect(backlog.count > 50)
        expectRanked(backlog)
        #expect(backlog == Backlog(ideas: Array(backlog.ranked)), "the same as building it at once")
        #expect(backlog == Backlog(ideas: backlog.ranked.reversed()), "whatever order the ideas come in")
        for query in ["app", "ÄPP", "äpp", "bee", "zed", "e", "pple b", "nothing"] {
            let words = query.split(separator: " ").map { TextFold.fold(String($0)) }
            let expected = backlog.ranked.filter { idea in
                words.allSatisfy { TextFold.contains(TextFold.fold(idea.title + " " + (idea.note ?? "")), $0) }
            }
            #expect(backlog.search(query).map(\.id) == expected.map(\.id), "\(query)")
        }
    }

    @Test func removingAnyIdeaLeavesEveryOtherInPlace() {
        for id in ["b", "c", "a", "d"] {
            var backlog = sample()
            let removed = backlog.remove(id)
            #expect(removed?.id == id)
            #expect(backlog[id] == nil)
            #expect(backlog.rank(of: id) == nil)
            #expect(backlog.count == 3)
            expectRanked(backlog)
            backlog.put(removed!)
            #expect(backlog == sample())
        }
    }

    @Test func ofTwoIdeasWithTheSameIdTheLaterWins() {
        let backlog = Backlog(ideas: [
            IdeaFixture.idea("a", "First", reach: 10),
            IdeaFixture.idea("b", "Other", reach: 20),
            IdeaFixture.idea("a", "Second", reach: 30),
        ])
        #expect(backlog.count == 2)
        #expect(backlog["a"]?.title == "Second")
        #expect(backlog.rankedIDs == ["a", "b"])
        expectRanked(backlog)
    }

    // MARK: - Finding

    @Test func findNamesTheClosestIds() throws {
        var backlog = Backlog()
        backlog.add(IdeaFixture.fields("Movie recommendation bot"), now: now)
        backlog.add(IdeaFixture.fields("Plant classifier"), now: now)
        #expect(try backlog.find("plant-classifier").title == "Plant classifier")
        let error = #expect(throws: BacklogError.self) { try backlog.find("plant-clasifier") }
        #expect(error == .unknownIdea(id: "plant-clasifier", suggestions: ["plant-classifier"]))
        #expect(error?.description == "no idea with id \"plant-clasifier\"; did you mean plant-classifier?")
        let nothing = #expect(throws: BacklogError.self) { try backlog.find("zzzzzzzzzzzz") }
        #expect(nothing?.description == "no idea with id \"zzzzzzzzzzzz\"")
    }

    @Test func filterByStatusKeepsTheRanking() {
        let backlog = sample()
        #expect(backlog.filter(status: .idea).map(\.id) == ["c", "a"])
        #expect(backlog.filter(status: .active).map(\.id) == ["b"])
        #expect(backlog.filter(status: .dropped).isEmpty)
    }

    // MARK: - Search

    @Test func searchIgnoresCaseAndAccents() {
        let backlog = sample()
        #expect(backlog.search("cafe").map(\.id) == ["a", "d"], "\"cafe\" finds \"Café\" in a note and a title")
        #expect(backlog.search("CAFÉ").map(\.id) == ["a", "d"])
        #expect(backlog.search("café").map(\.id) == ["a", "d"])
        #expect(backlog.search("ALPHA").map(\.id) == ["a"])
        #expect(backlog.search("éclair").isEmpty)
    }

    @Test func searchNeedsEveryWordInTitleOrNote() {
        let backlog = sample()
        #expect(backlog.search("bravo plants").map(\.id) == ["b"], "one word in the title, one in the note")
        #expect(backlog.search("  label  ").map(\.id) == ["b"], "parts of words match")
        #expect(backlog.search("bravo delta").isEmpty)
        #expect(backlog.search("").map(\.id) == backlog.rankedIDs, "an empty query matches everything")
        #expect(backlog.search("   ").count == 4)
    }

    @Test func searchCanBeNarrowedByStatus() {
        let backlog = sample()
        #expect(backlog.search("cafe", status: .shipped).map(\.id) == ["d"])
        #expect(backlog.search("", status: .idea).map(\.id) == ["c", "a"])
    }

    @Test func searchFindsEditedText() {
        var backlog = sample()
        backlog.update("c", with: IdeaFixture.fields("Charlie", note: "Crème brûlée"), now: now)
        #expect(backlog.search("creme brulee").map(\.id) == ["c"])
        backlog.update("c", with: IdeaFixture.fields("Charlie"), now: now)
        #expect(backlog.search("creme").isEmpty)
    }

    @Test func theFoldTablesReadEveryEntryOfTheirText() {
        let table = TextFold.table("\n        B5=3BC;C0=61;DF=73 73;\n        300=;1E9E=73 73 ;bad;=61;G0=61\n")
        #expect(table == [0xB5: ["\u{3BC}"], 0xC0: ["a"], 0xDF: ["s", "s"], 0x300: [], 0x1E9E: ["s", "s"]])
        #expect(TextFold.table(TextTables.foldAlone).count == 1_593)
    }

    @Test func foldingMatchesFoundationForLatinText() {
        var samples = ["Café Crème", "e\u{301}cole", "STRASSE Straße", "İstanbul", "Ærø", "A\u{30A}ngstro\u{308}m",
                       "\u{301}leading accent", "日本語 Café", "plain ascii", "MiXeD CaSe", ""]
        for value in UInt32(0x80)...0x36F {
            if let scalar = Unicode.Scalar(value) { samples += ["A\(Character(scalar))b", "e\(Character(scalar))"] }
        }
        for text in samples {
            let foundation = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            #expect(TextFold.fold(text) == foundation, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        for a in samples.prefix(12) {
            for b in samples.prefix(12) {
                let (x, y) = (TextFold.fold(a), TextFold.fold(b))
                let expected: ComparisonResult = x == y ? .orderedSame : x < y ? .orderedAscending : .orderedDescending
                #expect(TextFold.compare(a, b) == expected, "\(a) vs \(b)")
            }
        }
        #expect(TextFold.compare("apple", "APPLE") == .orderedSame)
        #expect(TextFold.compare("apple", "Apples") == .orderedAscending)
        #expect(TextFold.compare("Bee", "apple") == .orderedDescending)
        for (haystack, needle, found) in [("Hello World", "o w", true), ("Hello World", "world", true),
                                          ("Hello", "hello!", false), ("ABC", "", true), ("ABC", "abd", false),
                                          ("aaab", "aab", true), ("Zed", "zed", true), ("caf", "café", false)] {
            #expect(TextFold.containsIgnoringASCIICase(haystack, needle) == found, "\(haystack) ∋ \(needle)")
            #expect(TextFold.contains(TextFold.fold(haystack), needle) == found)
        }
        #expect(TextFold.contains("hello world", "o w"))
        #expect(!TextFold.contains("hello", "hello!"))
        #expect(TextFold.contains("abc", ""))
    }

    // MARK: - Starter ideas

    static let starters = [
        StarterIdea(id: "starter.movie-bot", fields: IdeaFixture.fields("Movie bot", status: .shipped, reach: 50)),
        StarterIdea(id: "starter.plants", fields: IdeaFixture.fields("Plant classifier", reach: 100)),
    ]

    @Test func starterEntriesBecomeIdeasMadeNow() {
        let ideas = Backlog.starterIdeas(Self.starters, now: at(5))
        #expect(ideas.map(\.id) == ["starter.movie-bot", "starter.plants"])
        #expect(ideas.allSatisfy { $0.status == .idea && $0.created == at(5) && $0.updated == at(5) })
        #expect(ideas[0].reach == 50)
    }

    @Test func startersAreOfferedOnlyUntilTheLearnerHasIdeasOfTheirOwn() {
        var backlog = Backlog()
        #expect(!backlog.hasOwnIdeas)
        let added = backlog.addStarters(Self.starters, now: now)
        #expect(added.count == 2)
        #expect(backlog.count == 2)
        #expect(!backlog.hasOwnIdeas, "starters are not the learner's own")
        let addedAgain = backlog.addStarters(Self.starters, now: now)
        #expect(addedAgain.isEmpty, "already there")

        backlog.remove("starter.plants")
        let readded = backlog.addStarters(Self.starters, now: now)
        #expect(readded.map(\.id) == ["starter.plants"])

        backlog.add(IdeaFixture.fields("My own idea"), now: now)
        #expect(backlog.hasOwnIdeas)
        backlog.remove("starter.plants")
        let offered = backlog.addStarters(Self.starters, now: now)
        #expect(offered.isEmpty, "kept out of the way")
        #expect(backlog["starter.plants"] == nil)
    }
}
