import CoachCore

/// `?`: the keys of the screen on show (plus moving and the global ones), grouped, in a
/// box; a list that scrolls with its cursor when it does not fit.
enum HelpView: View {
    static let keyWidth = 16

    /// A box centred in the window `area`.
    static func draw(_ model: (lines: [HelpLine], list: ListCursor), in area: Rect, into buffer: inout ScreenBuffer) {
        let (lines, list) = model
        let size = Size(rows: area.rows, cols: area.cols)
        let visible = HelpLayout.visibleRows(size, lines: lines.count)
        let rect = Rect.centered(in: size, rows: visible + 2, cols: 72, margin: 1)
        let first = list.first(height: visible, total: lines.count)
        let more = lines.count > visible ? " · \(first + 1)–\(first + visible) of \(lines.count)" : ""
        buffer.box(rect, title: "Keys" + more)
        let col = rect.col + 2
        let width = rect.cols - 4
        ListWidget.draw(count: lines.count, cursor: list, in: Rect(row: rect.row + 1, col: rect.col + 1, rows: visible, cols: rect.cols - 2),
                        into: &buffer) { index, row, buffer in
            switch lines[index] {
            case .heading(let text):
                buffer.put(text, row: row, col: col, width: width, style: Style(.heading, bold: true))
            case .key(let key, let label):
                buffer.put(key, row: row, col: col + 2, width: keyWidth, style: Style(.accent, bold: true))
                buffer.put(label, row: row, col: col + 2 + keyWidth, width: width - keyWidth - 2)
            case .gap:
                break
            }
        }
    }
}
