import CoachCore
import CoachStore
import CoachUI
import FoundationEssentials
import Glibc

/// The interactive program: read a key, reduce, draw, carry out the effects.
public enum TUI {
    public enum Outcome: Equatable {
        case quit
        /// Changes could not be written; the reason names the file.
        case unsaved(String)
        /// Ended by SIGINT, SIGTERM or SIGHUP after restoring the terminal and saving.
        case signal(Int32)
    }

    /// What a sync did, for the message line, and the documents it wrote (read back).
    public struct SyncOutcome: Sendable, Equatable {
        public var line: String
        public var changed: [DocumentKind]

        public init(line: String, changed: [DocumentKind]) {
            self.line = line
            self.changed = changed
        }
    }

    /// Syncs the home (`coach sync` with the lock the full-screen coach holds); runs on
    /// the save thread, and stops early when told to (at quit).
    public typealias SyncJob = @Sendable (SyncCancel) -> SyncOutcome

    /// Runs until the user quits or a signal arrives. The caller holds the home's lock
    /// and has told `watch` which files it read.
    public static func run(_ initial: AppState, home: CoachHome, watch: FileWatch, terminal: StartedTerminal = StartedTerminal(),
                           exitAfterFirstFrame: Bool = false, sync: SyncJob? = nil, syncAtStart: Bool = false,
                           firstFrameDrawn: (ScreenBuffer) -> Void = { _ in }) -> Outcome {
        run(initial, home: home, watch: watch, terminal: terminal.terminal, clock: Date.init,
            exitAfterFirstFrame: exitAfterFirstFrame, sync: sync, syncAtStart: syncAtStart, editText: { ExternalEditor.edit($0) },
            firstFrameDrawn: firstFrameDrawn)
    }

    /// The run loop on any terminal, with the time from `clock` and the saves on
    /// `saves`: what the run-loop tests drive. It changes the state only through
    /// `reduce`.
    public static func run(_ initial: AppState, home: CoachHome, watch: FileWatch, terminal: TerminalBackend,
                           clock: () -> Date, saves: SaveQueue = SaveQueue(),
                           exitAfterFirstFrame: Bool = false, sync: SyncJob? = nil, syncAtStart: Bool = false,
                           editText: (String) -> ExternalEditOutcome = { ExternalEditor.edit($0) },
                           firstFrameDrawn: (ScreenBuffer) -> Void = { _ in }) -> Outcome {
        var state = initial
        terminal.start()
        var reportedFailures: [DocumentKind: String] = [:]
        let syncCancel = SyncCancel()
        let syncResult = Mailbox<SyncOutcome>()
        var syncing = false
        var startSyncAfterFirstFrame = syncAtStart && sync != nil

        /// The sync runs on the save thread after the saves waiting now (so it commits
        /// them) and before later ones; the result is handed in when it is there.
        func startSync() {
            guard let sync else {
                _ = reduce(&state, .syncFinished("Sync is not available in this coach"), now: clock())
                return
            }
            guard !syncing else {
                _ = reduce(&state, .syncFinished("A sync is already running"), now: clock())
                return
            }
            syncing = true
            saves.perform { syncResult.put(sync(syncCancel)) }
        }

        /// A finished sync: the documents it wrote are read back (a document with a
        /// change waiting here is not: its save is refused and the learner asked), and
        /// its line shown.
        func takeSyncResult() {
            guard let outcome = syncResult.take() else { return }
            syncing = false
            for kind in outcome.changed
            where kind.isWatched && saves.isIdle(kind) && saves.failures[kind] == nil && watch.hasChanged(home.file(kind)) {
                takeIn(kind)
            }
            _ = reduce(&state, .syncFinished(outcome.line), now: clock())
        }

        /// Writes the document as it is now, on the save queue after the frame is drawn,
        /// so a key press never waits for the disk. A watched file goes through `watch`,
        /// so a file another program changed is not written over.
        func save(_ kind: DocumentKind) {
            let value = state.document(kind)
            let url = home.file(kind)
            saves.save(kind) {
                if kind.isWatched {
                    try watch.write(url) { try DocumentFiles.write(value, to: home) }
                } else {
                    try DocumentFiles.write(value, to: home)
                }
            }
        }

        /// Settings and the journal (the goal history) changed by one reduce are one
        /// change on disk: written together through the write-ahead record, as the
        /// command line's `settings --goal` writes them, so a kill leaves both or neither.
        func saveTogether(_ kinds: [DocumentKind]) {
            let values = kinds.map { state.document($0) }
            let urls = kinds.map { home.file($0) }
            saves.saveTogether(kinds) {
                func guarded(_ index: Int) throws {
                    guard index < urls.count else {
                        try WriteAheadRecord.together(in: home) {
                            for value in values { try DocumentFiles.write(value, to: home) }
                        }
                        return
                    }
                    try watch.write(urls[index]) { try guarded(index + 1) }
                }
                try guarded(0)
            }
        }

        /// The effects of one reduce, with saves of documents that change together
        /// joined into one.
        func carryOut(_ effects: [Effect]) {
            let together: [DocumentKind] = [.journal, .settings]
            if together.allSatisfy({ effects.contains(.save($0)) }) {
                saveTogether(together)
                for effect in effects where !together.map(Effect.save).contains(effect) { carryOut(effect) }
            } else {
                for effect in effects { carryOut(effect) }
            }
        }

        func carryOut(_ effect: Effect) {
            switch effect {
            case .save(let kind):
                save(kind)
            case .reload(let kind):
                takeIn(kind)
            case .overwrite(let kind):
                watch.remember(home.file(kind))
                saves.forgetFailure(of: kind)
                save(kind)
            case .checkLinks(let links):
                carryOut(reduce(&state, .linksChecked(ProofLinkCheck.check(links)), now: clock()))
            case .openLink(let link):
                _ = reduce(&state, .linkOpened(LinkOpener.open(link)), now: clock())
            case .copy(let text):
                terminal.copyToClipboard(text)
            case .editText(let edit):
                // The engine asked for the learner's editor: the terminal is theirs until
                // it ends, and the outcome goes back to the engine as an action.
                let outcome = terminal.handOver { editText(edit.text) }
                carryOut(reduce(&state, .externalEditFinished(edit.purpose, outcome), now: clock()))
            case .bell:
                terminal.bell()
            case .runHook(let hook):
                HookRunner.run(hook, home: home)
            case .sync:
                startSync()
            case .quit:
                break
            }
        }

        /// Reads a document that another program changed and hands it to the engine. A
        /// file that cannot be read (half-way through an edit, say) is left alone, and
        /// the learner is asked again.
        func takeIn(_ kind: DocumentKind) {
            saves.forgetFailure(of: kind)
            do {
                let reloaded = try watch.read(home.file(kind)) { try DocumentFiles.read(kind, from: home) }
                _ = reduce(&state, .reloaded(reloaded), now: clock())
            } catch {
                _ = reduce(&state, .reloadFailed(kind, "\(error)"), now: clock())
            }
        }

        /// Files changed on disk: a refused save asks; a file Coach has nothing unsaved
        /// in is read back.
        func lookForChangedFiles(ticking: Bool) {
            guard state.fileConflict == nil else { return }
            for (kind, error) in saves.failures {
                if case StoreError.changedOnDisk = error {
                    _ = reduce(&state, .saveRefused(kind), now: clock())
                    return
                }
            }
            guard ticking else { return }
            for kind in DocumentKind.watched
            where saves.isIdle(kind) && saves.failures[kind] == nil && watch.hasChanged(home.file(kind)) {
                takeIn(kind)
            }
        }

        var signal: Int32 = 0
        var running = true
        var firstFrame = true
        while running {
            let size = terminal.size
            if size != state.viewport {
                _ = reduce(&state, .resize(size), now: clock())
            }
            takeSyncResult()
            lookForChangedFiles(ticking: false)
            let failures = saves.failed
            if failures != reportedFailures, let failure = failures.values.first {
                _ = reduce(&state, .saveFailed(failure), now: clock())
            }
            reportedFailures = failures
            let frame = render(state, size: size)
            terminal.draw(frame)
            if firstFrame {
                firstFrame = false
                firstFrameDrawn(frame)
            }
            if exitAfterFirstFrame { break }
            if startSyncAfterFirstFrame {
                startSyncAfterFirstFrame = false
                carryOut(reduce(&state, .sync, now: clock()))
            }

            signal = terminal.takeSignal()
            if signal != 0 { break }
            // Input waits at most a second, so the session timer ticks on screen.
            let key = terminal.readKey(timeout: 1000)
            if key == nil, terminal.isHungUp {
                // As if the hang-up signal had come: save everything and end like it.
                signal = SIGHUP
                break
            }
            if key == nil { lookForChangedFiles(ticking: true) }
            let keys: [Key?] = key.map { KeyMap.keys(for: $0, in: state) } ?? [nil]
            for key in keys {
                // Each key is mapped in the state the one before it left.
                guard let action = key.map({ KeyMap.action(for: $0, in: state) }) ?? .tick else { continue }
                let effects = reduce(&state, action, now: clock())
                if effects.contains(.quit) { running = false; break }
                carryOut(effects.filter { $0 != .quit })
            }
        }
        // A sync under way stops at once (every step can be cut short); the one started
        // after quit carries on from there.
        syncCancel.cancel()
        saves.drain()
        // Anything whose last write failed gets one more try before giving up.
        if !saves.failed.isEmpty {
            // A failed goal change is tried again as the pair it was, never one half.
            carryOut(saves.failed.keys.map { Effect.save($0) } + (saves.failed[.journal] != nil ? [.save(.settings)] : []))
            saves.drain()
        }
        terminal.stop()
        if let failure = saves.failed.values.first { return .unsaved(failure) }
        return signal == 0 ? .quit : .signal(signal)
    }

    /// Ends the process by the signal that stopped the TUI, so a calling shell sees an
    /// honest "killed by SIGINT" and stops its script too.
    public static func exit(bySignal signal: Int32) -> Never {
        Glibc.signal(signal, SIG_DFL)
        kill(getpid(), signal)
        Glibc.exit(128 + signal)
    }
}

