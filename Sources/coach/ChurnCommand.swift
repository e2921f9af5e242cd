import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// A test hook for the crash test: changes item statuses in a fixed sequence and saves
/// after each change, printing "ack N ID STATUS" once change N is on disk. The test kills it with
/// SIGKILL at random moments and checks that every acknowledged change survived.
struct ChurnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "debug-churn", shouldDisplay: false)

    @OptionGroup var home: HomeOption
    @Option var count = 1000

    func run() throws {
        var context = try AppContext.load(home: home)
        let lock = try storeErrors { try HomeLock.acquire(context.home) }
        // Read again under the lock, like every writer.
        context.progress = try storeErrors { try ProgressStore.load(context.home) }
        let ids = context.curriculum.allItemIDs
        for step in 0..<count {
            let (id, status) = ChurnSequence.change(step, ids: ids)
            context.progress.setStatus(status, of: id, at: Date(timeIntervalSince1970: Double(step)))
            try ProgressStore.save(context.progress, to: context.home)
            // Written straight to the descriptor: stdout's buffer would hide acks from the test.
            StandardStreams.out(Array("ack \(step) \(id) \(status.rawValue)\n".utf8), flush: true)
        }
        withExtendedLifetime(lock) {}
    }
}

enum ChurnSequence {
    /// Step N sets item N mod count to the status of its round.
    static func change(_ step: Int, ids: [String]) -> (String, ItemStatus) {
        let statuses: [ItemStatus] = [.doing, .done, .skipped, .todo]
        return (ids[step % ids.count], statuses[(step / ids.count) % statuses.count])
    }
}
