import CoachCore

/// `/` on the Tracks screen: the query, then the matches, as you type.
enum SearchView {
    static func draw(_ state: AppState, _ search: SearchState, into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let rect = Rect(row: 1, col: 2, rows: size.rows - 2, cols: size.cols - 4)
        let count = search.hits.count
        let title = search.editor.text.isEmpty ? "Search" : "Search · \(count) match\(count == 1 ? "" : "es")"
        buffer.box(rect, title: title)
        let inner = rect.cols - 4
        buffer.put("/", row: rect.row + 1, col: rect.col + 2, style: Style(.accent, bold: true))
        let rows = SearchLayout.listRows(size)
        let top = rect.row + 3
        if search.editor.text.isEmpty {
            buffer.put("Type words to find in track and item titles, summaries and resources.",
                       row: top, col: rect.col + 2, width: inner, style: Style(.dim))
        } else if search.hits.isEmpty {
            buffer.put("Nothing matches \"\(search.editor.text)\".", row: top, col: rect.col + 2, width: inner, style: Style(.dim))
        }
        for (offset, index) in (search.list.scroll..<search.hits.count).prefix(rows).enumerated() {
            let hit = search.hits[index]
            let row = top + offset
            let track = state.curriculum.tracks[hit.track]
            let selected = index == search.list.selected
            var label = track.title
            var where_ = "track"
            if let item = hit.item {
                let it = track.items[item]
                label = "\(StatusMark.text(state.progress.status(of: it.id))) \(it.title)  · \(track.title)"
                where_ = hit.matched
            }
            let whereWidth = min(28, DisplayWidth.of(where_))
            buffer.put(DisplayWidth.pad(label, to: inner - whereWidth - 2), row: row, col: rect.col + 2,
                       style: Style(selected ? .accent : .normal, bold: selected))
            buffer.put(DisplayWidth.truncate(where_, to: whereWidth), row: row, col: rect.col + 2 + inner - whereWidth,
                       style: Style(.dim))
            if selected { buffer.restyle(row: row, col: rect.col + 1, width: rect.cols - 2) { $0.reverse = true } }
        }
        // The query line last, so the cursor ends up in it.
        buffer.textField(search.editor, row: rect.row + 1, col: rect.col + 4, width: inner - 2)
    }
}
