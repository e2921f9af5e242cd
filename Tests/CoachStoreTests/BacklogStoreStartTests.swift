import CoachCore
import CoachStore
import Foundation
import Testing

/// `BacklogStore.loadOrStart`: the starter ideas come once, on the first look at a home
/// without a backlog, and never come back.
@Suite("BacklogStore.loadOrStart")
struct BacklogStoreStartTests {
    static let starters = """
    [{"id": "starter.one", "title": "One", "note": "Hidden costs: none.", "reach": 10, "impact": 1, "confidence": 0.5, "effort": 1},
     {"id": "starter.two", "title": "Two", "reach": 100, "impact": 2, "confidence": 0.8, "effort": 2,
      "hiddenCosts": {"labeling": 0.5}, "items": ["genai.rag"]}]
    """

    /// A home and a data folder with `ideas.json`, side by side in a fresh folder.
    static func withHomeAndData(ideas: String? = starters, _ body: (CoachHome, URL) throws -> Void) throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder.appendingPathComponent("home"))
            try home.prepare()
            let data = folder.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            if let ideas { try writeFile(ideas, to: "ideas.json", in: data) }
            try body(home, data)
        }
    }

    @Test func aFreshHomeIsOfferedTheStartersWithoutWritingThem() throws {
        try Self.withHomeAndData { home, data in
            let first = try BacklogStore.loadOrStart(home, data: data, now: fixedDate)
            #expect(first.addedStarters == 2)
            #expect(first.backlog.rankedIDs == ["starter.two", "starter.one"])
            #expect(first.backlog.ranked.allSatisfy { $0.status == .idea && $0.created == fixedDate })
            #expect(!first.backlog.hasOwnIdeas)
            #expect(!FileManager.default.fileExists(atPath: home.backlogFile.path), "a look writes nothing")

            // Offered again on the next look, until the first change saves them.
            let second = try BacklogStore.loadOrStart(home, data: data, now: fixedDate.addingTimeInterval(60))
            #expect(second.addedStarters == 2)
            #expect(second.backlog.rankedIDs == first.backlog.rankedIDs)
            try BacklogStore.save(second.backlog, to: home)
            let third = try BacklogStore.loadOrStart(home, data: data, now: fixedDate.addingTimeInterval(120))
            #expect(third.addedStarters == 0)
            #expect(third.backlog == second.backlog)
        }
    }

    @Test func removedStartersNeverComeBack() throws {
        try Self.withHomeAndData { home, data in
            var backlog = try BacklogStore.loadOrStart(home, data: data, now: fixedDate).backlog
            for id in backlog.rankedIDs { backlog.remove(id) }
            try BacklogStore.save(backlog, to: home)
            let emptied = try BacklogStore.loadOrStart(home, data: data, now: fixedDate)
            #expect(emptied.addedStarters == 0)
            #expect(emptied.backlog.isEmpty)

            let own = backlog.add(BacklogStoreTests.fields("My own"), now: fixedDate)
            try BacklogStore.save(backlog, to: home)
            let withOwn = try BacklogStore.loadOrStart(home, data: data, now: fixedDate)
            #expect(withOwn.addedStarters == 0)
            #expect(withOwn.backlog.rankedIDs == [own.id])
        }
    }

    @Test func aBacklogOfOwnIdeasIsLeftAsItIs() throws {
        try Self.withHomeAndData { home, data in
            var backlog = Backlog()
            backlog.add(BacklogStoreTests.fields("Mine"), now: fixedDate)
            try BacklogStore.save(backlog, to: home)
            let before = try Data(contentsOf: home.backlogFile)
            let loaded = try BacklogStore.loadOrStart(home, data: data, now: fixedDate)
            #expect(loaded.addedStarters == 0)
            #expect(loaded.backlog == backlog)
            #expect(try Data(contentsOf: home.backlogFile) == before, "not rewritten")
        }
    }

    @Test func noStarterFileMeansAnEmptyBacklogAndNoFile() throws {
        try Self.withHomeAndData(ideas: nil) { home, data in
            let loaded = try BacklogStore.loadOrStart(home, data: data, now: fixedDate)
            #expect(loaded.addedStarters == 0)
            #expect(loaded.backlog.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: home.backlogFile.path))
        }
    }

    @Test func anUnreadableBacklogIsRefusedAndNotOverwritten() throws {
        try Self.withHomeAndData { home, data in
            let garbage = Data("{\"version\": 1, \"ideas\": [".utf8)
            try garbage.write(to: home.backlogFile)
            #expect(throws: StoreError.self) { try BacklogStore.loadOrStart(home, data: data, now: fixedDate) }
            #expect(try Data(contentsOf: home.backlogFile) == garbage)

            let newer = Data("{\"version\": 99, \"ideas\": []}".utf8)
            try newer.write(to: home.backlogFile)
            #expect(throws: StoreError.self) { try BacklogStore.loadOrStart(home, data: data, now: fixedDate) }
            #expect(try Data(contentsOf: home.backlogFile) == newer)
        }
    }

    @Test func aBadStarterFileIsReportedAndNothingIsSaved() throws {
        try Self.withHomeAndData(ideas: #"[{"id": "starter.bad", "title": "Bad", "reach": -1, "impact": 1, "confidence": 0.5, "effort": 1}]"#) { home, data in
            #expect(throws: StoreError.self) { try BacklogStore.loadOrStart(home, data: data, now: fixedDate) }
            #expect(!FileManager.default.fileExists(atPath: home.backlogFile.path))
        }
    }

    @Test func theShippedStartersAreAllAdded() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let shipped = try BacklogStore.loadStarterIdeas(data: BacklogStoreTests.dataFolder)
            let loaded = try BacklogStore.loadOrStart(home, data: BacklogStoreTests.dataFolder, now: fixedDate)
            #expect(loaded.addedStarters == shipped.count)
            #expect(Set(loaded.backlog.rankedIDs) == Set(shipped.map(\.id)))
        }
    }
}
