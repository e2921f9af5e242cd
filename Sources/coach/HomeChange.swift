import CoachCore
import CoachStore
import FoundationEssentials

/// The one way a command changes the home, so no writer can drift from it: take the
/// home's lock first (waiting a few seconds for another short command, refused at once
/// while the full-screen coach runs), then read, change and save, all inside `body`.
/// A document read before the lock may be stale by the time it is saved and would
/// undo another writer's change: bodies read what they change again.
extension CoachHome {
    func writing<T>(_ body: () throws -> T) throws -> T {
        try storeErrors {
            try prepare()
            let lock = try HomeLock.acquire(self)
            return try withExtendedLifetime(lock) {
                // What a folder-sync tool left is merged in before anything is read.
                if let line = try ConflictCopies.absorb(in: self) { warn("coach: \(line)") }
                return try body()
            }
        }
    }

    /// A change to several documents that lands all or none (see `WriteAheadRecord`).
    func writingTogether<T>(_ body: () throws -> T) throws -> T {
        try writing { try WriteAheadRecord.together(in: self) { try body() } }
    }

    /// progress.json read under the lock, changed by `change`, saved when it says it
    /// changed something; returns the book as it is on disk now.
    func changeProgress(_ change: (inout ProgressBook) throws -> Bool) throws -> ProgressBook {
        try writing {
            var progress = try ProgressStore.load(self)
            if try change(&progress) { try ProgressStore.save(progress, to: self) }
            return progress
        }
    }

    /// A command that only reads takes the lock for a moment when a change across files
    /// was cut short, so taking it finishes the change and the reader sees all of it.
    func finishInterruptedChange() throws {
        guard WriteAheadRecord.isPending(in: self) else { return }
        do {
            let lock = try HomeLock.acquire(self)
            withExtendedLifetime(lock) {}
        } catch StoreError.locked {
            // The holder finished it when it took the lock.
        } catch StoreError.io {
            // A read-only home: nothing can be finished, and nothing half written is read
            // differently from before.
        } catch {
            throw CoachFailure("\(error)")
        }
    }
}

extension AppContext {
    func writing<T>(_ body: () throws -> T) throws -> T {
        try home.writing(body)
    }
}
