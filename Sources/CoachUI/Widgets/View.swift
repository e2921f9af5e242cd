import CoachCore

/// Every view of the program: a model, drawn into a rectangle of the buffer. Screens
/// get the window less the key bar, overlays the window they centre in.
public protocol View {
    associatedtype Model
    static func draw(_ model: Model, in rect: Rect, into buffer: inout ScreenBuffer)
}

extension Rect {
    /// The whole of a buffer.
    public init(_ size: Size) {
        self.init(row: 0, col: 0, rows: size.rows, cols: size.cols)
    }

    /// Rows `top..<bottom` of the full width of `size`.
    public init(_ size: Size, top: Int, bottom: Int) {
        self.init(row: top, col: 0, rows: max(0, bottom - top), cols: size.cols)
    }

    public var bottom: Int { row + rows }
}
