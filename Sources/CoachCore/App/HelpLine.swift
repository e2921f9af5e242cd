/// One line of the `?` help: a section's heading, a key and what it does, or the gap
/// between sections.
public enum HelpLine: Equatable, Sendable {
    case heading(String)
    case key(String, String)
    case gap
}

/// The help box's geometry, shared by the engine (paging) and the view.
public enum HelpLayout {
    /// The room for what a key does, in the help box's 72 columns; help texts keep to it.
    public static let labelWidth = 50

    /// The box keeps a row above and below it free, and has a frame.
    public static func visibleRows(_ viewport: Size, lines: Int) -> Int {
        max(1, min(lines, viewport.rows - 4))
    }
}
