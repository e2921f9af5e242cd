import CNcurses
import CoachCore
import CoachUI
import Glibc

/// The curses terminal of the full-screen coach, taken over early when a kept frame
/// (`KeptFrame`) can be shown before the files are read; `TUI.run` goes on with it.
public final class StartedTerminal {
    let terminal = Terminal()

    public init() {}

    /// The size the kernel gives the terminal on standard output, before curses starts;
    /// nil when it says none.
    public static var windowSize: Size? {
        var rows: Int32 = 0, cols: Int32 = 0
        guard coach_window_size(STDOUT_FILENO, &rows, &cols) == 1, rows > 0, cols > 0 else { return nil }
        return Size(rows: Int(rows), cols: Int(cols))
    }

    /// Takes the terminal over and shows the kept frame; false (nothing drawn, the
    /// terminal taken over all the same) when curses sees another size than the frame's.
    public func show(_ kept: PaintedFrame) -> Bool {
        terminal.start()
        guard kept.size == terminal.size else { return false }
        terminal.draw(kept)
        return true
    }

    /// Puts the terminal back (a start that fails after a kept frame was shown).
    public func stop() {
        terminal.stop()
    }
}
