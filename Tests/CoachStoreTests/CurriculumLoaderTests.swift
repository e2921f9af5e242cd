import CoachCore
import CoachStore
import Foundation
import Testing

@Suite("CurriculumLoader.load")
struct CurriculumLoaderTests {
    static func trackJSON(id: String, title: String, itemIDs: [String], minutes: String = "10") -> String {
        let items = itemIDs.map { #"{"id":"\#($0)","title":"Item \#($0)","summary":"s","minutes":\#(minutes)}"# }
        return #"{"id":"\#(id)","title":"\#(title)","sections":[{"title":"S","items":[\#(items.joined(separator: ","))]}]}"#
    }

    func invalidCurriculumLines(_ data: URL) -> [String]? {
        let error = #expect(throws: StoreError.self) { _ = try CurriculumLoader.load(data: data) }
        guard case .invalidCurriculum(let lines)? = error else {
            Issue.record("expected StoreError.invalidCurriculum, got \(String(describing: error))")
            return nil
        }
        return lines
    }

    @Test func tracksComeInFileNameOrder() throws {
        try withTemporaryFolder { data in
            // File names decide the order, not ids or titles.
            try writeFile(Self.trackJSON(id: "alpha", title: "Alpha", itemIDs: ["alpha.1", "alpha.2"]),
                          to: "tracks/02-alpha.json", in: data)
            try writeFile(Self.trackJSON(id: "zeta", title: "Zeta", itemIDs: ["zeta.1"]),
                          to: "tracks/01-zeta.json", in: data)
            try writeFile("not a track", to: "tracks/README.md", in: data)
            let curriculum = try CurriculumLoader.load(data: data)
            #expect(curriculum.tracks.map(\.id) == ["zeta", "alpha"])
            #expect(curriculum.allItemIDs == ["zeta.1", "alpha.1", "alpha.2"])
            #expect(curriculum.item(id: "alpha.2")?.title == "Item alpha.2")
            #expect(curriculum.track(containing: "zeta.1")?.title == "Zeta")
        }
    }

    @Test func aBadFileThrowsWithFileAndPath() throws {
        try withTemporaryFolder { data in
            try writeFile(Self.trackJSON(id: "good", title: "Good", itemIDs: ["good.1"]), to: "tracks/a-good.json", in: data)
            let bad = try writeFile(Self.trackJSON(id: "bad", title: "Bad", itemIDs: ["bad.1"], minutes: "0"),
                                    to: "tracks/b-bad.json", in: data)
            let lines = try #require(invalidCurriculumLines(data))
            #expect(lines.count == 1)
            let line = try #require(lines.first)
            #expect(line.contains(bad.path))
            #expect(line.contains("$.sections[0].items[0].minutes"))
        }
    }

    @Test func problemsOfSeveralFilesAreAllReported() throws {
        try withTemporaryFolder { data in
            let notJSON = try writeFile("{ nope", to: "tracks/a.json", in: data)
            let noTitle = try writeFile(#"{"id":"b","sections":[]}"#, to: "tracks/b.json", in: data)
            try writeFile(Self.trackJSON(id: "c", title: "C", itemIDs: ["c.1"]), to: "tracks/c.json", in: data)
            let lines = try #require(invalidCurriculumLines(data))
            #expect(lines.count == 2)
            #expect(lines.contains { $0.contains(notJSON.path) && $0.contains("$") && $0.contains("not valid JSON") })
            #expect(lines.contains { $0.contains(noTitle.path) && $0.contains("$.title") })
        }
    }

    @Test func duplicateItemIDsAcrossFilesAreReported() throws {
        try withTemporaryFolder { data in
            let first = try writeFile(Self.trackJSON(id: "a", title: "A", itemIDs: ["shared.item", "a.2"]),
                                      to: "tracks/a.json", in: data)
            let second = try writeFile(Self.trackJSON(id: "b", title: "B", itemIDs: ["b.1", "shared.item"]),
                                       to: "tracks/b.json", in: data)
            let lines = try #require(invalidCurriculumLines(data))
            #expect(lines.count == 1)
            let line = try #require(lines.first)
            #expect(line.contains(second.path))
            #expect(line.contains(first.path))
            #expect(line.contains("$.sections[0].items[1].id"))
            #expect(line.contains("shared.item"))
        }
    }

    @Test func theErrorCountsTheProblems() {
        let error = StoreError.invalidCurriculum(["a.json: $.id: missing field \"id\"", "b.json: $.title: empty title"])
        #expect(error.description.hasPrefix("the curriculum has 2 problems:\n"))
        #expect(error.description.contains("b.json: $.title: empty title"))
    }

    @Test func aMissingTracksFolderIsNotFound() throws {
        try withTemporaryFolder { data in
            #expect(throws: StoreError.curriculumNotFound(searched: [data.appendingPathComponent("tracks").path])) {
                _ = try CurriculumLoader.load(data: data)
            }
        }
    }

    @Test func anEmptyTracksFolderIsAnEmptyCurriculum() throws {
        try withTemporaryFolder { data in
            try FileManager.default.createDirectory(at: data.appendingPathComponent("tracks"), withIntermediateDirectories: true)
            #expect(try CurriculumLoader.load(data: data).tracks.isEmpty)
        }
    }
}
