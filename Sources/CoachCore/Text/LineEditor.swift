/// A one-line text field: the note editor and the search box. Works on characters
/// (grapheme clusters), so an accent or an emoji is one cursor step.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, 0...characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    public enum Edit: Equatable, Sendable {
        case insert(Character)
        case left, right, home, end, backspace, delete
    }

    public mutating func apply(_ edit: Edit) {
        switch edit {
        case .insert(let character):
            guard !character.isNewline else { return }
            characters.insert(character, at: cursor)
            cursor += 1
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
