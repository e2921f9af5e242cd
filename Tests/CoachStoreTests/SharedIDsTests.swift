import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// Progress and the journal, read for the full-screen coach, keep each item id the
/// curriculum has as the curriculum's own string: the same text, held once.
struct SharedIDsTests {
    static let curriculum = Curriculum(tracks: [
        Track(id: "t", title: "T", sections: [Section(title: "S", items: [
            Item(id: "track-one.a-rather-long-item-id", title: "A", summary: "", minutes: 5),
            Item(id: "track-one.another-long-item-id", title: "B", summary: "", minutes: 5),
        ])]),
    ])

    /// Where a string's bytes live: two strings with one storage are one string.
    static func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    static func curriculumID(_ id: String) -> String {
        Self.curriculum.item(id: id)!.id
    }

    @Test func knownIdsAreTheCurriculumsOwnAndOthersStayAsRead() throws {
        let known = "track-one.a-rather-long-item-id"
        let copy = String(decoding: Array(known.utf8), as: UTF8.self)
        #expect(Self.storage(copy) != Self.storage(Self.curriculumID(known)))
        #expect(Self.storage(Self.curriculum.sharedID(copy)) == Self.storage(Self.curriculumID(known)))
        let unknown = "track-two.not-in-the-curriculum"
        #expect(Self.curriculum.sharedID(unknown) == unknown)
    }

    @Test func progressAndJournalReadWithTheCurriculumAreTheSameAndShareItsIds() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try home.prepare()
            let now = Date(timeIntervalSince1970: 1_700_000_000)
            var progress = ProgressBook()
            progress.setStatus(.done, of: "track-one.a-rather-long-item-id", at: now)
            progress.setStatus(.doing, of: "track-two.not-in-the-curriculum", at: now)
            try ProgressStore.save(progress, to: home)
            var journal = Journal()
            _ = journal.add(JournalEntry(day: StudyDay("2024-05-01")!, minutes: 25,
                                     items: ["track-one.another-long-item-id", "track-two.not-in-the-curriculum"]))
            try JournalStore.save(journal, to: home, now: now)

            let shared = try ProgressStore.load(home, ids: Self.curriculum)
            #expect(shared == (try ProgressStore.load(home)))
            let key = try #require(shared.items.keys.first { $0 == "track-one.a-rather-long-item-id" })
            #expect(Self.storage(key) == Self.storage(Self.curriculumID(key)))

            let sharedJournal = try JournalStore.load(home, ids: Self.curriculum)
            #expect(sharedJournal == (try JournalStore.load(home)))
            let items = try #require(sharedJournal.entries.first?.items)
            #expect(Self.storage(items[0]) == Self.storage(Self.curriculumID(items[0])))
            #expect(items[1] == "track-two.not-in-the-curriculum")
        }
    }
}
