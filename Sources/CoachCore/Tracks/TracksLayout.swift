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
