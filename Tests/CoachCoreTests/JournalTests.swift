import CoachCore
import Foundation
import Testing

@Suite("Journal")
struct JournalTests {
    static func entry(_ day: String, _ minutes: Int, items: [String] = [], note: String? = nil,
                      start: Date? = nil) -> JournalEntry {
        JournalEntry(day: Days.day(day), start: start, minutes: minutes, items: items, note: note)
    }

    @Test func addGivesTheNextIdAndReturnsTheStoredEntry() {
        var journal = Journal()
        let first = journal.add(Self.entry("2024-05-01", 30))
        let second = journal.add(JournalEntry(id: 77, day: Days.day("2024-05-02"), minutes: 20))
        #expect(first.id == 1)
        #expect(second.id == 2, "whatever id it had")
        #expect(journal.entries.map(\.id) == [1, 2])
        #expect(journal.entry(id: 2) == second)
        #expect(journal.entry(id: 3) == nil)
    }

    @Test func addTrimsTheNoteAndKeepsEachItemOnce() {
        var journal = Journal()
        let entry = journal.add(Self.entry("2024-05-01", 30, items: ["b", "a", "b"], note: "  read it  "))
        #expect(entry.note == "read it")
        #expect(entry.items == ["b", "a"])
        let blank = journal.add(Self.entry("2024-05-01", 30, note: "   "))
        #expect(blank.note == nil)
    }

    @Test func editReplacesByID() throws {
        var journal = Journal()
        journal.add(Self.entry("2024-05-01", 30))
        var entry = journal.add(Self.entry("2024-05-02", 40, note: "first"))
        entry.minutes = 55
        entry.day = Days.day("2024-04-30")
        entry.note = " changed "
        let edited1 = journal.edit(entry)
        #expect(edited1)
        let edited = try #require(journal.entry(id: entry.id))
        #expect(edited.minutes == 55)
        #expect(edited.day == Days.day("2024-04-30"))
        #expect(edited.note == "changed")
        #expect(journal.entries.count == 2)

        var unknown = entry
        unknown.id = 99
        let editedUnknown = journal.edit(unknown)
        #expect(!editedUnknown)
        #expect(journal.entry(id: 99) == nil)
    }

    @Test func deleteReturnsTheEntryAndRestorePutsItBack() throws {
        var journal = Journal()
        for day in ["2024-05-01", "2024-05-02", "2024-05-03"] { journal.add(Self.entry(day, 30)) }
        let before = journal
        let removed = journal.delete(id: 2)
        let deleted = try #require(removed)
        #expect(deleted.day == Days.day("2024-05-02"))
        #expect(journal.entries.map(\.id) == [1, 3])
        let removedAgain = journal.delete(id: 2)
        #expect(removedAgain == nil)

        let restored = journal.restore(deleted)
        #expect(restored)
        #expect(journal == before)
        let restoredAgain = journal.restore(deleted)
        #expect(!restoredAgain, "its id is taken")
    }

    @Test func idsAreNotReusedWhileAHigherOneExists() {
        var journal = Journal()
        for _ in 0..<3 { journal.add(Self.entry("2024-05-01", 10)) }
        journal.delete(id: 2)
        let added = journal.add(Self.entry("2024-05-01", 10))
        #expect(added.id == 4)
    }

    @Test func newestFirstByDayThenByLastLogged() {
        var journal = Journal()
        journal.add(Self.entry("2024-05-02", 10))  // 1
        journal.add(Self.entry("2024-05-01", 10))  // 2: logged later for an earlier day
        journal.add(Self.entry("2024-05-02", 10))  // 3
        journal.add(Self.entry("2023-12-31", 10))  // 4
        #expect(journal.newestFirst.map(\.id) == [3, 1, 2, 4])
    }

    @Test func minutesPerDayAddUp() {
        var journal = Journal()
        journal.add(Self.entry("2024-05-01", 30))
        journal.add(Self.entry("2024-05-01", 25))
        journal.add(Self.entry("2024-05-03", 5))
        #expect(journal.minutes(on: Days.day("2024-05-01")) == 55)
        #expect(journal.minutes(on: Days.day("2024-05-02")) == 0)
        #expect(journal.minutesByDay == [Days.day("2024-05-01"): 55, Days.day("2024-05-03"): 5])
    }

    @Test func aSessionIsKnownByItsStartToTheSecond() {
        let start = Date(timeIntervalSince1970: 1_714_550_400.4)
        var journal = Journal()
        journal.add(Self.entry("2024-05-01", 30, start: start))
        #expect(journal.hasSession(startedAt: Date(timeIntervalSince1970: 1_714_550_400)))
        #expect(!journal.hasSession(startedAt: start.addingTimeInterval(60)))
        journal.add(Self.entry("2024-05-01", 30))
        #expect(!journal.hasSession(startedAt: Date(timeIntervalSince1970: 0)), "hand-logged entries have no start")
    }

    @Test func anEntryWithoutItemsDecodes() throws {
        let json = #"{"id": 3, "day": "2024-05-01", "minutes": 20}"#
        let entry = try JSONDecoder().decode(JournalEntry.self, from: Data(json.utf8))
        #expect(entry == JournalEntry(id: 3, day: Days.day("2024-05-01"), minutes: 20))
    }
}

@Suite("JournalValidation")
struct JournalValidationTests {
    let today = Days.day("2024-05-10")

    func failure<T>(_ result: Result<T, JournalProblem>) -> JournalProblem? {
        if case .failure(let problem) = result { return problem }
        return nil
    }

    @Test func minutesInRange() throws {
        #expect(try JournalValidation.minutes("30").get() == 30)
        #expect(try JournalValidation.minutes(" 1 ").get() == 1)
        #expect(try JournalValidation.minutes("1440").get() == 1_440)
    }

    @Test(arguments: ["0", "1441", "-5", "1.5", "abc", "", "  ", "30m", "+30", "99999999999999999999", "٣٠"])
    func minutesOutOfRange(text: String) throws {
        let problem = try #require(failure(JournalValidation.minutes(text)))
        #expect(problem.field == .minutes)
        #expect(problem.description.hasPrefix("minutes: must be a whole number from 1 to 1440; got "))
        #expect(!problem.description.contains("\n"))
    }

    @Test func theMessageSaysWhatCame() {
        #expect(failure(JournalValidation.minutes("0"))?.description == "minutes: must be a whole number from 1 to 1440; got \"0\"")
        #expect(failure(JournalValidation.minutes(""))?.description == "minutes: must be a whole number from 1 to 1440; got nothing")
    }

    @Test func dates() throws {
        #expect(try JournalValidation.day("", today: today).get() == today, "empty is today")
        #expect(try JournalValidation.day("2024-05-10", today: today).get() == today)
        #expect(try JournalValidation.day("2023-12-31", today: today).get() == Days.day("2023-12-31"))
        for bad in ["2024-02-30", "2024-5-1", "10/05/2024", "tomorrow"] {
            let problem = try #require(failure(JournalValidation.day(bad, today: today)))
            #expect(problem.field == .date)
            #expect(problem.description == "date: must be a day as YYYY-MM-DD, not in the future; got \"\(bad)\"")
        }
    }

    @Test func aFutureDateIsRefusedNamingToday() throws {
        let problem = try #require(failure(JournalValidation.day("2024-05-11", today: today)))
        #expect(problem.description == "date: must be a day as YYYY-MM-DD, not in the future (today is 2024-05-10); got 2024-05-11")
    }

    @Test func notes() throws {
        #expect(try JournalValidation.note("  read the paper ").get() == "read the paper")
        #expect(try JournalValidation.note("   ").get() == nil)
        #expect(try JournalValidation.note("Café ✓ 日本 🚀").get() == "Café ✓ 日本 🚀")
        #expect(failure(JournalValidation.note("two\nlines"))?.field == .note)
        #expect(failure(JournalValidation.note("tab\there"))?.field == .note)
        let long = try #require(failure(JournalValidation.note(String(repeating: "x", count: 1_001))))
        #expect(long.description == "note: must be at most 1000 characters on one line; got 1001 characters")
    }

    @Test func itemsMustBeInTheCurriculum() throws {
        let curriculum = Fixture.curriculum()
        #expect(try JournalValidation.items(["alpha.1", " beta.2 ", "alpha.1", ""], curriculum: curriculum).get()
                == ["alpha.1", "beta.2"])
        let problem = try #require(failure(JournalValidation.items(["alpha.1", "alpah.2"], curriculum: curriculum)))
        #expect(problem.field == .items)
        #expect(problem.description.contains("\"alpah.2\""))
        #expect(problem.description.contains("did you mean alpha.2?"))
        #expect(try JournalValidation.items(["anything"], curriculum: nil).get() == ["anything"], "unchecked without one")
    }

    @Test func validateGivesTheEntry() throws {
        let draft = JournalDraft(date: "2024-05-09", minutes: "45", note: " evals ", items: ["alpha.2"])
        let entry = try JournalValidation.validate(draft, today: today, curriculum: Fixture.curriculum()).get()
        #expect(entry == JournalEntry(id: 0, day: Days.day("2024-05-09"), start: nil, minutes: 45, items: ["alpha.2"], note: "evals"))
    }

    @Test func validateListsEveryProblemInFieldOrder() {
        let draft = JournalDraft(date: "2099-01-01", minutes: "0", note: "a\nb", items: ["nope"])
        guard case .failure(let problems) = JournalValidation.validate(draft, today: today, curriculum: Fixture.curriculum()) else {
            Issue.record("expected problems")
            return
        }
        #expect(problems.all.map(\.field) == [.date, .minutes, .note, .items])
        #expect(problems.fields == [.date, .minutes, .note, .items])
        #expect(problems.description.split(separator: "\n").count == 4, "one line each")
    }

    @Test func aDraftOfAnEntryValidatesToTheSameFields() throws {
        let entry = JournalEntry(id: 5, day: Days.day("2024-05-01"), minutes: 42, items: ["alpha.1", "gamma.1"], note: "n")
        var back = try JournalValidation.validate(JournalDraft(entry), today: today, curriculum: Fixture.curriculum()).get()
        back.id = entry.id
        #expect(back == entry)
    }
}
