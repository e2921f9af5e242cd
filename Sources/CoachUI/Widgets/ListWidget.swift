import CoachCore

/// A list drawn from its cursor: the rows the cursor's scroll shows, in a rectangle, and
/// the selected row drawn selected — reversed when the list has the keys, bold when it
/// does not — so it shows with NO_COLOR too.
public enum ListWidget {
    /// Draws the visible rows of a list of `count` rows with `draw(row, screenRow)`.
    /// `selectedRow` is the selection's row when rows are not entries (a heading above
    /// items); by default the cursor's selection. Returns the rows drawn.
    @discardableResult
    public static func draw(count: Int, cursor: ListCursor, in rect: Rect, focused: Bool = true, selectedRow: Int? = nil,
                            into buffer: inout ScreenBuffer, row draw: (Int, Int, inout ScreenBuffer) -> Void) -> Range<Int> {
        guard rect.rows > 0, count > 0 else { return 0..<0 }
        let selected = selectedRow ?? cursor.selected
        let first = cursor.first(height: rect.rows, total: count, row: selected)
        let shown = first..<min(count, first + rect.rows)
        for index in shown {
            let screenRow = rect.row + index - first
            draw(index, screenRow, &buffer)
            if index == selected {
                buffer.restyle(row: screenRow, col: rect.col, width: rect.cols) {
                    if focused { $0.reverse = true } else { $0.bold = true }
                }
            }
        }
        return shown
    }

    /// "4–8 of 102": which rows are shown, for a heading; nil when all of them are.
    public static func range(_ shown: Range<Int>, of count: Int) -> String? {
        shown.count < count ? "\(shown.lowerBound + 1)–\(shown.upperBound) of \(count)" : nil
    }
}
