import CoachCore

extension ScreenBuffer {
    /// Draws a one-line text field and places the cursor in it. When the text is wider
    /// than the field, it scrolls so the cursor stays in view.
    public mutating func textField(_ editor: LineEditor, row: Int, col: Int, width: Int, style: Style = .plain) {
        guard width > 1 else { return }
        let widths = editor.characters.map(DisplayWidth.of)
        var start = 0
        var cursorX = widths[0..<editor.cursor].reduce(0, +)
        while cursorX >= width - 1, start < editor.cursor {
            cursorX -= widths[start]
            start += 1
        }
        fill(row: row, col: col, width: width, style: style)
        put(String(editor.characters[start...]), row: row, col: col, width: width, style: style)
        cursor = Position(row: row, col: col + cursorX)
    }
}
