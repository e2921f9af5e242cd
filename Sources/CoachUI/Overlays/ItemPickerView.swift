import CoachCore

/// The items an idea can link to, over its form: the filter, then the matches, with
/// the ones linked already ticked.
enum ItemPickerView: View {
    static func draw(_ model: (state: AppState, picker: ItemPicker, linked: [String]), in area: Rect,
                     into buffer: inout ScreenBuffer) {
        let (state, picker, linked) = model
        let size = Size(rows: area.rows, cols: area.cols)
        let rect = Rect(row: area.row + 1, col: area.col + 2, rows: size.rows - 2, cols: size.cols - 4)
        let count = picker.hits.count
        buffer.box(rect, title: "Link items · \(count) match\(count == 1 ? "" : "es") · Enter links, Esc back to the form")
        let inner = rect.cols - 4
        buffer.put("›", row: rect.row + 1, col: rect.col + 2, style: Style(.accent, bold: true))
        let top = rect.row + 3
        if picker.hits.isEmpty {
            let text = picker.query.text.isEmpty ? "Type words of an item's title." : "No item matches \"\(picker.query.text)\"."
            buffer.put(text, row: top, col: rect.col + 2, width: inner, style: Style(.dim))
        }
        ListWidget.draw(count: count, cursor: picker.list,
                        in: Rect(row: top, col: rect.col + 1, rows: SearchLayout.listRows(size), cols: rect.cols - 2),
                        into: &buffer) { index, row, buffer in
            let hit = picker.hits[index]
            let track = state.curriculum.tracks[hit.track]
            guard let itemIndex = hit.item else { return }
            let item = track.items[itemIndex]
            let selected = index == picker.list.selected
            let mark = linked.contains(item.id) ? "✓ " : "  "
            let idWidth = min(inner / 3, DisplayWidth.of(item.id))
            buffer.put(DisplayWidth.pad(mark + item.title + "  · " + track.title, to: inner - idWidth - 2), row: row,
                       col: rect.col + 2, style: Style(selected ? .accent : .normal, bold: selected))
            buffer.put(DisplayWidth.truncate(item.id, to: idWidth), row: row, col: rect.col + 2 + inner - idWidth,
                       style: Style(.dim))
        }
        // The filter line last, so the cursor ends up in it.
        buffer.textField(picker.query, row: rect.row + 1, col: rect.col + 4, width: inner - 2)
    }
}
