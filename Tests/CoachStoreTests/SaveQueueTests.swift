import CoachCore
import CoachStore
import Foundation
import Testing

@Suite struct SaveQueueTests {
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) { lock.lock(); entries.append(entry); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return entries }
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    @Test func drainWaitsForEveryWriteAndTheNewestVersionWins() {
        let queue = SaveQueue()
        let log = Log()
        for version in 1...50 {
            queue.save(.progress) {
                Thread.sleep(forTimeInterval: 0.001)
                log.add("progress \(version)")
            }
        }
        queue.save(.settings) { log.add("settings") }
        queue.drain()
        let written = log.all
        #expect(written.last(where: { $0.hasPrefix("progress") }) == "progress 50")
        #expect(written.contains("settings"))
        // Waiting versions were replaced rather than all written one after another.
        #expect(written.filter { $0.hasPrefix("progress") }.count < 50)
    }

    /// A goal change writes settings and journal as one: a waiting write of either alone
    /// is dropped, so neither lands beside the pair, older or newer.
    @Test func aWriteTogetherTakesThePlaceOfEveryWaitingWriteOfItsDocuments() {
        let queue = SaveQueue()
        let log = Log()
        let gate = DispatchSemaphore(value: 0)
        queue.save(.progress) { gate.wait() }  // holds the queue, so the next ones wait
        queue.save(.settings) { log.add("settings alone, older") }
        queue.save(.journal) { log.add("journal alone, older") }
        queue.saveTogether([.journal, .settings]) { log.add("settings and journal together") }
        gate.signal()
        queue.drain()
        #expect(log.all == ["settings and journal together"])
        #expect(queue.isIdle(.settings) && queue.isIdle(.journal))
    }

    @Test func aFailedWriteIsReportedUntilALaterOneSucceeds() {
        let queue = SaveQueue()
        queue.save(.backlog) { throw Refused() }
        queue.drain()
        #expect(queue.failed == [.backlog: "disk full"])
        queue.save(.backlog) {}
        queue.drain()
        #expect(queue.failed.isEmpty)
    }

    @Test func aDocumentIsIdleOnlyWhenNothingIsWaitingOrBeingWritten() {
        let queue = SaveQueue()
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        #expect(queue.isIdle(.progress))
        queue.save(.progress) {
            started.signal()
            release.wait()
        }
        started.wait()
        #expect(!queue.isIdle(.progress), "being written")
        queue.save(.progress) {}
        #expect(!queue.isIdle(.progress), "waiting")
        #expect(queue.isIdle(.backlog))
        release.signal()
        queue.drain()
        #expect(queue.isIdle(.progress))
    }

    @Test func aFailureCanBeForgottenOnceDealtWith() {
        let queue = SaveQueue()
        queue.save(.backlog) { throw Refused() }
        queue.drain()
        #expect(queue.failures[.backlog] is Refused)
        queue.forgetFailure(of: .backlog)
        #expect(queue.failed.isEmpty)
    }
}
