import CoachCore
import CoachStore
import CoachUI
import Foundation

/// The interactive program: read a key, reduce, draw, carry out the effects.
public enum TUI {
    /// Runs until the user quits or a signal arrives. Returns the process exit status.
    /// The caller holds the home's lock.
    public static func run(_ initial: AppState, home: CoachHome, exitAfterFirstFrame: Bool = false) -> Int32 {
        var state = initial
        let terminal = Terminal()
        terminal.start()
        var saveError: StoreError?
        var unsaved = false

        func save() {
            do {
                try ProgressStore.save(state.progress, to: home)
                unsaved = false
                saveError = nil
            } catch let error as StoreError {
                saveError = error
                state.message = "Not saved: \(error). Coach will retry."
            } catch {
                state.message = "Not saved: \(error)"
            }
        }

        var running = true
        var signal: Int32 = 0
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
            guard let key = terminal.readKey(timeout: 1000) else { continue }
            guard let action = KeyMap.action(for: key, in: state) else { continue }
            for effect in reduce(&state, action, now: Date()) {
                switch effect {
                case .saveProgress: unsaved = true
                case .quit: running = false
                }
            }
        }
        if unsaved { save() }
        terminal.stop()
        if let saveError, unsaved {
            FileHandle.standardError.write(Data("coach: \(saveError)\n".utf8))
            return 1
        }
        return signal == 0 ? 0 : 128 + signal
    }
}
