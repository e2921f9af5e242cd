/// The Today screen's geometry, shared by the engine (clicks) and the view: which rows
/// the plan takes and which of its entries they show.
public enum TodayLayout {
    /// The first row below the title bar.
    public static let top = 2
    /// The plan's heading: under the streak, the goal and the session lines and their gaps.
    public static let planHeading = top + 5
    /// Under the list: a rule and the total.
    public static let footerRows = 2

    /// The entries shown, from `first`, in `rows` rows under the heading at row `heading`:
    /// as many as fit above the footer and `bottom` (the key bar's row), scrolled so that
    /// the selected one is in view.
    public static func planWindow(entries: Int, cursor: ListCursor, heading: Int, bottom: Int) -> (first: Int, rows: Int) {
        guard entries > 0 else { return (0, 0) }
        let available = bottom - (heading + 1) - footerRows
        let rows = max(1, min(entries, available))
        var cursor = cursor
        cursor.clamp(count: entries)
        return (cursor.first(height: rows, total: entries), rows)
    }

    /// The plan's rows in a window of `viewport`: a page for PgUp / PgDn.
    public static func planRows(entries: Int, viewport: Size) -> Int {
        planWindow(entries: entries, cursor: ListCursor(), heading: planHeading, bottom: viewport.rows - 1).rows
    }
}
