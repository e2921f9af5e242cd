import CoachCore
import CoachStore
import CoachUI
import Foundation

/// The interactive program: read a key, reduce, draw, carry out the effects.
public enum TUI {
    public enum Outcome: Equatable {
        case quit
        /// Changes could not be written; the reason names the file.
        case unsaved(String)
        /// Ended by SIGINT, SIGTERM or SIGHUP after restoring the terminal and saving.
        case signal(Int32)
    }

    /// Runs until the user quits or a signal arrives. The caller holds the home's lock.
    public static func run(_ initial: AppState, home: CoachHome, exitAfterFirstFrame: Bool = false) -> Outcome {
        var state = initial
        let terminal = Terminal()
        terminal.start()
        let saves = SaveQueue()
        var reportedFailures: [String: String] = [:]

        // Saves go to a background queue after the frame is drawn, so a key press never
        // waits for the disk; each carries a snapshot of the value as it is now.
        func save(_ effect: Effect) {
            switch effect {
            case .saveProgress:
                let progress = state.progress
                saves.save("progress") { try ProgressStore.save(progress, to: home) }
            case .saveSettings:
                let settings = state.settings
                saves.save("settings") { try SettingsStore.save(settings, to: home) }
            case .saveBacklog:
                let backlog = state.backlog
                saves.save("backlog") { try BacklogStore.save(backlog, to: home) }
            case .saveJournal:
                let journal = state.study.journal
                saves.save("journal") { try JournalStore.save(journal, to: home) }
            case .saveReviews:
                let reviews = state.study.reviews
                saves.save("reviews") { try ReviewStore.save(reviews, to: home) }
            case .saveSession:
                let timer = state.study.timer
                saves.save("session") {
                    if let timer { try SessionStore.save(timer, to: home) } else { try SessionStore.clear(home) }
                }
            case .quit:
                break
            }
        }

        var signal: Int32 = 0
        var running = true
        while running {
            let size = terminal.size
            if size != state.viewport {
                _ = reduce(&state, .resize(size), now: Date())
            }
            let failures = saves.failed
            if failures != reportedFailures, let failure = failures.values.first {
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
            let action: Action? = key.map { KeyMap.action(for: $0, in: state) } ?? .tick
            guard let action else { continue }
            for effect in reduce(&state, action, now: Date()) {
                if effect == .quit { running = false } else { save(effect) }
            }
        }
        saves.drain()
        // Anything whose last write failed gets one more try before giving up.
        if !saves.failed.isEmpty {
            let retry: [String: Effect] = ["progress": .saveProgress, "settings": .saveSettings, "backlog": .saveBacklog,
                                           "journal": .saveJournal, "reviews": .saveReviews, "session": .saveSession]
            for document in saves.failed.keys { if let effect = retry[document] { save(effect) } }
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
