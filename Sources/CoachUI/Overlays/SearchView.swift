import CoachCore

/// `/` on the Tracks screen: the query, then the matches, as you type.
enum SearchView: View {
    /// Over the window `area`, under its title bar and above its key bar.
    static func draw(_ model: (state: AppState, search: SearchState), in area: Rect, into buffer: inout ScreenBuffer) {
        let (state, search) = model
        let size = Size(rows: area.rows, cols: area.cols)
        let rect = Rect(row: area.row + 1, col: area.col + 2, rows: size.rows - 2, cols: size.cols - 4)
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
        ListWidget.draw(count: search.hits.count, cursor: search.list, in: Rect(row: top, col: rect.col + 1, rows: rows, cols: rect.cols - 2),
                        into: &buffer) { index, row, buffer in
            let hit = search.hits[index]
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
        }
        // The query line last, so the cursor ends up in it.
        buffer.textField(search.editor, row: rect.row + 1, col: rect.col + 4, width: inner - 2)
    }
}
