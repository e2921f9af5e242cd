import CoachCore

/// A cell's place on the screen.
public struct Position: Equatable, Sendable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// One character cell of the screen.
public struct Cell: Equatable, Sendable {
    /// The character shown; empty for the second half of a wide character.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    static let continuation = Cell("")
}

/// A frame drawn in memory: views write into it, the terminal paints it, tests read it
/// back as text.
public struct ScreenBuffer: Equatable, Sendable {
    public let size: Size
    public internal(set) var cells: [Cell]
    /// Where the terminal should show its cursor (a text field being edited); nil hides it.
    public var cursor: Position?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.rows) * max(0, size.cols))
    }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * size.cols + col]
    }

    /// Writes `text` at (row, col), clipped to `width` cells (default: to the right
    /// edge). Returns the number of cells used. A wide character that would straddle
    /// the edge is left out rather than cut in half.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, width: Int? = nil, style: Style = .plain) -> Int {
        guard row >= 0, row < size.rows, col < size.cols else { return 0 }
        let limit = min(col + (width ?? size.cols - col), size.cols)
        var x = max(0, col)
        // Text from files is shown inert: an escape sequence as "^[[2J", never sent raw.
        let text = TerminalText.isSafe(text) ? text : TerminalText.safe(text)
        for var character in text {
            // Layout characters take a cell as a space (they have no width of their own,
            // and sent raw they would move the cursor).
            if character.isNewline || character == "\t" { character = " " }
            let w = DisplayWidth.of(character)
            if w == 0 {
                // Combining mark: attach to the previous cell.
                if x > 0 { cells[row * size.cols + x - 1].text.append(character) }
                continue
            }
            if x + w > limit { break }
            cells[row * size.cols + x] = Cell(String(character), style: style)
            if w == 2 { cells[row * size.cols + x + 1] = Cell.continuation }
            x += w
        }
        return x - max(0, col)
    }

    /// Fills a run of cells with one character (a rule, a bar, a highlight).
    public mutating func fill(row: Int, col: Int, width: Int, with character: Character = " ", style: Style = .plain) {
        guard row >= 0, row < size.rows else { return }
        let (start, end) = (max(0, col), max(max(0, col), min(size.cols, col + width)))
        guard start < end else { return }
        // A wide character cut in two by the run goes whole: half of one would be drawn
        // by the terminal over the cells next to it.
        if cells[row * size.cols + start] == .continuation, start > 0 { cells[row * size.cols + start - 1] = .blank }
        if end < size.cols, cells[row * size.cols + end] == .continuation { cells[row * size.cols + end] = .blank }
        for x in start..<end {
            cells[row * size.cols + x] = Cell(String(character), style: style)
        }
    }

    /// Changes the style of a run of cells, keeping their text (selection highlight).
    public mutating func restyle(row: Int, col: Int, width: Int, _ change: (inout Style) -> Void) {
        guard row >= 0, row < size.rows else { return }
        for x in max(0, col)..<max(max(0, col), min(size.cols, col + width)) {
            change(&cells[row * size.cols + x].style)
        }
    }

    /// The text of each row, trailing spaces removed: what a test compares.
    public var lines: [String] {
        (0..<size.rows).map { line($0) }
    }

    public func line(_ row: Int) -> String {
        var text = ""
        for col in 0..<size.cols { text += self[row, col].text }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    public var text: String { lines.joined(separator: "\n") }
}
