import CoachStore
import Foundation
import Testing

@Suite("AtomicFile")
struct AtomicFileTests {
    @Test func writeThenReadBack() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("progress.json")
            let data = Data("{\"version\": 1}\n".utf8)
            try AtomicFile.write(data, to: url)
            #expect(try AtomicFile.read(url) == data)
            #expect(try Data(contentsOf: url) == data)
        }
    }

    @Test func overwritingReplacesTheWholeContent() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("progress.json")
            try AtomicFile.write(Data(String(repeating: "long old content ", count: 100).utf8), to: url)
            try AtomicFile.write(Data("new".utf8), to: url)
            #expect(try AtomicFile.read(url) == Data("new".utf8))
        }
    }

    @Test func anEmptyFileCanBeWritten() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("empty.json")
            try AtomicFile.write(Data(), to: url)
            #expect(try AtomicFile.read(url) == Data())
        }
    }

    @Test func noTemporaryFileIsLeftBehind() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("progress.json")
            for n in 0..<5 {
                try AtomicFile.write(Data("save \(n)".utf8), to: url)
            }
            #expect(try names(in: folder) == ["progress.json"])
        }
    }

    @Test func removeLeftoversDeletesOnlyTemporaryFiles() throws {
        try withTemporaryFolder { folder in
            try writeFile("half a save", to: ".coach-tmp-progress.json.123.456", in: folder)
            try writeFile("", to: ".coach-tmp-", in: folder)
            try writeFile("{}", to: "progress.json", in: folder)
            try writeFile("{}", to: "backlog.coach-tmp-x", in: folder)
            try writeFile("{}", to: ".coach-tmpfoo", in: folder)
            try writeFile("1", to: ".lock", in: folder)
            AtomicFile.removeLeftovers(inFolder: folder.path)
            #expect(try names(in: folder) == [".coach-tmpfoo", ".lock", "backlog.coach-tmp-x", "progress.json"])
        }
    }

    @Test func removeLeftoversInAMissingFolderDoesNothing() throws {
        try withTemporaryFolder { folder throws in
            AtomicFile.removeLeftovers(inFolder: folder.path + "/missing")
            #expect(try names(in: folder).isEmpty)
        }
    }

    @Test func readingAMissingFileIsNil() throws {
        try withTemporaryFolder { folder throws in
            #expect(try AtomicFile.read(folder.appendingPathComponent("nope.json")) == nil)
            #expect(try AtomicFile.read(folder.appendingPathComponent("no/such/folder/nope.json")) == nil)
        }
    }

    @Test func readingByPathBelowAFileIsNilAndAFolderIsAnErrorNamingIt() throws {
        try withTemporaryFolder { folder throws in
            try Data("{}".utf8).write(to: folder.appendingPathComponent("plain"))
            #expect(try AtomicFile.read(path: folder.path + "/plain/below.json") == nil, "a file where a folder should be")
            #expect(try AtomicFile.read(path: folder.path + "/plain") == Data("{}".utf8))
            let error = #expect(throws: StoreError.self) { try AtomicFile.read(path: folder.path) }
            guard case .io(let file, let reason)? = error else {
                Issue.record("expected StoreError.io, got \(String(describing: error))")
                return
            }
            #expect(file == folder.path)
            #expect(reason.hasPrefix("cannot read it ("))
        }
    }

    @Test func readingByPathRefusesAFileOverTheLimit() throws {
        try withTemporaryFolder { folder throws in
            try Data(repeating: 65, count: 100).write(to: folder.appendingPathComponent("big"))
            #expect(throws: StoreError.self) { try AtomicFile.read(path: folder.path + "/big", limit: 99) }
            #expect(try AtomicFile.read(path: folder.path + "/big", limit: 100)?.count == 100)
        }
    }

    @Test func writingIntoAMissingFolderFailsNamingTheFile() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("missing/progress.json")
            let error = #expect(throws: StoreError.self) { try AtomicFile.write(Data("x".utf8), to: url) }
            guard case .io(let file, let reason)? = error else {
                Issue.record("expected StoreError.io, got \(String(describing: error))")
                return
            }
            #expect(file == url.path)
            #expect(!reason.isEmpty)
        }
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporary() throws {
        try withTemporaryFolder { folder in
            // The target is a folder, so the rename fails after the temporary file was written.
            let target = folder.appendingPathComponent("progress.json")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
            try writeFile("keep me", to: "progress.json/inside", in: folder)
            #expect(throws: StoreError.self) { try AtomicFile.write(Data("new".utf8), to: target) }
            #expect(try names(in: folder) == ["progress.json"])
            #expect(try String(contentsOf: target.appendingPathComponent("inside"), encoding: .utf8) == "keep me")
        }
    }
}
