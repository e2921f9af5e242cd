import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// What saves add for a merge: stable ids, change times, tombstones that expire, the
/// open conflicts carried; and the conflict copies of folder-sync tools merged in.
@Suite struct RecordStampsTests {
    static let day = StudyDay("2026-12-02")!
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static func tree(_ url: URL) throws -> JSONTree { try JSONTree.read(try Data(contentsOf: url)) }

    @Test func sessionsKeepTheirIdsAndGetTombstonesThatExpire() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            var journal = Journal()
            journal.add(JournalEntry(day: Self.day, minutes: 20))
            journal.add(JournalEntry(day: Self.day, minutes: 30))
            try JournalStore.save(journal, to: home, now: Self.now)
            let first = try Self.tree(JournalStore.file(home))["entries"]!.elements
            let uids = first.compactMap { $0["uid"]?.text }
            #expect(uids.count == 2 && Set(uids).count == 2)
            #expect(first.allSatisfy { $0["changed"]?.date == Self.now })

            // An edit keeps the id and moves the time; a deletion leaves a tombstone.
            var edited = journal.entries[0]
            edited.minutes = 25
            journal.edit(edited)
            journal.delete(id: 2)
            let later = Self.now.addingTimeInterval(60)
            try JournalStore.save(journal, to: home, now: later)
            let second = try Self.tree(JournalStore.file(home))
            #expect(second["entries"]!.elements.map { $0["uid"]?.text } == [uids[0]])
            #expect(second["entries"]!.elements[0]["changed"]?.date == later)
            #expect(second["removed"]?[uids[1]]?.date == later)

            // A new session that takes the free small id is a new record, not an edit.
            journal.add(JournalEntry(day: StudyDay("2026-12-01")!, minutes: 10))
            try JournalStore.save(journal, to: home, now: later)
            let third = try Self.tree(JournalStore.file(home))["entries"]!.elements
            #expect(third.count == 2 && third[1]["uid"]?.text != uids[1])

            // 90 days on, the tombstone is dropped on the next save.
            try JournalStore.save(journal, to: home, now: later.addingTimeInterval(RecordStamps.tombstoneLife + 1))
            #expect(try Self.tree(JournalStore.file(home))["removed"] == nil)
        }
    }

    @Test func aVersionTwoReviewsFileIsKeptWhenFirstRewritten() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let v2 = #"{"cards": {}, "reviews": [{"card": "a#1", "day": "2026-12-01", "interval": 3, "rating": "good"}], "version": 2}"#
            try Data(v2.utf8).write(to: ReviewStore.file(home))
            let book = try ReviewStore.load(home)
            try ReviewStore.save(book, to: home, now: Self.now)
            #expect(try Data(contentsOf: folder.appendingPathComponent("backups/reviews.v2.json")) == Data(v2.utf8))
            let tree = try Self.tree(ReviewStore.file(home))
            #expect(RecordStamps.version(of: try Data(contentsOf: ReviewStore.file(home))) == 3)
            let uid = try #require(tree["reviews"]?.elements.first?["uid"]?.text)
            #expect(uid == RecordIDs.derived("review", content: try JSONTree.read(Data(v2.utf8))["reviews"]!.elements[0], occurrence: 0),
                    "an old rating's id comes from its content")
            #expect(try ReviewStore.load(home) == book)
        }
    }

    @Test func deletedIdeasLeaveTombstones() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let fields = try IdeaValidation.validate(IdeaDraft(title: "Triage bot", reach: "100", impact: "2",
                                                               confidence: "80%", effort: "2")).get()
            var backlog = Backlog()
            let idea = backlog.add(fields, now: Self.now)
            try BacklogStore.save(backlog, to: home, now: Self.now)
            backlog.remove(idea.id)
            try BacklogStore.save(backlog, to: home, now: Self.now)
            let tree = try Self.tree(home.backlogFile)
            #expect(tree["removed"]?[idea.id]?.date == Self.now)
            #expect(try BacklogStore.load(home).isEmpty)
            // Put back (undo), the idea is no longer a tombstone.
            backlog.put(idea)
            try BacklogStore.save(backlog, to: home, now: Self.now)
            #expect(try Self.tree(home.backlogFile)["removed"] == nil)
        }
    }

    @Test func settingsKeepWhenEachKeyChanged() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try SettingsStore.save(Settings(focusTrack: "genai", dailyGoalMinutes: 30), to: home, now: Self.now)
            #expect(try Self.tree(SettingsStore.file(home))["changed"] == nil, "a first file has no times")
            let later = Self.now.addingTimeInterval(300)
            try SettingsStore.save(Settings(focusTrack: "genai", dailyGoalMinutes: 45), to: home, now: later)
            let tree = try Self.tree(SettingsStore.file(home))
            #expect(tree["changed"]?["dailyGoalMinutes"]?.date == later)
            #expect(tree["changed"]?["focusTrack"] == nil)
            #expect(try SettingsStore.load(home) == Settings(focusTrack: "genai", dailyGoalMinutes: 45))
        }
    }

    @Test func aNoteKeptFromBothMachinesStaysListedUntilItIsEdited() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let marked = "a" + DocumentMerge.bothMarker + "b"
            let text = #"{"conflicts": [{"field": "note", "kind": "both", "record": "x"}], "items": {"x": {"changed": "2026-12-01T10:00:00Z", "note": "\#(marked)", "status": "doing"}}, "version": 1}"#
            try Data(text.utf8).write(to: home.progressFile)
            #expect(MergeNotices.line(for: home) == "1 note kept from both machines: review them")
            var book = try ProgressStore.load(home)
            book.items["y"] = ItemProgress(status: .done, changed: Self.now)
            try ProgressStore.save(book, to: home)
            #expect(MergeNotices.pending(in: home).count == 1, "another change keeps it")
            book.items["x"]?.note = "a and b, reviewed"
            try ProgressStore.save(book, to: home)
            #expect(MergeNotices.pending(in: home).isEmpty, "edited, it is resolved")
        }
    }

    @Test func conflictCopiesAreMergedAndMoved() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try ProgressStore.save(ProgressBook(items: ["a": ItemProgress(status: .done, changed: Self.now)]), to: home)
            let dropbox = "progress (laptop's conflicted copy 2026-12-02).json"
            try Data(#"{"items": {"b": {"changed": "2026-12-02T10:00:00Z", "status": "doing"}}, "version": 1}"#.utf8)
                .write(to: folder.appendingPathComponent(dropbox))
            let broken = "journal.sync-conflict-20261202-101010-ABCDEFG.json"
            try Data("{\"entries\": [".utf8).write(to: folder.appendingPathComponent(broken))
            let line = try #require(try ConflictCopies.absorb(in: home))
            #expect(line.contains("merged a sync tool's conflict copy (\(dropbox)); moved to backups/"), "\(line)")
            #expect(line.contains("left \(broken) ("), "a copy that is not a document stays: \(line)")
            let book = try ProgressStore.load(home)
            #expect(book.items["a"]?.status == .done && book.items["b"]?.status == .doing)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("backups/\(dropbox)").path))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(broken).path))
            #expect(try ConflictCopies.absorb(in: home)?.contains("merged") != true, "done once")
        }
    }
}
