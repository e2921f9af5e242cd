/// A key press, as the terminal reports it, independent of ncurses.
public enum Key: Equatable, Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case resize
    /// The left mouse button, at a cell of the screen (0-based).
    case click(row: Int, col: Int)
    case wheelUp, wheelDown
    /// Text the terminal pasted in one piece (bracketed paste), so a long paste is one
    /// edit and one redraw, not one per character.
    case paste(String)
    /// A letter typed with Ctrl held (`.control("a")` for Ctrl-A), lower case. Tab,
    /// Enter and Backspace, which share their codes with Ctrl-I, Ctrl-M and Ctrl-H,
    /// stay `.tab`, `.enter` and `.backspace`.
    case control(Character)
    /// A character typed with Alt (Meta) held: the terminal sends ESC before it.
    case alt(Character)
}
