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
    public static func planWindow(entries: Int, selected: Int, heading: Int, bottom: Int) -> (first: Int, rows: Int) {
        guard entries > 0 else { return (0, 0) }
        let available = bottom - (heading + 1) - footerRows
        let rows = max(1, min(entries, available))
        let selected = min(max(0, selected), entries - 1)
        return (min(max(0, selected - rows + 1), max(0, entries - rows)), rows)
    }
}
