/// What the item detail says, line by line, at a given width: the one place its layout
/// lives, so the engine stops scrolling at the last line the view can show.
public enum ItemDetailText {
    public enum Kind: Equatable, Sendable {
        case dim, status(ItemStatus), plain, heading, link
    }

    public struct Line: Equatable, Sendable {
        public var text: String
        public var kind: Kind
        /// The index of the resource this line belongs to, which ↑ ↓ select.
        public var resource: Int? = nil
    }

    /// The lines for `item`; `changedDay` is the day its status last changed, as the view
    /// words it (the line count never depends on it).
    public static func lines(for item: Item, in state: AppState, changedDay: String?, width: Int) -> [Line] {
        var lines: [Line] = []
        func add(_ text: String, _ kind: Kind) { lines.append(Line(text: text, kind: kind)) }
        let entry = state.progress.items[item.id]
        let status = state.progress.status(of: item.id)
        add("\(state.curriculum.track(containing: item.id)?.title ?? "") · \(item.id)", .dim)
        let estimate = state.progress.estimate(of: item)
        var statusLine = "Status: \(status.rawValue)   Time: \(ItemTime.spentText(state.progress.minutesSpent(on: item.id), of: estimate))"
        if let changedDay { statusLine += "   Changed: \(changedDay)" }
        add(statusLine, .status(status))
        if entry?.estimate != nil { add("Your estimate (shipped: \(MinutesText.short(item.minutes))): t changes it", .dim) }
        add("", .plain)
        for line in TextWrap.wrap(item.summary, width: width) { add(line, .plain) }
        if let note = entry?.note, !note.isEmpty {
            add("", .plain)
            add("Note", .heading)
            for line in TextWrap.wrap(note, width: width) { add(line, .plain) }
        }
        add("", .plain)
        add("Proof of work", .heading)
        if entry?.proof.isEmpty ?? true { add("none yet: p adds a link (a repo, a write-up)", .dim) }
        for link in entry?.proof ?? [] {
            // A long link is cut into whole lines rather than lost past the edge.
            for (i, line) in TextWrap.wrap(link, width: width - 2).enumerated() { add((i == 0 ? "• " : "  ") + line, .link) }
        }
        add("", .plain)
        add("Resources", .heading)
        if item.resources.isEmpty { add("none listed", .dim) }
        for (index, resource) in item.resources.enumerated() {
            for (i, line) in TextWrap.wrap("• [\(resource.kind.rawValue)] \(resource.title)", width: width).enumerated() {
                lines.append(Line(text: i == 0 ? line : "  " + line, kind: .plain, resource: index))
            }
            // The whole address, wrapped at the edge: never cut, so it reads as it opens.
            for line in TextWrap.wrap(resource.url ?? "", width: width - 2) where !line.isEmpty {
                lines.append(Line(text: "  " + line, kind: .link, resource: index))
            }
        }
        return lines
    }

    /// The first and last line of resource `index` among `lines`, or nil.
    public static func rows(ofResource index: Int, in lines: [Line]) -> ClosedRange<Int>? {
        guard let first = lines.firstIndex(where: { $0.resource == index }),
              let last = lines.lastIndex(where: { $0.resource == index }) else { return nil }
        return first...last
    }

    /// The detail box: the window less a row above and below, and two columns each side.
    public static func boxRect(_ viewport: Size) -> (row: Int, col: Int, rows: Int, cols: Int) {
        (row: 1, col: 2, rows: viewport.rows - 2, cols: viewport.cols - 4)
    }

    /// Columns of text inside the box.
    public static func width(_ viewport: Size) -> Int { boxRect(viewport).cols - 4 }

    /// Rows of text inside the box.
    public static func visibleRows(_ viewport: Size) -> Int { boxRect(viewport).rows - 2 }

    /// The last scroll offset that still fills the box.
    public static func maxScroll(for item: Item, in state: AppState) -> Int {
        let count = lines(for: item, in: state, changedDay: nil, width: width(state.viewport)).count
        return max(0, count - visibleRows(state.viewport))
    }
}
