/// The longest text Coach takes in each kind of field or argument: far above any real
/// one, low enough that hostile input (a 100 KB paste, a 130 KB id) costs nothing. The
/// README lists them. Longer input is refused (arguments) or cut at the limit (a paste
/// into a field), never echoed whole.
public enum TextLimits {
    /// An item, track or idea id.
    public static let id = 200
    /// One line field of a form: a note, a proof link, a search.
    public static let line = 2_000
    /// A text of several lines: an item's note, the answer to a card or a drill.
    public static let text = 20_000
    /// Any command-line argument.
    public static let argument = 10_000

    /// What a field of `limit` characters says of a paste that did not fit.
    public static func cutMessage(limit: Int, dropped: Int) -> String {
        "The field holds at most \(limit) characters; \(dropped) pasted characters were left out"
    }
}
