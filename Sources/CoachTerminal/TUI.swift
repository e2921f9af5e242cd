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

    /// Runs until the user quits or a signal arrives. The caller holds the home's lock
    /// and has told `watch` which files it read.
    public static func run(_ initial: AppState, home: CoachHome, watch: FileWatch,
                           exitAfterFirstFrame: Bool = false) -> Outcome {
        var state = initial
        let terminal = Terminal()
        terminal.start()
        let saves = SaveQueue()
        var reportedFailures: [String: String] = [:]

        /// Writes through `watch`, so a file another program changed is not written over.
        func write(_ document: Document, _ body: @escaping @Sendable () throws -> Void) {
            let url = home.file(document)
            saves.save(document.rawValue) { try watch.write(url, body) }
        }

        // Saves go to a background queue after the frame is drawn, so a key press never
        // waits for the disk; each carries a snapshot of the value as it is now.
        func carryOut(_ effect: Effect) {
            switch effect {
            case .saveProgress:
                let progress = state.progress
                write(.progress) { try ProgressStore.save(progress, to: home) }
            case .saveSettings:
                let settings = state.settings
                write(.settings) { try SettingsStore.save(settings, to: home) }
            case .saveBacklog:
                let backlog = state.backlog
                write(.backlog) { try BacklogStore.save(backlog, to: home) }
            case .saveJournal:
                let journal = state.study.journal
                write(.journal) { try JournalStore.save(journal, to: home) }
            case .saveReviews:
                let reviews = state.study.reviews
                write(.reviews) { try ReviewStore.save(reviews, to: home) }
            case .saveSession:
                let timer = state.study.timer
                saves.save("session") {
                    if let timer { try SessionStore.save(timer, to: home) } else { try SessionStore.clear(home) }
                }
            case .reload(let document):
                takeIn(document)
            case .overwrite(let document):
                watch.remember(home.file(document))
                saves.forgetFailure(of: document.rawValue)
                carryOut(document.save)
            case .quit:
                break
            }
        }

        /// Reads a document that another program changed and hands it to the engine. A
        /// file that cannot be read (half-way through an edit, say) is left alone, and
        /// the learner is asked again.
        func takeIn(_ document: Document) {
            saves.forgetFailure(of: document.rawValue)
            do {
                let reloaded = try watch.read(home.file(document)) { try home.reload(document) }
                _ = reduce(&state, .reloaded(reloaded), now: Date())
            } catch {
                _ = reduce(&state, .saveRefused(document), now: Date())
                state.message = "\(error)"
            }
        }

        /// Files changed on disk: a refused save asks; a file Coach has nothing unsaved
        /// in is read back.
        func lookForChangedFiles(ticking: Bool) {
            guard state.fileConflict == nil else { return }
            for (name, error) in saves.failures {
                if case StoreError.changedOnDisk = error, let document = Document(rawValue: name) {
                    _ = reduce(&state, .saveRefused(document), now: Date())
                    return
                }
            }
            guard ticking else { return }
            for document in Document.allCases
            where saves.isIdle(document.rawValue) && saves.failures[document.rawValue] == nil
                && watch.hasChanged(home.file(document)) {
                takeIn(document)
            }
        }

        var signal: Int32 = 0
        var running = true
        while running {
            let size = terminal.size
            if size != state.viewport {
                _ = reduce(&state, .resize(size), now: Date())
            }
            lookForChangedFiles(ticking: false)
            let failures = saves.failed
            if failures != reportedFailures, state.fileConflict == nil, let failure = failures.values.first {
                state.message = "Not saved: \(failure). Coach retries with the next change and at quit."
            }
            reportedFailures = failures
            terminal.draw(render(state, size: size))
            if exitAfterFirstFrame { break }

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
            let action: Action? = key.map { KeyMap.action(for: $0, in: state) } ?? .tick
            guard let action else { continue }
            for effect in reduce(&state, action, now: Date()) {
                if effect == .quit { running = false } else { carryOut(effect) }
            }
        }
        saves.drain()
        // Anything whose last write failed gets one more try before giving up.
        if !saves.failed.isEmpty {
            for name in saves.failed.keys {
                carryOut(Document(rawValue: name)?.save ?? .saveSession)
            }
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
