import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// Coach never writes over a file another program changed since Coach read it.
@Suite struct FileWatchTests {
    /// Another program writing in place (as `>>` or some editors do).
    static func appendInPlace(_ text: String, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func aFileChangedByAnotherProgramIsNotWrittenOver() throws {
        try withTemporaryFolder { folder in
            let url = try writeFile("mine\n", to: "progress.json", in: folder)
            let watch = FileWatch()
            watch.remember(url)
            #expect(!watch.hasChanged(url))
            try watch.write(url) { try AtomicFile.write(Data("mine, saved\n".utf8), to: url) }
            #expect(!watch.hasChanged(url), "Coach's own save is Coach's")

            try Self.appendInPlace("theirs\n", to: url)
            #expect(watch.hasChanged(url))
            let error = #expect(throws: StoreError.self) {
                try watch.write(url) { try AtomicFile.write(Data("mine again\n".utf8), to: url) }
            }
            #expect(error == .changedOnDisk(file: url.path))
            #expect(error?.description.contains("was changed by another program since Coach read it") == true)
            #expect(try String(contentsOf: url, encoding: .utf8) == "mine, saved\ntheirs\n", "their change is still there")

            // Once Coach has read it again (or was told to write over it), it writes.
            watch.remember(url)
            try watch.write(url) { try AtomicFile.write(Data("mine at last\n".utf8), to: url) }
            #expect(try String(contentsOf: url, encoding: .utf8) == "mine at last\n")
        }
    }

    @Test func aReplacedCreatedOrRemovedFileCountsAsChanged() throws {
        try withTemporaryFolder { folder in
            let replaced = try writeFile("a", to: "settings.json", in: folder)
            let created = folder.appendingPathComponent("journal.json")
            let removed = try writeFile("c", to: "reviews.json", in: folder)
            let watch = FileWatch()
            for url in [replaced, created, removed] { watch.remember(url) }
            #expect(!watch.hasChanged(created), "still missing")
            // Same size, written by renaming a new file over it, as editors and sync tools do.
            try AtomicFile.write(Data("b".utf8), to: replaced)
            try writeFile("new", to: "journal.json", in: folder)
            try FileManager.default.removeItem(at: removed)
            #expect(watch.hasChanged(replaced))
            #expect(watch.hasChanged(created))
            #expect(watch.hasChanged(removed))
            #expect(!watch.hasChanged(folder.appendingPathComponent("backlog.json")), "a file never remembered is not watched")
        }
    }

    @Test func readingTakesTheVersionFromBeforeTheRead() throws {
        try withTemporaryFolder { folder in
            let url = try writeFile("one", to: "progress.json", in: folder)
            let watch = FileWatch()
            let text = try watch.read(url) { () -> String in
                let text = try String(contentsOf: url, encoding: .utf8)
                try Self.appendInPlace(" two", to: url)  // changed while Coach was reading
                return text
            }
            #expect(text == "one")
            #expect(watch.hasChanged(url), "what changed during the read is still to be read")
        }
    }

    @Test func eachDocumentIsReadBackByItsStore() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            var progress = ProgressBook()
            _ = progress.setStatus(.done, of: "genai.rag", at: fixedDate)
            try ProgressStore.save(progress, to: home)
            try SettingsStore.save(Settings(focusTrack: "genai", dailyGoalMinutes: 50), to: home)
            #expect(try DocumentFiles.read(.progress, from: home) == .progress(progress))
            #expect(try DocumentFiles.read(.settings, from: home) == .settings(Settings(focusTrack: "genai", dailyGoalMinutes: 50)))
            #expect(try DocumentFiles.read(.backlog, from: home) == .backlog(Backlog()))
            #expect(try DocumentFiles.read(.journal, from: home) == .journal(Journal()))
            #expect(try DocumentFiles.read(.reviews, from: home) == .reviews(ReviewBook()))
            #expect(try DocumentFiles.read(.session, from: home) == .session(nil))
            #expect(DocumentKind.allCases.map { home.file($0).lastPathComponent } == DocumentKind.allCases.map(\.fileName))
            try writeFile("{ broken", to: "progress.json", in: folder)
            #expect(throws: StoreError.self) { try DocumentFiles.read(.progress, from: home) }
        }
    }
}
