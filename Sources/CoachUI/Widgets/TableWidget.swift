import CoachCore

/// A table's columns: fixed widths, numbers on the right, and one column (the title)
/// that takes the room the others leave.
public struct TableWidget: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// Nil: this column takes what is left.
        public var width: Int?
        public var right: Bool

        public init(_ title: String, width: Int?, right: Bool = false) {
            self.title = title
            self.width = width
            self.right = right
        }
    }

    public let columns: [Column]
    /// The widths as laid out in `width` cells, one space between columns.
    public let widths: [Int]

    public init(_ columns: [Column], width: Int, minimumFlex: Int = 8) {
        self.columns = columns
        let fixed = columns.reduce(0) { $0 + ($1.width ?? 0) } + max(0, columns.count - 1)
        widths = columns.map { $0.width ?? max(minimumFlex, width - fixed) }
    }

    /// One cell padded (or cut) to its column.
    public func cell(_ text: String, _ column: Int) -> String {
        let width = widths[column]
        let cut = DisplayWidth.truncate(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return columns[column].right ? pad + cut : cut + pad
    }

    /// A row of cells as one line.
    public func line(_ cells: [String]) -> String {
        zip(cells.indices, cells).map { cell($0.1, $0.0) }.joined(separator: " ")
    }

    public var heading: String {
        line(columns.map(\.title))
    }

    /// Draws a row of cells, each in its own style, from `col`.
    public func draw(_ cells: [(String, Style)], row: Int, col: Int, into buffer: inout ScreenBuffer) {
        var x = col
        for (index, cell) in cells.enumerated() where index < widths.count {
            buffer.put(self.cell(cell.0, index), row: row, col: x, width: widths[index], style: cell.1)
            x += widths[index] + 1
        }
    }
}
