/// A terminal or buffer size in character cells.
public struct Size: Equatable, Sendable {
    public var rows: Int
    public var cols: Int

    public init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
    }

    /// The smallest window the layouts are designed for.
    public static let minimum = Size(rows: 16, cols: 60)

    public var isBigEnough: Bool { rows >= Size.minimum.rows && cols >= Size.minimum.cols }
}
