import CoachCore
import CoachUI

/// What the run loop needs of a terminal. `Terminal` is the curses one; the run-loop
/// tests drive `TUI.run` with a scripted one, without a real terminal.
public protocol TerminalBackend: AnyObject {
    /// Takes the terminal over (full screen, keys one at a time, signals caught); a
    /// second call leaves it as it is.
    func start()
    /// Puts the terminal back as it was. Safe to call twice.
    func stop()
    var size: Size { get }
    func draw(_ buffer: ScreenBuffer)
    /// Waits up to `timeout` milliseconds for a key; nil on timeout or interruption.
    func readKey(timeout: Int32) -> Key?
    /// The pending SIGINT, SIGTERM or SIGHUP, if one arrived; 0 when none did.
    func takeSignal() -> Int32
    /// True once the terminal has gone away even if no SIGHUP said so.
    var isHungUp: Bool { get }
    /// Puts `text` on the terminal's clipboard (OSC 52), which works over ssh and in tmux.
    func copyToClipboard(_ text: String)
    /// Gives the terminal to another program (the learner's editor) while `body` runs,
    /// then takes it back and repaints the whole screen at the next frame.
    func handOver<Result>(_ body: () -> Result) -> Result
    /// Rings the terminal's bell once.
    func bell()
}

extension Terminal: TerminalBackend {}
