import CoachCore

/// Enter on an item: its summary, status and resources in a box over the screen.
enum ItemDetailView {
    static func draw(_ state: AppState, itemID: String, scroll: Int, into buffer: inout ScreenBuffer) {
        guard let item = state.curriculum.item(id: itemID) else { return }
        let size = buffer.size
        let rect = Rect(row: 1, col: 2, rows: size.rows - 2, cols: size.cols - 4)
        buffer.box(rect, title: item.title)
        let inner = rect.cols - 4
        let lines = contentLines(state, item: item, width: inner)
        let visible = rect.rows - 2
        let top = min(max(0, scroll), max(0, lines.count - visible))
        for (offset, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            buffer.put(line.text, row: rect.row + 1 + offset, col: rect.col + 2, width: inner, style: line.style)
        }
        if let editor = state.itemEditor {
            // The field sits on the box's last inner row, always in view.
            let row = rect.row + rect.rows - 2
            let label = editor.field == .note
                ? "Note (Enter saves, Esc cancels)"
                : "Proof of work: links, spaces between (Enter saves, Esc cancels)"
            buffer.fill(row: row - 1, col: rect.col + 1, width: rect.cols - 2)
            buffer.put(label, row: row - 1, col: rect.col + 2, width: inner, style: Style(.heading, bold: true))
            buffer.textField(editor.line, row: row, col: rect.col + 2, width: inner, style: Style(.normal, underline: true))
        } else if lines.count > visible {
            let more = "\(top + 1)–\(min(lines.count, top + visible)) of \(lines.count)"
            buffer.put(" \(more) ", row: rect.row + rect.rows - 1, col: rect.col + rect.cols - DisplayWidth.of(more) - 4,
                       style: Style(.dim))
        }
    }

    static func contentLines(_ state: AppState, item: Item, width: Int) -> [(text: String, style: Style)] {
        var lines: [(text: String, style: Style)] = []
        let status = state.progress.status(of: item.id)
        let trackTitle = state.curriculum.track(containing: item.id)?.title ?? ""
        lines.append(("\(trackTitle) · \(item.id)", Style(.dim)))
        var statusLine = "Status: \(status.rawValue)   Estimate: \(Duration.short(item.minutes))"
        if let entry = state.progress.items[item.id] {
            statusLine += "   Changed: \(DateText.day(entry.changed))"
        }
        lines.append((statusLine, Style(StatusMark.role(status), bold: true)))
        lines.append(("", .plain))
        for line in TextWrap.wrap(item.summary, width: width) {
            lines.append((line, .plain))
        }
        if let note = state.progress.items[item.id]?.note, !note.isEmpty {
            lines.append(("", .plain))
            lines.append(("Note", Style(.heading, bold: true)))
            for line in TextWrap.wrap(note, width: width) { lines.append((line, .plain)) }
        }
        lines.append(("", .plain))
        lines.append(("Proof of work", Style(.heading, bold: true)))
        let proof = state.progress.items[item.id]?.proof ?? []
        if proof.isEmpty {
            lines.append(("none yet: p adds a link (a repo, a write-up)", Style(.dim)))
        }
        for link in proof {
            // A long link is cut into whole lines rather than lost past the edge.
            for (i, line) in TextWrap.wrap(link, width: width - 2).enumerated() {
                lines.append(((i == 0 ? "• " : "  ") + line, Style(.accent, underline: true)))
            }
        }
        lines.append(("", .plain))
        lines.append(("Resources", Style(.heading, bold: true)))
        if item.resources.isEmpty {
            lines.append(("none listed", Style(.dim)))
        }
        for resource in item.resources {
            for (i, line) in TextWrap.wrap("• [\(resource.kind.rawValue)] \(resource.title)", width: width).enumerated() {
                lines.append((i == 0 ? line : "  " + line, .plain))
            }
            if let url = resource.url {
                lines.append(("  " + url, Style(.accent, underline: true)))
            }
        }
        return lines
    }
}
