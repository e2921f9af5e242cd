import CoachCore

extension ScreenBuffer {
    /// Draws a one-line text field. The focused one places the cursor and, when the
    /// text is wider than the field, scrolls so the cursor stays in view; one that is not
    /// focused shows the start of its text.
    public mutating func textField(_ editor: LineEditor, row: Int, col: Int, width: Int, style: Style = .plain,
                                   focused: Bool = true) {
        guard width > 1 else { return }
        let widths = editor.characters.map(DisplayWidth.of)
        var start = 0
        var cursorX = widths[0..<editor.cursor].reduce(0, +)
        while focused, cursorX >= width - 1, start < editor.cursor {
            cursorX -= widths[start]
            start += 1
        }
        fill(row: row, col: col, width: width, style: style)
        put(String(editor.characters[start...]), row: row, col: col, width: width, style: style)
        if focused { cursor = Position(row: row, col: col + cursorX) }
    }

    /// Draws a text of several lines wrapped into `rect` and places the cursor in it;
    /// when it is longer than the rectangle, the rows around the cursor show.
    public mutating func textArea(_ editor: TextEditor, in rect: Rect, style: Style = .plain) {
        guard rect.rows > 0, rect.cols > 1 else { return }
        let layout = editor.layout(width: rect.cols - 1)
        let first = max(0, layout.cursorRow - rect.rows + 1)
        for offset in 0..<rect.rows {
            fill(row: rect.row + offset, col: rect.col, width: rect.cols, style: style)
            let index = first + offset
            if layout.rows.indices.contains(index) {
                put(layout.rows[index].text, row: rect.row + offset, col: rect.col, width: rect.cols, style: style)
            }
        }
        cursor = Position(row: rect.row + layout.cursorRow - first, col: rect.col + layout.cursorColumn)
    }
}
