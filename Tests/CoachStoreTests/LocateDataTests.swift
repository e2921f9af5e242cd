import CoachCore
import CoachStore
import Foundation
import Testing

@Suite("CurriculumLoader.locateData")
struct LocateDataTests {
    /// Makes `folder/relativePath/tracks/x.json`, so the folder counts as a Data folder.
    @discardableResult
    static func makeData(_ relativePath: String, in folder: URL) throws -> URL {
        try writeFile("{}", to: "\(relativePath)/tracks/x.json", in: folder)
        return folder.appendingPathComponent(relativePath)
    }

    func notFound(environment: [String: String], executable: URL, current: URL) -> [String]? {
        let error = #expect(throws: StoreError.self) {
            _ = try CurriculumLoader.locateData(environment: environment, executable: executable, currentFolder: current)
        }
        guard case .curriculumNotFound(let searched)? = error else {
            Issue.record("expected StoreError.curriculumNotFound, got \(String(describing: error))")
            return nil
        }
        return searched
    }

    @Test func coachDataWins() throws {
        try withTemporaryFolder { folder in
            let override = try Self.makeData("override", in: folder)
            try Self.makeData("prefix/share/coach", in: folder)
            try Self.makeData("cwd/Data", in: folder)
            let found = try CurriculumLoader.locateData(
                environment: ["COACH_DATA": override.path],
                executable: folder.appendingPathComponent("prefix/bin/coach"),
                currentFolder: folder.appendingPathComponent("cwd"))
            #expect(found.path == override.path)
        }
    }

    @Test func coachDataWithoutTracksIsNotFoundAndNamed() throws {
        try withTemporaryFolder { folder in
            let empty = folder.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            // A usable Data folder elsewhere must not be used instead.
            try Self.makeData("prefix/share/coach", in: folder)
            let missing = folder.appendingPathComponent("missing")
            for override in [empty, missing] {
                let searched = try #require(notFound(
                    environment: ["COACH_DATA": override.path],
                    executable: folder.appendingPathComponent("prefix/bin/coach"),
                    current: folder))
                #expect(searched.count == 1)
                #expect(searched.first?.contains("COACH_DATA=\(override.path)") == true, "\(searched)")
            }
        }
    }

    @Test func anEmptyCoachDataCountsAsUnset() throws {
        try withTemporaryFolder { folder in
            let share = try Self.makeData("prefix/share/coach", in: folder)
            let found = try CurriculumLoader.locateData(
                environment: ["COACH_DATA": ""],
                executable: folder.appendingPathComponent("prefix/bin/coach"),
                currentFolder: folder)
            #expect(found.standardizedFileURL.path == share.path)
        }
    }

    @Test func findsPrefixShareCoachForAnInstall() throws {
        try withTemporaryFolder { folder in
            let share = try Self.makeData("usr/local/share/coach", in: folder)
            let found = try CurriculumLoader.locateData(
                environment: [:],
                executable: folder.appendingPathComponent("usr/local/bin/coach"),
                currentFolder: folder.appendingPathComponent("elsewhere"))
            #expect(found.standardizedFileURL.path == share.path)
        }
    }

    @Test func findsDataAboveABinaryInTheBuildTree() throws {
        try withTemporaryFolder { folder in
            let data = try Self.makeData("checkout/Data", in: folder)
            let binary = folder.appendingPathComponent("checkout/.build/x86_64-unknown-linux-gnu/release/coach")
            let found = try CurriculumLoader.locateData(
                environment: [:], executable: binary, currentFolder: folder.appendingPathComponent("elsewhere"))
            #expect(found.standardizedFileURL.path == data.path)
        }
    }

    @Test func findsDataInTheCurrentFolderLast() throws {
        try withTemporaryFolder { folder in
            let data = try Self.makeData("cwd/Data", in: folder)
            let found = try CurriculumLoader.locateData(
                environment: [:],
                executable: folder.appendingPathComponent("a/b/c/d/e/f/g/bin/coach"),
                currentFolder: folder.appendingPathComponent("cwd"))
            #expect(found.standardizedFileURL.path == data.path)
        }
    }

    @Test func aFolderWithoutJSONTracksDoesNotCount() throws {
        try withTemporaryFolder { folder in
            try writeFile("not json", to: "prefix/share/coach/tracks/notes.txt", in: folder)
            let data = try Self.makeData("cwd/Data", in: folder)
            let found = try CurriculumLoader.locateData(
                environment: [:],
                executable: folder.appendingPathComponent("prefix/bin/coach"),
                currentFolder: folder.appendingPathComponent("cwd"))
            #expect(found.standardizedFileURL.path == data.path)
        }
    }

    @Test func notFoundListsThePlacesSearched() throws {
        try withTemporaryFolder { folder in
            let executable = folder.appendingPathComponent("prefix/bin/coach")
            let current = folder.appendingPathComponent("cwd")
            let searched = try #require(notFound(environment: [:], executable: executable, current: current))
            let paths = searched.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            #expect(paths.contains(folder.appendingPathComponent("prefix/share/coach").path))
            #expect(paths.contains(folder.appendingPathComponent("prefix/bin/Data").path))
            #expect(paths.contains(folder.appendingPathComponent("prefix/Data").path))
            #expect(paths.contains(current.appendingPathComponent("Data").path))
            #expect(paths.first == folder.appendingPathComponent("prefix/share/coach").path)
            #expect(paths.last == current.appendingPathComponent("Data").path)

            let message = StoreError.curriculumNotFound(searched: searched).description
            #expect(message.contains(current.appendingPathComponent("Data").path))
            #expect(message.contains("COACH_DATA"))
        }
    }
}
