import CNcurses
import CoachCore
import CoachUI
import FoundationEssentials
import Glibc

/// The curses screen: set-up, restore, size, painting frames and reading keys.
/// Only this module touches ncurses.
final class Terminal {
    private var window: UnsafeMutablePointer<WINDOW>?
    private var palette: Palette?
    /// The frame on screen now, so only changed rows are sent again.
    private var shown: ScreenBuffer?

    /// Takes the terminal over; a terminal already taken over (a kept frame shown before
    /// the files were read) is left as it is.
    func start() {
        guard window == nil else { return }
        coach_install_crash_handlers()
        setlocale(coach_lc_all(), "")
        window = initscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        // Clicks select rows and the wheel scrolls; a press acts at once (no waiting to
        // see whether it becomes a double click). Shift-drag still selects text.
        mousemask(coach_button1_pressed() | coach_button1_clicked() | coach_wheel_up() | coach_wheel_down(), nil)
        mouseinterval(0)
        // Bracketed paste: the terminal wraps a paste in ESC[200~ … ESC[201~, which
        // curses reports as two keys of our own, so a paste is one edit (`Key.paste`).
        define_key("\u{1B}[200~", KeyDecoder.pasteStart)
        define_key("\u{1B}[201~", KeyDecoder.pasteEnd)
        Terminal.send("\u{1B}[?2004h")
        palette = Palette.make(noColor: getenv("NO_COLOR").map { $0.pointee != 0 } ?? false)
        coach_install_quit_signals()
        atexit { Terminal.restoreIfActive() }
    }

    /// Leaves curses and puts the terminal back as it was. Safe to call twice.
    func stop() {
        Terminal.restoreIfActive()
        window = nil
    }

    static func restoreIfActive() {
        if !isendwin() {
            curs_set(1)
            endwin()
            send("\u{1B}[?2004l")
        }
    }

    /// The terminal as it was before curses while `body` runs (curses' own mode kept
    /// with `def_prog_mode` and put back with `reset_prog_mode`), then the whole screen
    /// is sent again, since the other program drew over it.
    func handOver<Result>(_ body: () -> Result) -> Result {
        guard let window, !isendwin() else { return body() }
        def_prog_mode()
        curs_set(1)
        Terminal.send("\u{1B}[?2004l")
        endwin()
        let result = body()
        reset_prog_mode()
        Terminal.send("\u{1B}[?2004h")
        curs_set(0)
        clearok(window, true)
        shown = nil
        wrefresh(window)
        return result
    }

    /// Bytes for the terminal itself, past curses (which has no call for these modes).
    private static func send(_ sequence: String) {
        fflush(nil)
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// The text on the terminal's clipboard (`Clipboard`), written past curses.
    func copyToClipboard(_ text: String) {
        Terminal.send(Clipboard.sequence(text))
    }

    var size: Size {
        Size(rows: Int(getmaxy(window)), cols: Int(getmaxx(window)))
    }

    /// The audible bell (or the visible one, where the terminal has only that).
    func bell() {
        guard window != nil else { return }
        beep()
    }

    /// Paints a frame. Rows equal to the ones on screen are skipped, and curses itself
    /// sends only the changed cells, so nothing flickers.
    func draw(_ buffer: ScreenBuffer) {
        guard let window, let palette else { return }
        let sameSize = shown?.size == buffer.size
        if !sameSize { werase(window) }
        for row in 0..<buffer.size.rows {
            if sameSize, let shown, rowEqual(shown, buffer, row) { continue }
            paint(row: row, of: buffer, palette: palette, window: window)
        }
        shown = buffer
        show(cursor: buffer.cursor, window: window)
    }

    /// Puts the cursor where a text field is edited (or hides it) and sends the frame.
    private func show(cursor: Position?, window: UnsafeMutablePointer<WINDOW>) {
        if let cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.col))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func rowEqual(_ a: ScreenBuffer, _ b: ScreenBuffer, _ row: Int) -> Bool {
        let cols = a.size.cols
        let start = row * cols
        return a.cells[start..<(start + cols)] == b.cells[start..<(start + cols)]
    }

    private func paint(row: Int, of buffer: ScreenBuffer, palette: Palette, window: UnsafeMutablePointer<WINDOW>) {
        for run in FrameBytes.runs(of: buffer, row: row) {
            palette.apply(run.style, to: window)
            mvwaddstr(window, Int32(row), Int32(run.col), run.text)
        }
        palette.apply(.plain, to: window)
    }

    /// Paints a frame kept from an earlier run straight from its bytes. The next frame
    /// is painted whole, since no cells were kept to compare it with; curses still sends
    /// only the cells that differ.
    func draw(_ frame: PaintedFrame) {
        guard let window, let palette else { return }
        werase(window)
        frame.forEachRun { row, col, style, text in
            // The erased window is blank already: plain spaces need not be written.
            if style == .plain, text.allSatisfy({ $0 == 0x20 }) { return }
            palette.apply(style, to: window)
            text.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    _ = mvwaddnstr(window, Int32(row), Int32(col), $0.baseAddress, Int32($0.count))
                }
            }
        }
        palette.apply(.plain, to: window)
        shown = nil
        show(cursor: frame.cursor, window: window)
    }

    /// Waits up to `timeout` milliseconds for a key; nil on timeout or interruption.
    func readKey(timeout: Int32) -> Key? {
        guard let window else { return nil }
        wtimeout(window, timeout)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == KEY_CODE_YES, Int32(character) == KEY_MOUSE { return mouseKey() }
        if result == KEY_CODE_YES, Int32(character) == KeyDecoder.pasteStart { return pastedText(window) }
        if result == KEY_CODE_YES { return KeyDecoder.function(Int32(character)) }
        if result == OK, character == 27 { return escapeOrAlt(window) }
        if result == OK { return KeyDecoder.character(UInt32(character)) }
        return nil
    }

    /// Esc alone, or Alt with a key: the terminal sends Alt-b as ESC then `b` at once,
    /// so a character already waiting behind the ESC is Alt's. Nothing is waited for,
    /// so Esc alone still closes at once (curses has waited its ESCDELAY already).
    private func escapeOrAlt(_ window: UnsafeMutablePointer<WINDOW>) -> Key {
        wtimeout(window, 0)
        var next: wint_t = 0
        let result = wget_wch(window, &next)
        if result == OK, let alt = KeyDecoder.alt(UInt32(next)) { return alt }
        if result == OK { unget_wch(wchar_t(next)) } else if result == KEY_CODE_YES { ungetch(Int32(next)) }
        return .escape
    }

    /// Everything up to the end of a paste, as one key. The text is kept only up to
    /// `KeyDecoder.longestPaste` (no field holds more); the rest is read and dropped.
    /// A paste whose end never comes stops after a second without input.
    private func pastedText(_ window: UnsafeMutablePointer<WINDOW>) -> Key {
        var paste = KeyDecoder.Paste()
        wtimeout(window, 1000)
        var character: wint_t = 0
        while true {
            let result = wget_wch(window, &character)
            if result == KEY_CODE_YES, Int32(character) == KeyDecoder.pasteEnd { break }
            if result == OK { paste.add(UInt32(character)) } else if result != KEY_CODE_YES { break }
        }
        return .paste(paste.text)
    }

    /// True once the terminal has gone away (its window closed, the connection dropped)
    /// even if no SIGHUP said so: reading then ends at once instead of waiting, and a
    /// loop that waits for keys would spin.
    var isHungUp: Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&input, 1, 0) == 1 && input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// The mouse event ncurses holds, as a key; nil for buttons Coach does not use.
    private func mouseKey() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        if event.bstate & coach_wheel_up() != 0 { return .wheelUp }
        if event.bstate & coach_wheel_down() != 0 { return .wheelDown }
        if event.bstate & (coach_button1_pressed() | coach_button1_clicked()) != 0 {
            return .click(row: Int(event.y), col: Int(event.x))
        }
        return nil
    }

    /// The pending SIGINT, SIGTERM or SIGHUP, if one arrived.
    func takeSignal() -> Int32 {
        coach_take_signal()
    }
}
