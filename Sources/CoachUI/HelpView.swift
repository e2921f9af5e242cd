import CoachCore

/// `?`: every key, grouped, in a box.
enum HelpView {
    static func draw(into buffer: inout ScreenBuffer) {
        let sections = KeyMap.help
        let keyWidth = 16
        let rows = sections.reduce(0) { $0 + $1.keys.count + 2 } + 1
        let rect = Rect.centered(in: buffer.size, rows: rows, cols: 72)
        buffer.box(rect, title: "Keys")
        var row = rect.row + 1
        let bottom = rect.row + rect.rows - 1
        for section in sections where row < bottom {
            buffer.put(section.section, row: row, col: rect.col + 2, style: Style(.heading, bold: true))
            row += 1
            for key in section.keys where row < bottom {
                buffer.put(key.key, row: row, col: rect.col + 4, width: keyWidth, style: Style(.accent, bold: true))
                buffer.put(key.label, row: row, col: rect.col + 4 + keyWidth, width: rect.cols - keyWidth - 6)
                row += 1
            }
            row += 1
        }
    }
}
