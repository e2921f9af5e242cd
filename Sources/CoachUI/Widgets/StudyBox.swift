import CoachCore

/// The box a recall card or a drill is studied in: most of the window, at most 100
/// columns, cleared and framed, filled top-down one line at a time so nothing is drawn
/// past its last row.
struct StudyBox {
    let col: Int
    /// The width inside the frame and its margins.
    let inner: Int
    /// The next row to draw on.
    var row: Int
    let last: Int

    init(title: String, into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let rect = Rect.centered(in: Size(rows: size.rows - 1, cols: size.cols), rows: size.rows - 3,
                                 cols: min(size.cols - 4, 100), margin: 1)
        for row in rect.row..<(rect.row + rect.rows) { buffer.fill(row: row, col: rect.col, width: rect.cols) }
        buffer.box(rect, title: title)
        col = rect.col + 2
        inner = rect.cols - 4
        row = rect.row + 1
        last = rect.row + rect.rows - 2
    }

    var hasRoom: Bool { row <= last }

    /// One line of text, if there is room for it.
    mutating func line(_ text: String, _ style: Style, into buffer: inout ScreenBuffer) {
        guard hasRoom else { return }
        buffer.put(text, row: row, col: col, width: inner, style: style)
        row += 1
    }

    /// A blank line between parts.
    mutating func gap() { row += 1 }

    /// The answer being written: a text area on the rows left (at most 10, one kept
    /// for the line under it), or, while "drop it?" is asked, the question.
    mutating func answer(_ editor: TextEditor, asking question: String?, into buffer: inout ScreenBuffer) {
        guard hasRoom else { return }
        let rows = max(1, min(10, last - row))
        buffer.textArea(editor, in: Rect(row: row, col: col, rows: rows, cols: inner), style: Style(.normal, underline: true))
        row += rows
        if let question {
            buffer.cursor = nil
            line(question, Style(.bad, bold: true), into: &buffer)
        } else {
            line("Enter new line · Ctrl-D when done", Style(.dim), into: &buffer)
        }
    }

    /// What was written, wrapped, at most `limit` rows (the last says how many more).
    mutating func written(_ text: String, limit: Int, into buffer: inout ScreenBuffer) {
        let rows = TextWrap.wrap(text, width: inner)
        for text in rows.prefix(rows.count > limit ? limit - 1 : limit) { line(text, .plain, into: &buffer) }
        if rows.count > limit { line("… \(rows.count - limit + 1) more lines", Style(.dim), into: &buffer) }
    }
}
