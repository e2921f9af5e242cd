import CoachCore

/// Text in a fixed-width column of the CLI's plain output: cut (with "…") or padded
/// with spaces to `width` terminal cells, so wide characters (CJK, emoji) keep a column
/// as wide as its neighbours'.
func column(_ text: String, _ width: Int) -> String {
    DisplayWidth.pad(text, to: width)
}

/// Rows of cells as lines whose columns line up on screen whatever the cells hold: each
/// column as wide as its widest cell (in terminal cells, at most its `limit`, longer
/// cells cut with "…"), two spaces between, the last column as it is. A cell's line
/// breaks are shown as " / ", so a row stays one line.
struct TextColumns {
    enum Alignment { case left, right }

    var alignments: [Alignment]
    var limits: [Int?]

    func lines(_ rows: [[String]]) -> [String] {
        let rows = rows.map { $0.map { TerminalText.safe($0.replacingText("\r\n", with: " / ").replacingText("\n", with: " / ")) } }
        let count = alignments.count
        var widths = [Int](repeating: 0, count: count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < count - 1 {
                widths[index] = max(widths[index], min(DisplayWidth.of(cell), limits[index] ?? Int.max))
            }
        }
        return rows.map { row in
            let cells = row.enumerated().map { index, cell in index >= count - 1 ? cell : pad(cell, index, widths) }
            return trimmingTrailing(cells.joined(separator: "  "))
        }
    }

    private func pad(_ cell: String, _ index: Int, _ widths: [Int]) -> String {
        let width = widths[index]
        let cut = DisplayWidth.truncate(cell, to: width)
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return alignments[index] == .right ? fill + cut : cut + fill
    }

    private func trimmingTrailing(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
