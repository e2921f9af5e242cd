import CoachCore

/// Asked when a save was refused because another program changed the file: which one
/// to keep. A box over whatever screen is shown, so it cannot be missed.
enum ConflictView: View {
    static let choices: [(key: String, text: String)] = [
        ("r", "read the file as it is on disk (changes made here are dropped)"),
        ("o", "keep Coach's version: write it over the file"),
        ("q", "quit and leave the file as it is"),
    ]

    /// A box centred in the window `area`.
    static func draw(_ document: DocumentKind, in area: Rect, into buffer: inout ScreenBuffer) {
        let size = Size(rows: area.rows, cols: area.cols)
        let rect = Rect.centered(in: size, rows: 8, cols: 72, margin: 1)
        buffer.box(rect, title: "\(document.fileName) changed on disk")
        let width = rect.cols - 4
        let explanation = "Another program changed \(document.fileName) since Coach read it. Coach has not written over it."
        var row = rect.row + 1
        for line in TextWrap.wrap(explanation, width: width).prefix(2) {
            buffer.put(line, row: row, col: rect.col + 2, width: width)
            row += 1
        }
        row += 1
        for choice in choices where row < rect.row + rect.rows - 1 {
            buffer.put(choice.key, row: row, col: rect.col + 2, style: Style(.accent, bold: true))
            buffer.put(choice.text, row: row, col: rect.col + 5, width: width - 3)
            row += 1
        }
    }
}
