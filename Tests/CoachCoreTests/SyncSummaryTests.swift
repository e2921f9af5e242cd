import CoachCore
import Foundation
import Testing

@Suite("SyncSummary")
struct SyncSummaryTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    func book(_ items: [String: ItemProgress]) -> DocumentValue { .progress(ProgressBook(items: items)) }

    @Test func countsItemsDoneChangedAndNotes() {
        var summary = SyncSummary()
        let before = book(["a": ItemProgress(status: .doing, changed: now), "b": ItemProgress(status: .todo, changed: now),
                           "c": ItemProgress(status: .done, changed: now, done: now)])
        let after = book(["a": ItemProgress(status: .done, changed: now, done: now),
                          "b": ItemProgress(status: .done, changed: now, done: now, note: "read it"),
                          "c": ItemProgress(status: .done, changed: now, done: now, proof: ["https://example.com"]),
                          "d": ItemProgress(status: .skipped, changed: now),
                          "e": ItemProgress(status: .done, changed: now, done: now)])
        summary.compare(before, after)
        #expect(summary.itemsDone == 3)
        #expect(summary.itemsChanged == 1, "d skipped")
        #expect(summary.notes == 2, "a note on b, a link on c")
        #expect(summary.text == "3 items done, 1 item changed, 2 notes")
    }

    @Test func countsSessionsAddedEditedAndRemoved() {
        var summary = SyncSummary()
        let day = StudyDay(year: 2026, month: 12, day: 1)!
        let old = Journal(entries: [JournalEntry(id: 1, day: day, minutes: 30), JournalEntry(id: 2, day: day, minutes: 20)])
        let new = Journal(entries: [JournalEntry(id: 1, day: day, minutes: 45), JournalEntry(id: 3, day: day, minutes: 10),
                                    JournalEntry(id: 4, day: day, minutes: 10)])
        summary.compare(.journal(old), .journal(new))
        #expect(summary.text == "2 sessions, 1 session edited, 1 session removed")
    }

    @Test func aNewFileCountsAllItsRecords() {
        var summary = SyncSummary()
        summary.compare(nil, book(["a": ItemProgress(status: .done, changed: now, done: now)]))
        summary.compare(nil, .settings(Settings()))
        #expect(summary.text == "1 item done", "default settings are no change")
        summary.compare(nil, .settings(Settings(dailyGoalMinutes: 60)))
        #expect(summary.text == "1 item done, settings")
    }

    @Test func oneOfEachIsSingular() {
        var summary = SyncSummary()
        summary.itemsDone = 1
        summary.sessionsAdded = 1
        summary.reviews = 1
        summary.ownTracks = 1
        #expect(summary.text == "1 item done, 1 session, 1 review, 1 own track")
    }

    @Test func unchangedDocumentsSayNothingAndOtherFilesAreNamed() {
        var summary = SyncSummary()
        let same = book(["a": ItemProgress(status: .done, changed: now, done: now)])
        summary.compare(same, same)
        #expect(summary.isEmpty)
        #expect(summary.message == "Coach: changes")
        summary.otherFiles = [".gitignore", "a", "b", "c"]
        #expect(summary.text == ".gitignore, a, b and 1 more")
    }
}
