import CoachCore

/// `?`: the keys of the screen on show (plus moving and the global ones), grouped, in a
/// box; the groups flow into a second column when the window is too short for one.
enum HelpView {
    static let keyWidth = 16

    static func draw(_ screen: Screen, into buffer: inout ScreenBuffer) {
        let sections = KeyMap.help(for: screen)
        let oneColumn = sections.reduce(0) { $0 + $1.keys.count + 2 } + 1
        let twoColumns = buffer.size.rows - 2 < oneColumn + 2 && buffer.size.cols >= 100
        let columnHeight = twoColumns ? (oneColumn + 1) / 2 + 2 : oneColumn
        let rect = Rect.centered(in: buffer.size, rows: columnHeight + 2, cols: twoColumns ? 124 : 72, margin: 1)
        buffer.box(rect, title: "Keys")
        let columnWidth = twoColumns ? (rect.cols - 4) / 2 : rect.cols - 4
        var row = rect.row + 1
        var col = rect.col + 2
        let bottom = rect.row + rect.rows - 1
        for section in sections {
            if twoColumns, col == rect.col + 2, row + section.keys.count + 1 > bottom {
                row = rect.row + 1
                col += columnWidth
            }
            guard row < bottom else { break }
            buffer.put(section.section, row: row, col: col, style: Style(.heading, bold: true))
            row += 1
            for key in section.keys where row < bottom {
                buffer.put(key.key, row: row, col: col + 2, width: keyWidth, style: Style(.accent, bold: true))
                buffer.put(key.label, row: row, col: col + 2 + keyWidth, width: columnWidth - keyWidth - 3)
                row += 1
            }
            row += 1
        }
    }
}
