import CoachCore

/// A rectangle of cells on the screen.
public struct Rect: Equatable, Sendable {
    public var row: Int
    public var col: Int
    public var rows: Int
    public var cols: Int

    public init(row: Int, col: Int, rows: Int, cols: Int) {
        self.row = row
        self.col = col
        self.rows = rows
        self.cols = cols
    }

    /// A rectangle of at most `rows`×`cols`, centred in `size` with a margin kept.
    public static func centered(in size: Size, rows: Int, cols: Int, margin: Int = 2) -> Rect {
        let r = min(rows, size.rows - 2 * margin)
        let c = min(cols, size.cols - 2 * margin)
        return Rect(row: (size.rows - r) / 2, col: (size.cols - c) / 2, rows: r, cols: c)
    }
}
