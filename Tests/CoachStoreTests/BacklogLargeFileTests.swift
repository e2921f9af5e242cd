import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// A backlog file of several megabytes is read in one pass that hands the file's pages
/// back as it goes; what it reads, and what it says about a broken file, must not change.
@Suite struct BacklogLargeFileTests {
    /// About 2 MB on disk, so pages are handed back twice while reading.
    static func largeBacklog() -> Backlog {
        var backlog = Backlog()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        for index in 0..<4_000 {
            let note = index.isMultiple(of: 3) ? String(repeating: "Labeling and monitoring, week \(index). ", count: 3) : nil
            let fields = BacklogStoreTests.fields("Idea number \(index) for Café owners", note: note,
                                                  reach: Double(index % 97) * 10, effort: Double(index % 5 + 1))
            backlog.add(fields, now: start.addingTimeInterval(Double(index) * 60))
        }
        return backlog
    }

    @Test func aLargeFileReadsBackExactly() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let backlog = Self.largeBacklog()
            try BacklogStore.save(backlog, to: home)
            let size = try #require(try AtomicFile.read(home.backlogFile)).count
            #expect(size > 2_000_000, "large enough for pages to be handed back twice (\(size) bytes)")
            #expect(try BacklogStore.load(home) == backlog)
        }
    }

    @Test func aBreakNearTheEndOfALargeFileIsPlacedByLineAndColumn() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try BacklogStore.save(Self.largeBacklog(), to: home)
            var lines = try String(contentsOf: home.backlogFile, encoding: .utf8).components(separatedBy: "\n")
            // The last idea's closing brace goes missing, far past the pages handed back.
            let brace = try #require(lines.lastIndex(of: "    }"))
            lines[brace] = "    "
            try Data(lines.joined(separator: "\n").utf8).write(to: home.backlogFile)
            let before = try AtomicFile.read(home.backlogFile)

            let error = #expect(throws: StoreError.self) { try BacklogStore.load(home) }
            guard case .unreadable(_, let place, let reason)? = error else {
                Issue.record("expected StoreError.unreadable, got \(String(describing: error))")
                return
            }
            #expect(place.hasPrefix("line \(brace + 1)") || place.hasPrefix("line \(brace + 2)"), "place was \(place)")
            #expect(reason.contains("not valid JSON"))
            #expect(try AtomicFile.read(home.backlogFile) == before, "a file that is refused is left as it was")
        }
    }
}
