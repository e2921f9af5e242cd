import CoachCore

/// `?`: the keys of the screen on show (plus moving and the global ones), grouped, in a
/// box; a list that scrolls with its cursor when it does not fit.
enum HelpView {
    static let keyWidth = 16

    static func draw(_ lines: [HelpLine], list: ListCursor, into buffer: inout ScreenBuffer) {
        let visible = HelpLayout.visibleRows(buffer.size, lines: lines.count)
        let rect = Rect.centered(in: buffer.size, rows: visible + 2, cols: 72, margin: 1)
        let first = list.first(height: visible, total: lines.count)
        let more = lines.count > visible ? " · \(first + 1)–\(first + visible) of \(lines.count)" : ""
        buffer.box(rect, title: "Keys" + more)
        let col = rect.col + 2
        let width = rect.cols - 4
        for (offset, index) in (first..<lines.count).prefix(visible).enumerated() {
            let row = rect.row + 1 + offset
            switch lines[index] {
            case .heading(let text):
                buffer.put(text, row: row, col: col, width: width, style: Style(.heading, bold: true))
            case .key(let key, let label):
                buffer.put(key, row: row, col: col + 2, width: keyWidth, style: Style(.accent, bold: true))
                buffer.put(label, row: row, col: col + 2 + keyWidth, width: width - keyWidth - 2)
            case .gap:
                break
            }
            if index == list.selected, lines.count > visible {
                buffer.restyle(row: row, col: rect.col + 1, width: rect.cols - 2) { $0.reverse = true }
            }
        }
    }
}
