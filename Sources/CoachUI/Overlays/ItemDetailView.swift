import CoachCore

/// Enter on an item: its summary, status and resources in a box over the screen.
enum ItemDetailView: View {
    struct Model {
        var state: AppState
        var itemID: String
        var scroll: Int
        /// The selected resource, drawn selected; nil while the text is read.
        var resource: Int? = nil
        /// The note or proof is being edited over it: the editor takes the last rows.
        var editing: Bool
    }

    /// A box that nearly fills the window `area`.
    static func draw(_ model: Model, in area: Rect, into buffer: inout ScreenBuffer) {
        let (state, itemID, scroll, editing) = (model.state, model.itemID, model.scroll, model.editing)
        let selected = editing ? nil : model.resource
        guard let item = state.curriculum.item(id: itemID) else { return }
        let size = Size(rows: area.rows, cols: area.cols)
        let box = ItemDetailText.boxRect(size)
        let rect = Rect(row: box.row, col: box.col, rows: box.rows, cols: box.cols)
        // The box nearly fills the window: blank the strips beside it rather than leave
        // cut-off bits of the screen behind peeking out.
        for row in rect.row..<(rect.row + rect.rows) {
            buffer.fill(row: row, col: 0, width: rect.col)
            buffer.fill(row: row, col: rect.col + rect.cols, width: size.cols - rect.col - rect.cols)
        }
        buffer.box(rect, title: item.title)
        let inner = ItemDetailText.width(size)
        let changed = state.progress.items[item.id].map { DateText.day($0.changed, timeZone: state.study.timeZone) }
        let lines = ItemDetailText.lines(for: item, in: state, changedDay: changed, width: inner)
        let visible = ItemDetailText.visibleRows(size)
        let top = min(max(0, scroll), max(0, lines.count - visible))
        for (offset, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            let isSelected = line.resource != nil && line.resource == selected
            if isSelected { buffer.fill(row: rect.row + 1 + offset, col: rect.col + 1, width: rect.cols - 2, style: Style(.selection)) }
            buffer.put(line.text, row: rect.row + 1 + offset, col: rect.col + 2, width: inner,
                       style: isSelected ? Style(.selection, bold: true) : style(line.kind))
        }
        if !editing, lines.count > visible {
            let more = "\(top + 1)–\(min(lines.count, top + visible)) of \(lines.count)"
            buffer.put(" \(more) ", row: rect.row + rect.rows - 1, col: rect.col + rect.cols - DisplayWidth.of(more) - 4,
                       style: Style(.dim))
        }
    }

    static func style(_ kind: ItemDetailText.Kind) -> Style {
        switch kind {
        case .dim: Style(.dim)
        case .status(let status): Style(StatusMark.role(status), bold: true)
        case .plain: .plain
        case .heading: Style(.heading, bold: true)
        case .link: Style(.accent, underline: true)
        }
    }
}

/// The proof being edited, on the item detail box's last inner rows, always in view.
enum ItemEditorView: View {
    static func draw(_ editor: ItemTextEditor, in area: Rect, into buffer: inout ScreenBuffer) {
        let size = Size(rows: area.rows, cols: area.cols)
        let box = ItemDetailText.boxRect(size)
        let inner = ItemDetailText.width(size)
        let row = box.row + box.rows - 2
        let label = editor.field == .proof
            ? "Proof of work: links, commas between (Enter saves, Esc cancels)"
            : "Your estimate: minutes (90) or 1h30; empty for the shipped one (Enter saves, Esc cancels)"
        buffer.fill(row: row - 1, col: box.col + 1, width: box.cols - 2)
        buffer.put(label, row: row - 1, col: box.col + 2, width: inner, style: Style(.heading, bold: true))
        if let problem = editor.problem {
            // The refusal sits over the field, wrapped, so the whole reason shows.
            let lines = TextWrap.wrap(problem, width: inner).suffix(max(1, box.rows - 4))
            for (offset, line) in lines.enumerated() {
                let at = row - 1 - lines.count + offset
                buffer.fill(row: at, col: box.col + 1, width: box.cols - 2)
                buffer.put(line, row: at, col: box.col + 2, width: inner, style: Style(.warn, bold: true))
            }
        }
        buffer.textField(editor.line, row: row, col: box.col + 2, width: inner, style: Style(.normal, underline: true))
    }

}

/// The note being written in place (`n`): a box as wide as the window, over the detail,
/// as tall as the text needs (at most the window), with the keys that end it.
enum NoteEditorView: View {
    static func draw(_ model: (editor: NoteEditor, title: String), in area: Rect, into buffer: inout ScreenBuffer) {
        let size = Size(rows: area.rows - 1, cols: area.cols)
        let cols = size.cols - 2
        let needed = model.editor.text.layout(width: max(2, cols - 5)).rows.count
        let rect = Rect.centered(in: size, rows: max(8, needed + 5), cols: cols, margin: 1)
        buffer.box(rect, title: "Note · \(model.title)")
        let text = Rect(row: rect.row + 1, col: rect.col + 2, rows: rect.rows - 4, cols: rect.cols - 4)
        buffer.textArea(model.editor.text, in: text)
        let footer = rect.row + rect.rows - 2
        if model.editor.confirmingDiscard {
            buffer.put("Drop the changes to the note? y/n", row: footer, col: rect.col + 2, width: rect.cols - 4,
                       style: Style(.bad, bold: true))
            buffer.cursor = nil
        } else {
            buffer.put("Ctrl-D saves · Enter new line · Ctrl-X $EDITOR · Esc cancels", row: footer, col: rect.col + 2,
                       width: rect.cols - 4, style: Style(.dim))
        }
    }
}
