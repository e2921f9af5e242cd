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
        var unsaved = false
        var saveFailure: String?

        // Saving comes after the frame is drawn, so a key press never waits for the disk.
        func save() {
            do {
                try ProgressStore.save(state.progress, to: home)
                unsaved = false
                saveFailure = nil
            } catch {
                saveFailure = "\(error)"
                state.message = "Not saved: \(error). Coach retries with the next change and at quit."
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
            if unsaved { save() }
            if exitAfterFirstFrame { break }

            signal = terminal.takeSignal()
            if signal != 0 { break }
            guard let key = terminal.readKey(timeout: 1000),
                  let action = KeyMap.action(for: key, in: state) else { continue }
            for effect in reduce(&state, action, now: Date()) {
                switch effect {
                case .saveProgress: unsaved = true
                case .quit: running = false
                }
            }
        }
        if unsaved { save() }
        terminal.stop()
        if unsaved, let saveFailure { return .unsaved(saveFailure) }
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
