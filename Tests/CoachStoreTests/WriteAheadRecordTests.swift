import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// A change across two documents lands all or none, also when the writer is killed in
/// the middle (simulated here by leaving the files as a kill at each step would).
@Suite struct WriteAheadRecordTests {
    private func text(_ url: URL) throws -> String? {
        try AtomicFile.read(url).map { String(decoding: $0, as: UTF8.self) }
    }

    private func home(in folder: URL) throws -> CoachHome {
        let home = CoachHome(url: folder.appendingPathComponent("home"))
        try home.prepare()
        try AtomicFile.write(Data("old a".utf8), to: home.url.appendingPathComponent("a.json"))
        try AtomicFile.write(Data("old b".utf8), to: home.url.appendingPathComponent("b.json"))
        return home
    }

    @Test func bothSavesLandAndNothingIsLeftBehind() throws {
        try withTemporaryFolder { folder in
            let home = try home(in: folder)
            let lock = try HomeLock.acquire(home)
            try withExtendedLifetime(lock) {
                try WriteAheadRecord.together(in: home) {
                    try AtomicFile.write(Data("new a".utf8), to: home.url.appendingPathComponent("a.json"))
                    // Staged, not yet in place: a reader still sees the old file.
                    #expect(try text(home.url.appendingPathComponent("a.json")) == "old a")
                    try AtomicFile.write(Data("new b".utf8), to: home.url.appendingPathComponent("b.json"))
                }
            }
            #expect(try text(home.url.appendingPathComponent("a.json")) == "new a")
            #expect(try text(home.url.appendingPathComponent("b.json")) == "new b")
            #expect(try names(in: home.url) == [".lock", "a.json", "b.json"])
        }
    }

    @Test func aFailureHalfWayKeepsNeither() throws {
        struct Refused: Error {}
        try withTemporaryFolder { folder in
            let home = try home(in: folder)
            #expect(throws: Refused.self) {
                try WriteAheadRecord.together(in: home) {
                    try AtomicFile.write(Data("new a".utf8), to: home.url.appendingPathComponent("a.json"))
                    throw Refused()
                }
            }
            #expect(try text(home.url.appendingPathComponent("a.json")) == "old a")
            #expect(try names(in: home.url) == ["a.json", "b.json"])
        }
    }

    @Test func aKillAfterTheRecordIsFinishedByTheNextLockHolder() throws {
        try withTemporaryFolder { folder in
            let home = try home(in: folder)
            // As a kill after the record was saved leaves it: staged files and the record.
            try Data("new a".utf8).write(to: home.url.appendingPathComponent(".coach-tmp-a.json.1.1"))
            try Data("new b".utf8).write(to: home.url.appendingPathComponent(".coach-tmp-b.json.1.2"))
            try Data(".coach-tmp-a.json.1.1\ta.json\n.coach-tmp-b.json.1.2\tb.json\n".utf8)
                .write(to: home.url.appendingPathComponent(WriteAheadRecord.fileName))
            #expect(WriteAheadRecord.isPending(in: home))
            let lock = try HomeLock.acquire(home)
            withExtendedLifetime(lock) {}
            #expect(try text(home.url.appendingPathComponent("a.json")) == "new a")
            #expect(try text(home.url.appendingPathComponent("b.json")) == "new b")
            #expect(!WriteAheadRecord.isPending(in: home))
        }
    }

    @Test func aKillAfterOneRenameIsFinishedToo() throws {
        try withTemporaryFolder { folder in
            let home = try home(in: folder)
            try AtomicFile.write(Data("new a".utf8), to: home.url.appendingPathComponent("a.json"))
            try Data("new b".utf8).write(to: home.url.appendingPathComponent(".coach-tmp-b.json.1.2"))
            try Data(".coach-tmp-a.json.1.1\ta.json\n.coach-tmp-b.json.1.2\tb.json\n".utf8)
                .write(to: home.url.appendingPathComponent(WriteAheadRecord.fileName))
            let lock = try HomeLock.acquire(home)
            withExtendedLifetime(lock) {}
            #expect(try text(home.url.appendingPathComponent("a.json")) == "new a")
            #expect(try text(home.url.appendingPathComponent("b.json")) == "new b")
        }
    }

    @Test func aKillBeforeTheRecordLeavesBothAsTheyWere() throws {
        try withTemporaryFolder { folder in
            let home = try home(in: folder)
            try Data("new a".utf8).write(to: home.url.appendingPathComponent(".coach-tmp-a.json.1.1"))
            let lock = try HomeLock.acquire(home)
            withExtendedLifetime(lock) {}
            #expect(try text(home.url.appendingPathComponent("a.json")) == "old a")
            #expect(try names(in: home.url) == [".lock", "a.json", "b.json"])
        }
    }

    @Test func aRecordNamingAnythingButStagedFilesAndDocumentsRenamesNothing() {
        let lines = WriteAheadRecord.parse(
            ".coach-tmp-a.1\t../outside.json\n/etc/passwd\ta.json\n.coach-tmp-b.2\t.lock\n.coach-tmp-c.3\tc.json\nnonsense\n")
        #expect(lines.map(\.name) == ["c.json"])
    }
}
