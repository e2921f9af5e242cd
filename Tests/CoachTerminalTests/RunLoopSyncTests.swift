import CoachCore
import CoachStore
import CoachTerminal
import Foundation
import Testing

/// `P` in the full-screen coach: the sync runs on the save thread after the saves
/// waiting (so it commits them), its result is shown, and what it wrote is read back.
@Suite struct RunLoopSyncTests {
    /// What a fake sync saw and did.
    final class FakeSync: @unchecked Sendable {
        var seen: ProgressBook?
        var runs = 0
        let home: CoachHome
        init(home: CoachHome) { self.home = home }

        /// Reads progress as the sync would commit it, then writes what "the other
        /// machine" did: alpha.3 done.
        var job: TUI.SyncJob {
            { _ in
                self.runs += 1
                self.seen = try? ProgressStore.load(self.home)
                var book = self.seen ?? ProgressBook()
                _ = book.setStatus(.done, of: "alpha.3", at: RunLoopTests.start)
                try? ProgressStore.save(book, to: self.home)
                return TUI.SyncOutcome(line: "Synced with the remote: took 1 item done", changed: [.progress])
            }
        }
    }

    @Test func syncingSavesFirstShowsTheResultAndReadsBackWhatItBrought() throws {
        let setup = try RunLoopTests.Setup()
        defer { setup.remove() }
        let fake = FakeSync(home: setup.home)
        let terminal = ScriptedTerminal(RunLoopTests.markFirstItem + [.key(.char("P")), .run { setup.saves.drain() },
                                                                      .noKey, .key(.char("q"))])
        let clock = setup.clock
        let outcome = TUI.run(setup.state, home: setup.home, watch: setup.watch, terminal: terminal, clock: { clock.now },
                              saves: setup.saves, sync: fake.job)
        #expect(outcome == .quit)
        #expect(fake.runs == 1)
        #expect(fake.seen?.status(of: "alpha.1") == .doing, "the change made before P was saved before the sync read it")
        #expect(terminal.shown.contains { $0.contains("Syncing with the git remote") })
        #expect(terminal.shown.last?.contains("Synced with the remote: took 1 item done") == true)
        let onDisk = try ProgressStore.load(setup.home)
        #expect(onDisk.status(of: "alpha.3") == .done, "what the sync brought is kept, not written over at quit")
        #expect(onDisk.status(of: "alpha.1") == .doing)
    }

    @Test func autoSyncRunsOnceAfterTheFirstFrame() throws {
        let setup = try RunLoopTests.Setup()
        defer { setup.remove() }
        let fake = FakeSync(home: setup.home)
        let terminal = ScriptedTerminal([.run { setup.saves.drain() }, .noKey, .key(.char("q"))])
        let clock = setup.clock
        _ = TUI.run(setup.state, home: setup.home, watch: setup.watch, terminal: terminal, clock: { clock.now },
                    saves: setup.saves, sync: fake.job, syncAtStart: true)
        #expect(fake.runs == 1)
        #expect(terminal.shown.first?.contains("Syncing") == false, "the first frame does not wait for it")
        #expect(try ProgressStore.load(setup.home).status(of: "alpha.3") == .done)
    }

    @Test func withoutASyncTheKeySaysSo() throws {
        let setup = try RunLoopTests.Setup()
        defer { setup.remove() }
        let terminal = ScriptedTerminal([.key(.char("P")), .key(.char("q"))])
        _ = setup.run(terminal)
        #expect(terminal.shown.contains { $0.contains("Sync is not available") })
    }
}
