/// A one-line text field: search, filter, form fields, the session note. Works on
/// characters (grapheme clusters), so an accent or an emoji is one cursor step. It has
/// the readline keys (`edit(for:)`); what Ctrl-U, Ctrl-K or Ctrl-W cut is kept in the
/// field for Ctrl-Y.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, 0...characters.count.
    public private(set) var cursor: Int
    /// The most characters typing or pasting makes the field hold (`TextLimits`); more
    /// is left out, so no field grows without bound. Text it starts with is never cut:
    /// a longer note written elsewhere is kept whole.
    public let limit: Int
    /// What the last cut took out, for `.yank`.
    public private(set) var cut: String = ""

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
        /// Alt-B / Alt-F: to the start of this or the previous word, past the end of the next.
        case wordLeft, wordRight
        /// Ctrl-U, Ctrl-K, Ctrl-W: cut to the start of the line, to its end, or the
        /// word before the cursor (up to a space), kept for `.yank`.
        case cutToStart, cutToEnd, cutWordBack
        /// Ctrl-Y: puts back what was cut last.
        case yank
        /// Enter, ↑ and ↓ in a multi-line text (`TextEditor`); a line field has none.
        case newline, up, down
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
        case .wordLeft: cursor = Self.wordStart(before: cursor, in: characters)
        case .wordRight: cursor = Self.wordEnd(after: cursor, in: characters)
        case .cutToStart: cutRange(0..<cursor)
        case .cutToEnd: cutRange(cursor..<characters.count)
        case .cutWordBack: cutRange(Self.spaceSeparatedStart(before: cursor, in: characters)..<cursor)
        case .yank: apply(.insertText(cut))
        case .newline, .up, .down: return
        }
    }

    private mutating func cutRange(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        cut = String(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    /// Letters and digits make words for Alt-B and Alt-F, as in readline.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Where Alt-B lands: back over any non-word characters, then over the word.
    static func wordStart(before index: Int, in characters: [Character]) -> Int {
        var index = index
        while index > 0, !isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    /// Where Alt-F lands: over any non-word characters, then past the word.
    static func wordEnd(after index: Int, in characters: [Character]) -> Int {
        var index = index
        while index < characters.count, !isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, isWordCharacter(characters[index]) { index += 1 }
        return index
    }

    /// Where Ctrl-W cuts from: back over spaces, then over everything up to a space.
    static func spaceSeparatedStart(before index: Int, in characters: [Character]) -> Int {
        var index = index
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
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
        case .control("a"): .home
        case .control("e"): .end
        case .control("b"): .left
        case .control("f"): .right
        case .control("d"): .delete
        case .alt("b"): .wordLeft
        case .alt("f"): .wordRight
        case .control("u"): .cutToStart
        case .control("k"): .cutToEnd
        case .control("w"): .cutWordBack
        case .control("y"): .yank
        default: nil
        }
    }
}
