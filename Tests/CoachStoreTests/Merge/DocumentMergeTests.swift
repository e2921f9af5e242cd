import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// Example merges of each document kind, written and read by the stores themselves.
@Suite struct DocumentMergeTests {
    static let url = URL(fileURLWithPath: "/merged.json")
    static func at(_ hour: Int) -> Date { Date(timeIntervalSince1970: 1_764_662_400 + Double(hour) * 3_600) }  // 2025-12-02T08:00Z + h

    static func progress(_ items: [String: ItemProgress]) -> Data { Data(ProgressStore.text(of: ProgressBook(items: items))) }

    static func merged(_ kind: DocumentKind, _ base: Data?, _ ours: Data, _ theirs: Data) throws -> MergeOutcome {
        try DocumentMerge.merge(kind: kind, base: base, ours: ours, theirs: theirs)
    }

    @Test func progressTakesEachSidesChangeAndTheNewerStatus() throws {
        let base = Self.progress(["a": ItemProgress(status: .todo, changed: Self.at(0)),
                                  "b": ItemProgress(status: .todo, changed: Self.at(0))])
        let ours = Self.progress(["a": ItemProgress(status: .done, changed: Self.at(2), done: Self.at(2)),
                                  "b": ItemProgress(status: .doing, changed: Self.at(1))])
        let theirs = Self.progress(["a": ItemProgress(status: .skipped, changed: Self.at(1)),
                                    "b": ItemProgress(status: .todo, changed: Self.at(0), note: "read twice"),
                                    "c": ItemProgress(status: .done, changed: Self.at(3), done: Self.at(3))])
        let outcome = try Self.merged(.progress, base, ours, theirs)
        #expect(outcome.conflicts.isEmpty)
        let book = try ProgressStore.book(from: outcome.data, file: Self.url)
        #expect(book.items["a"]?.status == .done, "the newer status change wins")
        #expect(book.items["a"]?.done == Self.at(2))
        #expect(book.items["b"]?.status == .doing, "a status changed on one side only is taken")
        #expect(book.items["b"]?.note == "read twice", "a note written on the other side is taken")
        #expect(book.items["c"]?.status == .done, "an item only the other side has is added")
    }

    /// Two machines that made progress.json before their first sync have no base: the
    /// newer status wins with its own change and done times, never the other's.
    @Test func withoutABaseTheNewerStatusKeepsItsOwnDates() throws {
        let laptop = Self.progress(["a": ItemProgress(status: .done, changed: Self.at(1), done: Self.at(1))])
        let work = Self.progress(["a": ItemProgress(status: .doing, changed: Self.at(2), note: "halfway")])
        for (ours, theirs) in [(laptop, work), (work, laptop)] {
            let book = try ProgressStore.book(from: try Self.merged(.progress, nil, ours, theirs).data, file: Self.url)
            #expect(book.items["a"]?.status == .doing)
            #expect(book.items["a"]?.changed == Self.at(2))
            #expect(book.items["a"]?.done == nil, "the done date belongs to the status that lost")
            #expect(book.items["a"]?.note == "halfway")
        }
    }

    @Test func notesChangedOnBothSidesAreBothKeptMarkedAndListed() throws {
        let base = Self.progress(["a": ItemProgress(status: .todo, changed: Self.at(0), note: "first")])
        let ours = Self.progress(["a": ItemProgress(status: .todo, changed: Self.at(0), note: "laptop note")])
        let theirs = Self.progress(["a": ItemProgress(status: .todo, changed: Self.at(0), note: "work note")])
        let outcome = try Self.merged(.progress, base, ours, theirs)
        #expect(outcome.conflicts == [MergeConflict(kind: .keptBoth, record: "a", field: "note")])
        let book = try ProgressStore.book(from: outcome.data, file: Self.url)
        #expect(book.items["a"]?.note == "laptop note" + DocumentMerge.bothMarker + "work note")
        #expect(try MergeNotices.listed(in: outcome.data) == outcome.conflicts, "the file lists what was kept")
        #expect(MergeConflicts.summary(outcome.conflicts) == "1 note kept from both machines: review them")
        let swapped = try Self.merged(.progress, base, theirs, ours)
        #expect(swapped.data == outcome.data, "either order gives the same file")
    }

    @Test func proofLinksOfBothSidesAreKept() throws {
        let base = Self.progress(["a": ItemProgress(status: .done, changed: Self.at(0))])
        let ours = Self.progress(["a": ItemProgress(status: .done, changed: Self.at(1), proof: ["https://a.example/1"])])
        let theirs = Self.progress(["a": ItemProgress(status: .done, changed: Self.at(2), proof: ["https://b.example/2"])])
        let book = try ProgressStore.book(from: try Self.merged(.progress, base, ours, theirs).data, file: Self.url)
        #expect(book.items["a"]?.proof == ["https://b.example/2", "https://a.example/1"])
    }

    static func journal(_ entries: [JournalEntry], uids: [String]) -> Data {
        var tree = try! JSONTree.read(Data(JournalStore.text(of: Journal(entries: entries))))
        let stamped = zip(tree["entries"]!.elements, uids).map { $0.setting("uid", .string($1)) }
        tree = tree.setting("entries", .array(stamped))
        return Data(tree.houseFormat)
    }

    @Test func journalIsAUnionOfSessionsWithFreshSmallIds() throws {
        let day = StudyDay("2025-12-02")!
        let shared = JournalEntry(id: 1, day: day, minutes: 20)
        let base = Self.journal([shared], uids: ["u1"])
        let ours = Self.journal([shared, JournalEntry(id: 2, day: day, minutes: 30, note: "laptop")], uids: ["u1", "u2"])
        let theirs = Self.journal([shared, JournalEntry(id: 2, day: day, minutes: 45, note: "work")], uids: ["u1", "u3"])
        let outcome = try Self.merged(.journal, base, ours, theirs)
        let journal = try JournalStore.journal(from: outcome.data, file: Self.url)
        #expect(journal.entries.map(\.id) == [1, 2, 3])
        #expect(journal.entries.map(\.minutes) == [20, 30, 45], "this machine's session keeps its id; the other's comes next")
        #expect(outcome.conflicts.isEmpty)
    }

    @Test func aSessionEditedOnOneSideAndDeletedOnTheOtherIsKeptAndSaid() throws {
        let day = StudyDay("2025-12-02")!
        let entry = JournalEntry(id: 1, day: day, minutes: 20)
        let base = Self.journal([entry], uids: ["u1"])
        var edited = entry
        edited.minutes = 35
        let ours = Self.journal([edited], uids: ["u1"])
        var deleted = try JSONTree.read(Self.journal([], uids: []))
        deleted = deleted.setting("removed", .object([("u1", .string("2025-12-02T12:00:00Z"))]))
        let outcome = try Self.merged(.journal, base, ours, Data(deleted.houseFormat))
        #expect(try JournalStore.journal(from: outcome.data, file: Self.url).entries.map(\.minutes) == [35])
        #expect(outcome.conflicts == [MergeConflict(kind: .keptEdit, record: "u1")])
        #expect(MergeConflicts.summary(outcome.conflicts) == "1 record deleted on one machine kept, edited on the other: review them")
        // Unedited, the deletion wins and its tombstone stays.
        let gone = try Self.merged(.journal, base, base, Data(deleted.houseFormat))
        #expect(try JournalStore.journal(from: gone.data, file: Self.url).entries.isEmpty)
        #expect(try JSONTree.read(gone.data)["removed"]?["u1"] != nil)
    }

    @Test func oldSessionsGetTheSameIdsOnEveryMachine() throws {
        let day = StudyDay("2025-12-02")!
        let old = Data(JournalStore.text(of: Journal(entries: [JournalEntry(id: 1, day: day, minutes: 20)])))
        let ours = Data(JournalStore.text(of: Journal(entries: [JournalEntry(id: 1, day: day, minutes: 20),
                                                               JournalEntry(id: 2, day: day, minutes: 10)])))
        let outcome = try Self.merged(.journal, old, ours, old)
        let tree = try JSONTree.read(outcome.data)
        let uids = tree["entries"]!.elements.compactMap { $0["uid"]?.text }
        #expect(uids.count == 2 && Set(uids).count == 2)
        let again = try JSONTree.read(try Self.merged(.journal, nil, old, old).data)
        #expect(again["entries"]!.elements.first?["uid"]?.text == uids.first, "derived from the content, not random")
    }

    @Test func backlogMergesPerIdeaAndField() throws {
        func idea(_ id: String, title: String, note: String? = nil, updated: Int) -> String {
            let noteField = note.map { #""note": "\#($0)", "# } ?? ""
            return #"{"confidence": 0.8, "created": "2025-12-02T08:00:00Z", "effort": 2, "hiddenCosts": {}, "id": "\#(id)", "#
                + #""impact": 2, "items": [], \#(noteField)"reach": 100, "status": "idea", "title": "\#(title)", "#
                + #""updated": "\#(ISODateText.text(of: Self.at(updated)))"}"#
        }
        func file(_ ideas: [String]) -> Data {
            Data(#"{"ideas": [\#(ideas.joined(separator: ","))], "version": 1}"#.utf8)
        }
        let base = file([idea("bot", title: "Bot", updated: 0), idea("gone", title: "Gone", updated: 0)])
        let ours = file([idea("bot", title: "Better bot", updated: 1), idea("gone", title: "Gone", updated: 0)])
        let theirs = file([idea("bot", title: "Bot", note: "ask legal", updated: 2)])
        let outcome = try Self.merged(.backlog, base, ours, theirs)
        let backlog = try BacklogStore.load(outcome.data, file: Self.url)
        #expect(backlog["bot"]?.title == "Better bot")
        #expect(backlog["bot"]?.note == "ask legal")
        #expect(backlog["gone"] == nil, "deleted on one side, unchanged on the other")
    }

    @Test func settingsMergePerKeyAndKeepUnknownKeys() throws {
        let base = Data(#"{"dailyGoalMinutes": 30, "version": 1}"#.utf8)
        let ours = Data(#"{"dailyGoalMinutes": 45, "version": 1}"#.utf8)
        let theirs = Data(#"{"dailyGoalMinutes": 30, "focusTrack": "ai-product", "restDays": ["sunday"], "version": 1}"#.utf8)
        let outcome = try Self.merged(.settings, base, ours, theirs)
        let settings = try SettingsStore.settings(from: outcome.data, file: Self.url)
        #expect(settings.dailyGoalMinutes == 45)
        #expect(settings.focusTrack == "ai-product")
        #expect(try JSONTree.read(outcome.data)["restDays"]?.canonical == #"["sunday"]"#, "a key this Coach does not know is kept")
    }

    @Test func settingsChangedOnBothSidesTakeTheNewerChange() throws {
        let base = Data(#"{"dailyGoalMinutes": 30, "version": 1}"#.utf8)
        let ours = Data(#"{"changed": {"dailyGoalMinutes": "2025-12-02T10:00:00Z"}, "dailyGoalMinutes": 45, "version": 1}"#.utf8)
        let theirs = Data(#"{"changed": {"dailyGoalMinutes": "2025-12-02T11:00:00Z"}, "dailyGoalMinutes": 60, "version": 1}"#.utf8)
        #expect(try SettingsStore.settings(from: try Self.merged(.settings, base, ours, theirs).data, file: Self.url).dailyGoalMinutes == 60)
        #expect(try SettingsStore.settings(from: try Self.merged(.settings, base, theirs, ours).data, file: Self.url).dailyGoalMinutes == 60)
    }

    @Test func reviewsAreAUnionOfRatingsAndTheLaterCardState() throws {
        let day1 = StudyDay("2025-12-01")!, day2 = StudyDay("2025-12-02")!
        func book(_ log: [CardReviewEntry], card: Card) -> Data {
            Data(try! JSONFile.encoder().encode(ReviewStore.contents(of: ReviewBook(items: [:], cards: [card.id: card], log: log))))
        }
        let card = Card(id: "a#1", state: .review, stability: 3, difficulty: 5, due: day2, lastReview: day1, reps: 1, lapses: 0)
        let first = CardReviewEntry(day: day1, cardID: "a#1", rating: .good, retrievability: nil, interval: 3, answer: nil)
        let laptop = CardReviewEntry(day: day2, cardID: "a#1", rating: .easy, retrievability: 0.9, interval: 9, answer: "laptop")
        let work = CardReviewEntry(day: day2, cardID: "a#1", rating: .hard, retrievability: 0.9, interval: 4, answer: "work")
        var later = card
        later.reps = 2
        later.lastReview = day2
        let base = book([first], card: card)
        let outcome = try Self.merged(.reviews, base, book([first, laptop], card: later), book([first, work], card: card))
        let merged = try ReviewStore.book(from: outcome.data, file: Self.url)
        #expect(merged.log.map(\.answer) == [nil, "laptop", "work"])
        #expect(merged.cards["a#1"]?.reps == 2, "the card as the later review left it")
    }

    @Test func badInputIsNamedAndSessionIsRefused() throws {
        let good = Self.progress([:])
        let broken = try #require(throws: MergeError.self) { try Self.merged(.progress, nil, good, Data("{\"items\": ".utf8)) }
        #expect(broken.side == "theirs")
        #expect(broken.reason.contains("not valid JSON"))
        let wrong = try #require(throws: MergeError.self) {
            try Self.merged(.progress, nil, Data(#"{"items": {"a": {"status": "finished"}}, "version": 1}"#.utf8), good)
        }
        #expect(wrong.side == "ours")
        #expect(wrong.reason.contains("items.a"))
        #expect(throws: MergeError.self) { try Self.merged(.session, nil, good, good) }
    }

    @Test func kindsAreKnownByNameAndByContent() {
        #expect(DocumentMerge.kind(ofFileNamed: "progress.json") == .progress)
        #expect(DocumentMerge.kind(ofFileNamed: "session.json") == nil)
        #expect(DocumentMerge.kind(ofFileNamed: "progress.sync-conflict-20261202-101010-ABCDEFG.json") == .progress)
        #expect(DocumentMerge.kind(ofFileNamed: "journal (laptop's conflicted copy 2026-12-02).json") == .journal)
        #expect(DocumentMerge.kind(ofDocument: Data(#"{"entries": [], "version": 1}"#.utf8)) == .journal)
        #expect(DocumentMerge.kind(ofDocument: Data(#"{"items": {"a": [{"day": "2025-12-01", "rating": "good"}]}, "version": 1}"#.utf8)) == .reviews)
        #expect(DocumentMerge.kind(ofDocument: Data(#"{"dailyGoalMinutes": 30, "version": 1}"#.utf8)) == .settings)
    }
}
