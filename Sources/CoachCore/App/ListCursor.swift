/// The selection and scroll of one list on screen. Every list (tracks, items, Today's
/// plan, the backlog, the journal, search results, help) moves by these rules, so
/// PgUp/PgDn, g/G, Home/End and the wheel mean the same everywhere.
public struct ListCursor: Equatable, Sendable {
    /// Index of the selected entry.
    public var selected: Int
    /// The first visible row.
    public var scroll: Int

    public init(selected: Int = 0, scroll: Int = 0) {
        self.selected = selected
        self.scroll = scroll
    }

    /// Moves the selection for a move action (↑ ↓, a page of `page` rows, first, last)
    /// within `count` entries. Returns false for any other action, which it leaves alone.
    @discardableResult
    public mutating func apply(_ action: Action, count: Int, page: Int) -> Bool {
        let page = max(1, page)
        switch action {
        case .moveUp: selected -= 1
        case .moveDown: selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .moveTop: selected = 0
        case .moveBottom: selected = count - 1
        default: return false
        }
        clamp(count: count)
        return true
    }

    /// A move, then the scroll that keeps the selection in view: for a list whose rows
    /// are its entries.
    @discardableResult
    public mutating func move(_ action: Action, count: Int, height: Int) -> Bool {
        guard apply(action, count: count, page: height) else { return false }
        keepVisible(height: height, total: count)
        return true
    }

    /// Keeps the selection on an entry that exists (0 for an empty list).
    public mutating func clamp(count: Int) {
        selected = min(max(0, selected), max(0, count - 1))
    }

    /// Scrolls as little as needed to show `row` (the selection's row; by default its
    /// index) in `height` rows of a list of `total` rows, never past the last page.
    public mutating func keepVisible(height: Int, total: Int, row: Int? = nil) {
        scroll = first(height: height, total: total, row: row)
    }

    /// The first row shown when `row` must be in view: what `keepVisible` sets, for a
    /// view drawing a cursor the engine has not scrolled yet.
    public func first(height: Int, total: Int, row: Int? = nil) -> Int {
        let row = row ?? selected
        let height = max(1, height)
        var top = scroll
        if row < top { top = row }
        if row >= top + height { top = row - height + 1 }
        return max(0, min(top, max(0, total - height)))
    }

    /// The entry drawn `line` rows below the list's first row, or nil below its end.
    /// It counts from the first row as drawn (`first`), so a click hits what is on
    /// screen even when the list changed since the scroll was last kept.
    public func index(atLine line: Int, height: Int, count: Int) -> Int? {
        guard line >= 0, line < height else { return nil }
        let index = first(height: height, total: count) + line
        return index < count ? index : nil
    }
}
