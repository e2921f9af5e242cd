import CoachStore
import Foundation
import Testing

@Suite("HomeLock")
struct HomeLockTests {
    @Test func acquireSucceedsAndRecordsThePid() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let lock = try HomeLock.acquire(home)
            try withExtendedLifetime(lock) {
                let text = try String(contentsOf: home.lockFile, encoding: .utf8)
                #expect(text == "\(getpid())\n")
            }
        }
    }

    @Test func aSecondAcquireWhileHeldIsLocked() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let first = try HomeLock.acquire(home)
            withExtendedLifetime(first) {
                // flock locks belong to the open file description, so a second open in
                // the same process conflicts just like another process would.
                #expect(throws: StoreError.locked(home: home.url.path, holder: "pid \(getpid())")) {
                    _ = try HomeLock.acquire(home)
                }
                #expect(throws: StoreError.self) { _ = try HomeLock.acquire(home) }
            }
        }
    }

    @Test func afterReleaseAcquireWorksAgain() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            do {
                let first = try HomeLock.acquire(home)
                withExtendedLifetime(first) {
                    _ = #expect(throws: StoreError.self) { _ = try HomeLock.acquire(home) }
                }
            }
            // `first` is gone: its deinit unlocked and closed the file.
            let second = try HomeLock.acquire(home)
            withExtendedLifetime(second) {
                _ = #expect(throws: StoreError.self) { _ = try HomeLock.acquire(home) }
            }
        }
    }

    @Test func locksOfDifferentHomesDoNotConflict() throws {
        try withTemporaryFolder { folder in
            let a = CoachHome(url: folder.appendingPathComponent("a"))
            let b = CoachHome(url: folder.appendingPathComponent("b"))
            try a.prepare()
            try b.prepare()
            let lockA = try HomeLock.acquire(a)
            let lockB = try HomeLock.acquire(b)
            withExtendedLifetime((lockA, lockB)) {}
        }
    }

    @Test func aMissingHomeIsAnIOErrorNamingTheLockFile() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder.appendingPathComponent("missing"))
            let error = #expect(throws: StoreError.self) { _ = try HomeLock.acquire(home) }
            guard case .io(let file, _)? = error else {
                Issue.record("expected StoreError.io, got \(String(describing: error))")
                return
            }
            #expect(file == home.lockFile.path)
        }
    }

    @Test func theLockedMessageSaysWhatToDo() {
        let error = StoreError.locked(home: "/h", holder: "pid 42")
        #expect(error.description.contains("/h"))
        #expect(error.description.contains("pid 42"))
        #expect(error.description.contains("Read-only commands still work"))
    }
}
