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
        var pending = Set<Effect>()
        var saveFailure: String?

        // Saving comes after the frame is drawn, so a key press never waits for the disk.
        // A failed save stays pending and is retried with the next change and at quit.
        func save() {
            for effect in pending {
                do {
                    switch effect {
                    case .saveProgress: try ProgressStore.save(state.progress, to: home)
                    case .saveSettings: try SettingsStore.save(state.settings, to: home)
                    case .quit: break
                    }
                    pending.remove(effect)
                    saveFailure = nil
                } catch {
                    saveFailure = "\(error)"
                    state.message = "Not saved: \(error). Coach retries with the next change and at quit."
                }
            }
        }

        var signal: Int32 = 0
        var running = true
        while running {
            let size = terminal.size
            if size != state.viewport {
                _ = reduce(&state, .resize(size), now: Date())
            }
            terminal.draw(render(state, size: size))
            if !pending.isEmpty { save() }
            if exitAfterFirstFrame { break }

            signal = terminal.takeSignal()
            if signal != 0 { break }
            guard let key = terminal.readKey(timeout: 1000),
                  let action = KeyMap.action(for: key, in: state) else { continue }
            for effect in reduce(&state, action, now: Date()) {
                if effect == .quit { running = false } else { pending.insert(effect) }
            }
        }
        if !pending.isEmpty { save() }
        terminal.stop()
        if !pending.isEmpty, let saveFailure { return .unsaved(saveFailure) }
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
