import CoachCore
import Dispatch
import FoundationEssentials

/// Writes documents on a background thread so a key press never waits for the disk.
/// Saves of the same document coalesce: while one is being written, only the newest
/// waiting version is kept. `drain()` waits until everything is on disk (at quit).
public final class SaveQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "coach.saves")
    private let lock = Lock()
    /// The newest unsaved write per document, not yet started.
    private var waiting: [DocumentKind: @Sendable () throws -> Void] = [:]
    private var scheduled: Set<DocumentKind> = []
    /// The documents being written right now.
    private var running: Set<DocumentKind> = []
    private var failedWrites: [DocumentKind: Error] = [:]

    public init() {}

    /// Schedules `write` for `document`, replacing an older write that has not started.
    public func save(_ document: DocumentKind, _ write: @escaping @Sendable () throws -> Void) {
        lock.lock()
        waiting[document] = write
        let needsRun = scheduled.insert(document).inserted
        lock.unlock()
        if needsRun { queue.async { self.run(document) } }
    }

    /// Schedules one `write` of several documents that must reach the disk together (a
    /// goal change: settings and the goal history in the journal). It takes the place of
    /// every waiting write of those documents, so none of them can land alone, older or
    /// newer, beside it; it is queued as the first document's write.
    public func saveTogether(_ documents: [DocumentKind], _ write: @escaping @Sendable () throws -> Void) {
        guard let first = documents.first else { return }
        lock.lock()
        for other in documents.dropFirst() { waiting[other] = nil }
        waiting[first] = write
        let needsRun = scheduled.insert(first).inserted
        lock.unlock()
        if needsRun { queue.async { self.run(first) } }
    }

    private func run(_ document: DocumentKind) {
        lock.lock()
        let write = waiting.removeValue(forKey: document)
        scheduled.remove(document)
        if write != nil { running.insert(document) }
        lock.unlock()
        guard let write else { return }
        let outcome = Result { try write() }
        lock.withLock {
            running.remove(document)
            if case .failure(let error) = outcome { failedWrites[document] = error } else { failedWrites[document] = nil }
        }
    }

    /// Runs `job` on the save thread after the writes scheduled so far, before any
    /// scheduled later (the sync: it commits what is saved, and nothing is written
    /// beside it). `drain()` waits for it too.
    public func perform(_ job: @escaping @Sendable () -> Void) {
        queue.async(execute: job)
    }

    /// True when nothing is waiting to be written to `document` or being written.
    public func isIdle(_ document: DocumentKind) -> Bool {
        lock.withLock { waiting[document] == nil && !running.contains(document) }
    }

    /// Forgets the failure of `document`'s last write, once it has been dealt with.
    public func forgetFailure(of document: DocumentKind) {
        lock.withLock { failedWrites[document] = nil }
    }

    /// Waits until every scheduled write has finished.
    public func drain() {
        queue.sync {}
        // A write scheduled while draining ran on the queue before this returns.
        queue.sync {}
    }

    /// The documents whose last write failed, with the reason.
    public var failed: [DocumentKind: String] {
        failures.mapValues { "\($0)" }
    }

    /// The documents whose last write failed, with the error.
    public var failures: [DocumentKind: Error] {
        lock.withLock { failedWrites }
    }
}
