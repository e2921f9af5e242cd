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
                #expect(text == "\(getpid()) command\n")
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
                    _ = try HomeLock.acquire(home, wait: 0)
                }
                #expect(throws: StoreError.self) { _ = try HomeLock.acquire(home, wait: 0) }
            }
        }
    }

    @Test func afterReleaseAcquireWorksAgain() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            do {
                let first = try HomeLock.acquire(home)
                withExtendedLifetime(first) {
                    _ = #expect(throws: StoreError.self) { _ = try HomeLock.acquire(home, wait: 0) }
                }
            }
            // `first` is gone: its deinit unlocked and closed the file.
            let second = try HomeLock.acquire(home)
            withExtendedLifetime(second) {
                _ = #expect(throws: StoreError.self) { _ = try HomeLock.acquire(home, wait: 0) }
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
            let error = #expect(throws: StoreError.self) { _ = try HomeLock.acquire(home, wait: 0) }
            guard case .io(let file, _)? = error else {
                Issue.record("expected StoreError.io, got \(String(describing: error))")
                return
            }
            #expect(file == home.lockFile.path)
        }
    }

    @Test func aFullScreenHolderIsNamedAndRefusedAtOnce() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let first = try HomeLock.acquire(home, as: .fullScreen)
            withExtendedLifetime(first) {
                // A long wait would be waited out if the holder were a command.
                #expect(throws: StoreError.locked(home: home.url.path, holder: "the full-screen coach, pid \(getpid())")) {
                    _ = try HomeLock.acquire(home, wait: 600)
                }
            }
        }
    }

    @Test func aCommandWaitsForAnotherCommandToFinish() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let taken = DispatchSemaphore(value: 0), released = DispatchSemaphore(value: 0)
            let holder = Thread {
                // The first command holds the lock for a moment, then ends.
                if let first = try? HomeLock.acquire(home) {
                    taken.signal()
                    withExtendedLifetime(first) { usleep(200_000) }
                } else {
                    taken.signal()
                }
                released.signal()
            }
            holder.start()
            taken.wait()
            // Held by a command: waited for rather than refused.
            let second = try HomeLock.acquire(home, wait: 600)
            released.wait()
            withExtendedLifetime(second) {}
        }
    }

    @Test func deletingTheLockFileLetsNoSecondWriterIn() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let first = try HomeLock.acquire(home)
            try withExtendedLifetime(first) {
                try FileManager.default.removeItem(at: home.lockFile)
                #expect(throws: StoreError.self) { _ = try HomeLock.acquire(home, wait: 0) }
                // And the holder still saves.
                try AtomicFile.write(Data("{}".utf8), to: home.progressFile)
            }
        }
    }

    @Test func aHomeReplacedWhileLockedIsNeverWrittenUnlocked() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder.appendingPathComponent("home"))
            try home.prepare()
            let first = try HomeLock.acquire(home)
            try withExtendedLifetime(first) {
                try FileManager.default.moveItem(at: home.url, to: folder.appendingPathComponent("moved"))
                try home.prepare()
                #expect(throws: StoreError.lockLost(home: home.url.path)) {
                    try AtomicFile.write(Data("{}".utf8), to: home.progressFile)
                }
                #expect(!FileManager.default.fileExists(atPath: home.progressFile.path))
            }
        }
    }

    @Test func aLinkPlantedAsTheLockFileIsRefusedAndItsTargetUntouched() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder.appendingPathComponent("home"))
            try home.prepare()
            let victim = try writeFile("precious", to: "victim", in: folder)
            try FileManager.default.createSymbolicLink(at: home.lockFile, withDestinationURL: victim)
            #expect(throws: StoreError.symbolicLink(file: home.lockFile.path)) { _ = try HomeLock.acquire(home, wait: 0) }
            #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
            // A dangling link creates nothing either.
            try FileManager.default.removeItem(at: home.lockFile)
            let missing = folder.appendingPathComponent("made-by-coach")
            try FileManager.default.createSymbolicLink(at: home.lockFile, withDestinationURL: missing)
            #expect(throws: StoreError.symbolicLink(file: home.lockFile.path)) { _ = try HomeLock.acquire(home, wait: 0) }
            #expect(!FileManager.default.fileExists(atPath: missing.path))
        }
    }

    @Test func theLockedMessageSaysWhatToDo() {
        let error = StoreError.locked(home: "/h", holder: "pid 42")
        #expect(error.description.contains("/h"))
        #expect(error.description.contains("pid 42"))
        #expect(error.description.contains("Read-only commands still work"))
    }
}
