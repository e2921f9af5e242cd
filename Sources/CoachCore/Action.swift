/// Everything the user (or the shell around the engine) can ask of the engine.
public enum Action: Equatable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
    case focusLeft, focusRight
    /// Enter: from the track list into its items, or open the selected item's detail.
    case open
    /// Esc: close the overlay on top, or clear the message.
    case close
    case cycleStatus
    case toggleSkip
    case undo
    case toggleHelp
    case quit
    case resize(Size)
}

/// What the shell must carry out after a `reduce`: the engine never touches disk or
/// terminal itself.
public enum Effect: Equatable, Sendable {
    case saveProgress
    case quit
}
