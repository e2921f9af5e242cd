/// Where the History screen's parts go, shared by the engine (the journal's page, clicks,
/// whether `e` and `d` can act) and the view, so the journal row the engine selects is
/// the one drawn selected.
///
/// Two columns when the window is wide enough (heatmap and tracks on the left, weeks
/// and journal on the right); otherwise one, in that order, each part cut to what fits.
public struct HistoryLayout: Equatable, Sendable {
    /// A part's first row (its heading) and its columns.
    public struct Part: Equatable, Sendable {
        public var top: Int
        public var col: Int
        public var width: Int
    }

    /// The journal's entry rows, under its heading.
    public struct Journal: Equatable, Sendable {
        public var firstRow: Int
        public var rows: Int
        public var col: Int
        public var width: Int
    }

    public static let heatmapWeeks = 20
    public static let chartWeeks = 12
    /// Heading, month names, seven weekdays and the legend.
    public static let heatmapRows = 10
    /// Weekday names left of the heatmap.
    public static let labelWidth = 4
    /// The right column needs this much to be worth having.
    static let rightMinimum = 30
    static let gap = 3

    public let cellWidth: Int
    public let twoColumns: Bool
    public let heatmap: Part
    public let weeks: Part
    public let tracks: Part
    public let journalPart: Part
    /// Nil when the journal does not fit (a heading and one entry at least).
    public let journal: Journal?
    public let bottom: Int

    /// Cells are `cellWidth - 1` characters and a gap.
    public static func heatmapWidth(cellWidth: Int) -> Int {
        labelWidth + heatmapWeeks * cellWidth - (cellWidth > 1 ? 1 : 0)
    }

    /// For the rows `top..<bottom` of a window `cols` wide, with `trackCount` tracks; with
    /// `forecast`, the weeks' part holds the next 14 days (`Forecast.historyDays`) instead.
    public init(cols: Int, top: Int, bottom: Int, trackCount: Int, forecast: Bool = false) {
        let weekRows = forecast ? Forecast.historyDays : Self.chartWeeks
        self.bottom = bottom
        let blockTop = top + 2
        let wide = cols >= 120 ? 3 : 2
        let heatWidth = Self.heatmapWidth(cellWidth: wide)
        twoColumns = cols - 2 >= heatWidth + Self.gap + Self.rightMinimum
        if twoColumns {
            cellWidth = wide
            let rightCol = 1 + heatWidth + Self.gap
            let rightWidth = cols - rightCol - 1
            heatmap = Part(top: blockTop, col: 1, width: heatWidth)
            tracks = Part(top: Self.heatmapEnd(blockTop, bottom) + 1, col: 1, width: heatWidth)
            weeks = Part(top: blockTop, col: rightCol, width: rightWidth)
            journalPart = Part(top: Self.weeksEnd(blockTop, bottom, rows: weekRows) + 1, col: rightCol, width: rightWidth)
        } else {
            let width = cols - 2
            cellWidth = min(wide, width >= Self.heatmapWidth(cellWidth: 2) ? 2 : 1)
            heatmap = Part(top: blockTop, col: 1, width: width)
            weeks = Part(top: Self.heatmapEnd(blockTop, bottom) + 1, col: 1, width: width)
            tracks = Part(top: Self.weeksEnd(weeks.top, bottom, rows: weekRows) + 1, col: 1, width: width)
            journalPart = Part(top: Self.tracksEnd(tracks.top, bottom, count: trackCount) + 1, col: 1, width: width)
        }
        let rows = bottom - journalPart.top - 1
        journal = rows >= 1 && cols > 20
            ? Journal(firstRow: journalPart.top + 1, rows: rows, col: journalPart.col, width: journalPart.width) : nil
    }

    /// The History screen in a whole window: under the title bar, over the key bar.
    public init(_ viewport: Size, trackCount: Int, forecast: Bool = false) {
        self.init(cols: viewport.cols, top: 1, bottom: viewport.rows - 1, trackCount: trackCount, forecast: forecast)
    }

    // The row after each part, when it starts at `top`.

    static func heatmapEnd(_ top: Int, _ bottom: Int) -> Int {
        top < bottom ? min(top + heatmapRows, bottom) : top
    }

    static func weeksEnd(_ top: Int, _ bottom: Int, rows: Int = chartWeeks) -> Int {
        guard bottom - top >= 2 else { return top }
        return top + 1 + min(rows, bottom - top - 1)
    }

    /// The tracks that do not fit are counted on one line ("… 5 more tracks").
    static func tracksEnd(_ top: Int, _ bottom: Int, count: Int) -> Int {
        guard bottom - top >= 2 else { return top }
        if count == 0 { return top + 2 }
        let rows = bottom - top - 1
        return count <= rows ? top + 1 + count : top + 1 + rows
    }

    /// How many tracks are drawn in `rows` rows under the heading: all, or all but the
    /// line that counts the rest.
    public static func tracksShown(count: Int, rows: Int) -> Int {
        count <= rows ? count : max(0, rows - 1)
    }
}
