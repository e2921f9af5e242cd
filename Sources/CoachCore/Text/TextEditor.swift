/// A multi-line text being written in place: an item's note, a card's answer, a drill's
/// answer. Lines of characters (grapheme clusters) and a cursor at a row and column;
/// Enter breaks the line, ↑ ↓ move between lines keeping the column, and the readline
/// keys of `LineEditor` work within a line (Ctrl-U and Ctrl-K cut to the start or end of
/// the line the cursor is on). `layout(width:)` wraps it for display.
public struct TextEditor: Equatable, Sendable {
    public private(set) var lines: [[Character]]
    /// The line the cursor is on, 0..<lines.count.
    public private(set) var row: Int
    /// The cursor within its line, 0...lines[row].count.
    public private(set) var column: Int
    /// The most characters (line breaks included) typing or pasting makes the text
    /// hold; text it starts with is never cut.
    public let limit: Int
    /// What the last cut took out, for `.yank`.
    public private(set) var cut: String = ""
    /// The column ↑ and ↓ aim for, kept while moving through shorter lines.
    private var goalColumn: Int?

    public init(_ text: String = "", limit: Int = TextLimits.text) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        row = lines.count - 1
        column = lines[row].count
        self.limit = max(limit, text.count)
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    /// True when nothing but spaces and line breaks was written.
    public var isBlank: Bool { lines.allSatisfy { $0.allSatisfy(\.isWhitespace) } }

    /// Characters held, a line break counting as one.
    public var count: Int { lines.reduce(lines.count - 1) { $0 + $1.count } }

    /// The key as an edit, if it is one: Enter is a line break and ↑ ↓ move between
    /// lines; the rest as in a line field.
    public static func edit(for key: Key) -> LineEditor.Edit? {
        switch key {
        case .enter: .newline
        case .up: .up
        case .down: .down
        default: LineEditor.edit(for: key)
        }
    }

    public mutating func apply(_ edit: LineEditor.Edit) {
        let keepsGoal = edit == .up || edit == .down
        if !keepsGoal { goalColumn = nil }
        switch edit {
        case .insert(let character):
            if character.isNewline { return apply(.newline) }
            guard count < limit else { return }
            lines[row].insert(character, at: column)
            column += 1
        case .insertText(let pasted):
            insert(pasted)
        case .newline:
            guard count < limit else { return }
            let rest = Array(lines[row][column...])
            lines[row].removeSubrange(column...)
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up, .down:
            let target = edit == .up ? row - 1 : row + 1
            guard lines.indices.contains(target) else {
                column = edit == .up ? 0 : lines[row].count
                return
            }
            let goal = goalColumn ?? column
            goalColumn = goal
            row = target
            column = min(goal, lines[row].count)
        case .home: column = 0
        case .end: column = lines[row].count
        case .backspace:
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                let line = lines.remove(at: row)
                row -= 1
                column = lines[row].count
                lines[row] += line
            }
        case .delete:
            if column < lines[row].count {
                lines[row].remove(at: column)
            } else if row + 1 < lines.count {
                lines[row] += lines.remove(at: row + 1)
            }
        case .wordLeft:
            if column == 0, row > 0 { row -= 1; column = lines[row].count }
            column = LineEditor.wordStart(before: column, in: lines[row])
        case .wordRight:
            if column == lines[row].count, row + 1 < lines.count { row += 1; column = 0 }
            column = LineEditor.wordEnd(after: column, in: lines[row])
        case .cutToStart: cutInLine(0..<column)
        case .cutToEnd:
            // At the end of a line Ctrl-K takes the line break, as in Emacs.
            if column == lines[row].count, row + 1 < lines.count {
                cut = "\n"
                lines[row] += lines.remove(at: row + 1)
            } else {
                cutInLine(column..<lines[row].count)
            }
        case .cutWordBack: cutInLine(LineEditor.spaceSeparatedStart(before: column, in: lines[row])..<column)
        case .yank: insert(cut)
        }
    }

    /// Text put in at the cursor as one edit (a paste, a yank): line breaks are kept,
    /// and what does not fit under `limit` is left out.
    private mutating func insert(_ pasted: String) {
        let room = limit - count
        guard room > 0, !pasted.isEmpty else { return }
        let kept = Array(pasted.prefix(room))
        let pieces = kept.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let rest = Array(lines[row][column...])
        lines[row].removeSubrange(column...)
        lines[row] += pieces[0]
        if pieces.count == 1 {
            column = lines[row].count
            lines[row] += rest
            return
        }
        lines.insert(contentsOf: pieces.dropFirst(), at: row + 1)
        row += pieces.count - 1
        column = lines[row].count
        lines[row] += rest
    }

    private mutating func cutInLine(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        cut = String(lines[row][range])
        lines[row].removeSubrange(range)
        column = range.lowerBound
    }

    // MARK: Display

    /// One row on screen: a piece of a line, from `start` to `end` in it.
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var start: Int
        public var end: Int
        public var text: String
    }

    /// The text wrapped to `width` columns: words move to the next row whole when they
    /// fit there, longer ones are cut. The cursor is at `cursor` (row of `rows`,
    /// display column); a cursor at the very end of a full row goes to the next row, so
    /// it always has a cell.
    public struct Layout: Equatable, Sendable {
        public var rows: [Row]
        public var cursorRow: Int
        public var cursorColumn: Int
    }

    public func layout(width: Int) -> Layout {
        let width = max(2, width)
        var rows: [Row] = []
        var cursorRow = 0
        var cursorColumn = 0
        for (index, line) in lines.enumerated() {
            let pieces = Self.wrap(line, width: width)
            for (number, piece) in pieces.enumerated() {
                let last = number == pieces.count - 1
                if index == row, column >= piece.lowerBound, column < piece.upperBound || (last && column == piece.upperBound) {
                    cursorRow = rows.count
                    cursorColumn = line[piece.lowerBound..<column].reduce(0) { $0 + DisplayWidth.of($1) }
                }
                rows.append(Row(line: index, start: piece.lowerBound, end: piece.upperBound,
                                text: String(line[piece])))
            }
        }
        if cursorColumn >= width {
            // The cursor past a full last piece: on a row of its own beneath.
            rows.insert(Row(line: row, start: column, end: column, text: ""), at: cursorRow + 1)
            cursorRow += 1
            cursorColumn = 0
        }
        return Layout(rows: rows, cursorRow: cursorRow, cursorColumn: cursorColumn)
    }

    /// The ranges of one line's rows at `width`: each breaks after the last space that
    /// fits, or where the width runs out inside a word longer than a row. An empty line
    /// is one empty row.
    static func wrap(_ line: [Character], width: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while true {
            var used = 0
            var end = start
            var lastBreak: Int?
            while end < line.count {
                let cell = DisplayWidth.of(line[end])
                if used + cell > width { break }
                used += cell
                end += 1
                if line[end - 1] == " " { lastBreak = end }
            }
            if end == line.count {
                ranges.append(start..<end)
                return ranges
            }
            // Break after the last space when there was one; the spaces stay on the row.
            if let lastBreak, lastBreak > start { end = lastBreak }
            if end == start { end = start + 1 }  // a character wider than the row
            ranges.append(start..<end)
            start = end
        }
    }
}
