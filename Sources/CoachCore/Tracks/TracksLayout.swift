/// The Tracks screen's geometry, shared by the engine (paging, scrolling) and the view,
/// so the selection the engine keeps visible is the one the view draws.
public enum TracksLayout {
    /// Title line, pane headings, key bar.
    public static let chromeRows = 3
    /// The screen row of the first track and the first item row.
    public static let listTop = 2

    public static func listRows(_ viewport: Size) -> Int {
        max(1, viewport.rows - chromeRows)
    }

    public static func trackPaneWidth(_ viewport: Size) -> Int {
        min(36, max(28, viewport.cols / 3))
    }

    /// A track row besides its title: " ▸ ", the focus star "★ ", a space, the bar,
    /// the percentage and the divider.
    public static let trackRowChrome = 3 + 2 + 1 + 6 + 5 + 1

    /// The items pane keeps at least this much when the track pane grows.
    public static let itemPaneMinimum = 34

    /// From 80 columns on, the track pane is as wide as the longest track title needs
    /// (the items keep `itemPaneMinimum`); narrower windows keep a third of it.
    public static func trackPaneWidth(cols: Int, longestTitle: Int) -> Int {
        let third = trackPaneWidth(Size(rows: 24, cols: cols))
        guard cols >= 80 else { return third }
        return max(third, min(longestTitle + trackRowChrome, cols - itemPaneMinimum))
    }

    /// The track pane's width for this curriculum in a window `cols` wide: what the
    /// view draws and a click reads.
    public static func trackPaneWidth(cols: Int, curriculum: Curriculum) -> Int {
        trackPaneWidth(cols: cols, longestTitle: curriculum.tracks.map { DisplayWidth.of($0.title) }.max() ?? 0)
    }

    /// The rows of a track's item list: a heading row per section, then its items.
    public static func rowOfItem(_ index: Int, in track: Track) -> Int {
        var row = 0
        var remaining = index
        for section in track.sections {
            row += 1
            if remaining < section.items.count { return row + remaining }
            remaining -= section.items.count
            row += section.items.count
        }
        return row
    }

    /// The item on a row of a track's item list; nil on a section heading or past the end.
    public static func itemAtRow(_ row: Int, in track: Track) -> Int? {
        var first = 0
        var items = 0
        for section in track.sections {
            let heading = first
            if row == heading { return nil }
            if row <= heading + section.items.count { return items + row - heading - 1 }
            first += 1 + section.items.count
            items += section.items.count
        }
        return nil
    }

    public static func rowCount(_ track: Track) -> Int {
        track.sections.reduce(0) { $0 + 1 + $1.items.count }
    }
}
