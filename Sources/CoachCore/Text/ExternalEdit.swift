/// A text handed to the learner's own editor (`$VISUAL`, `$EDITOR`): the engine asks
/// for it as an effect, the shell runs the editor with the terminal handed over, and
/// the outcome comes back as an action. The engine never starts a process itself.
public struct ExternalEdit: Hashable, Sendable {
    /// What the text is, so the outcome goes back to the right place.
    public enum Purpose: Hashable, Sendable {
        /// An item's note, saved when the editor changed it.
        case note(itemID: String)
        /// The answer of the drill open on screen, put back into it.
        case drillAnswer(itemID: String, drill: Int)
    }

    public var purpose: Purpose
    /// The text the file starts with.
    public var text: String

    public init(_ purpose: Purpose, text: String) {
        self.purpose = purpose
        self.text = text
    }
}

/// How an editor run ended.
public enum ExternalEditOutcome: Hashable, Sendable {
    /// The file was saved with this text, different from what it started with.
    case changed(String)
    /// The editor ended well but the file is as it was.
    case unchanged
    /// The editor could not start, ended with an error, or the file could not be
    /// read back: the reason, one line.
    case failed(String)
}
