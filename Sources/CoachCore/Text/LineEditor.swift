/// A one-line text field: the note editor and the search box. Works on characters
/// (grapheme clusters), so an accent or an emoji is one cursor step.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, 0...characters.count.
    public private(set) var cursor: Int
    /// The most characters typing or pasting makes the field hold (`TextLimits`); more
    /// is left out, so no field grows without bound. Text it starts with is never cut:
    /// a longer note written elsewhere is kept whole.
    public let limit: Int

    public init(_ text: String = "", limit: Int = TextLimits.line) {
        characters = Array(text)
        cursor = characters.count
        self.limit = max(limit, characters.count)
    }

    public var text: String { String(characters) }

    public enum Edit: Equatable, Sendable {
        case insert(Character)
        /// A paste, taken as one edit: line breaks become spaces (the field is one line)
        /// and what does not fit under `limit` is left out.
        case insertText(String)
        case left, right, home, end, backspace, delete
    }

    public mutating func apply(_ edit: Edit) {
        switch edit {
        case .insert(let character):
            guard !character.isNewline else { return }
            guard characters.count < limit else { return }
            characters.insert(character, at: cursor)
            cursor += 1
        case .insertText(let text):
            let room = limit - characters.count
            guard room > 0 else { return }
            let pasted = text.lazy.map { $0.isNewline ? " " : $0 }.prefix(room)
            let before = characters.count
            characters.insert(contentsOf: pasted, at: cursor)
            cursor += characters.count - before
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        }
    }

    /// The key as an edit, if it is one.
    public static func edit(for key: Key) -> Edit? {
        switch key {
        case .char(let c): .insert(c)
        case .paste(let text): .insertText(text)
        case .left: .left
        case .right: .right
        case .home: .home
        case .end: .end
        case .backspace: .backspace
        case .delete: .delete
        default: nil
        }
    }
}
