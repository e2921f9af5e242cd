import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// Files as the current release writes them (Fixtures/release-1, written by `coach
/// check`, `proof`, `log`, `review`, `settings` and `idea add`) load unchanged, and
/// written again they are the same bytes: an upgrade neither refuses nor rewrites them.
@Suite struct ReleaseFilesTests {
    static let kinds: [DocumentKind] = [.progress, .settings, .backlog, .journal, .reviews]

    /// reviews.json moved to version 2 (cards), journal.json and backlog.json to version 2
    /// (what a merge needs: `upgradedFilesKeepTheReleaseFileInBackups`); ReviewCardsStoreTests
    /// reads the release reviews file and checks what its rewrite keeps. settings.json
    /// moved to version 2 (days off): SettingsVersionTests checks its rewrite.
    @Test(arguments: [DocumentKind.progress])
    func aReleaseFileLoadsAndIsWrittenBackByteForByte(kind: DocumentKind) throws {
        let original = try FileFormat.releaseFile(kind.fileName)
        #expect(FileFormat.problem(with: String(decoding: original, as: UTF8.self)) == nil)
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try original.write(to: home.file(kind))
            let value = try DocumentFiles.read(kind, from: home)
            try FileManager.default.removeItem(at: home.file(kind))
            try DocumentFiles.write(value, to: home)
            let rewritten = try Data(contentsOf: home.file(kind))
            // progress.json moved to version 2 (time spent, own estimates): the same
            // fields, written under the new version.
            var expected = String(decoding: original, as: UTF8.self)
            if kind == .progress { expected = expected.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2") }
            #expect(String(decoding: rewritten, as: UTF8.self) == expected)
        }
    }

    /// The first rewrite of a release file raises its version, gives its records what a
    /// merge needs, keeps the release file as `backups/NAME.v1.json`, and loads as the same.
    @Test(arguments: [DocumentKind.journal, .backlog])
    func upgradedFilesKeepTheReleaseFileInBackups(kind: DocumentKind) throws {
        let original = try FileFormat.releaseFile(kind.fileName)
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try original.write(to: home.file(kind))
            let value = try DocumentFiles.read(kind, from: home)
            try DocumentFiles.write(value, to: home)
            let rewritten = try Data(contentsOf: home.file(kind))
            #expect(RecordStamps.version(of: rewritten) == 2)
            #expect(FileFormat.problem(with: String(decoding: rewritten, as: UTF8.self)) == nil)
            let kept = home.url.appendingPathComponent("backups/\(kind.rawValue).v1.json")
            #expect(try Data(contentsOf: kept) == original)
            #expect(try DocumentFiles.read(kind, from: home) == value)
            // A second save changes nothing: the ids stay, and the backup is the release file.
            try DocumentFiles.write(value, to: home)
            #expect(try Data(contentsOf: home.file(kind)) == rewritten)
            #expect(try Data(contentsOf: kept) == original)
        }
    }

    @Test func theReleaseFilesSayWhatWasTyped() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            for kind in Self.kinds { try FileFormat.releaseFile(kind.fileName).write(to: home.file(kind)) }
            let progress = try ProgressStore.load(home)
            #expect(progress.items["ai-product.what-is-different"]?.status == .done)
            #expect(progress.items["ai-product.what-is-different"]?.proof == ["https://example.com/a/b", "notes/work.md"])
            #expect(progress.items["ai-product.roles-compared"]?.status == .doing)
            #expect(try SettingsStore.load(home) == Settings(focusTrack: "ai-product", dailyGoalMinutes: 45))
            let journal = try JournalStore.load(home)
            #expect(journal.entries.map(\.minutes) == [25, 40])
            #expect(journal.entries.first?.note == #"Read "the paper" \ then notes/slashes"#)
            #expect(try ReviewStore.load(home).items["ai-product.what-is-different"]?.map(\.rating) == [.good])
            let idea = try #require(try BacklogStore.load(home).ranked.first)
            #expect(idea.id == "support-triage-bot" && idea.reach == 1200.5 && idea.hiddenCosts.monitoring == 0.25)
            #expect(idea.note == "Tab\tand \"quotes\"")
        }
    }
}
