import CoachCore

// The one-line fields and questions that open on a screen's own rows: Backlog's filter
// and delete question on the rule under the table, Today's finishing note and History's
// session form and delete question above the key bar.

/// Backlog's `/` filter, typed on the rule under the table.
enum BacklogFilterView: View {
    static func draw(_ editor: LineEditor, in area: Rect, into buffer: inout ScreenBuffer) {
        let row = BacklogLayout.listTop + BacklogLayout.listRows(Size(rows: area.rows, cols: area.cols))
        buffer.fill(row: row, col: area.col, width: area.cols)
        buffer.put("/", row: row, col: area.col + 1, style: Style(.accent, bold: true))
        buffer.textField(editor, row: row, col: area.col + 3, width: area.cols - 4)
    }
}

/// A y/n question on one row of the screen.
enum QuestionView: View {
    static func draw(_ model: (text: String, row: Int), in area: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(row: model.row, col: area.col, width: area.cols)
        buffer.put(model.text, row: model.row, col: area.col + 1, style: Style(.bad, bold: true))
    }

    /// Backlog's question goes on the rule under the table.
    static func backlogRow(_ area: Rect) -> Int {
        BacklogLayout.listTop + BacklogLayout.listRows(Size(rows: area.rows, cols: area.cols))
    }
}

/// Today's `f`: the note typed when finishing the session, above the key bar.
enum FinishNoteView: View {
    static func draw(_ note: LineEditor, in area: Rect, into buffer: inout ScreenBuffer) {
        let row = area.bottom - 2
        // A blank row above, so the field never runs into the plan beneath.
        buffer.fill(row: row - 1, col: area.col, width: area.cols)
        buffer.fill(row: row, col: area.col, width: area.cols)
        buffer.put("Note:", row: row, col: area.col + 1, style: Style(.accent, bold: true))
        buffer.textField(note, row: row, col: area.col + 7, width: area.cols - 8)
    }
}

/// History's `b`: the break being typed, above the key bar.
enum BreakEditorView: View {
    static func draw(_ editor: LineEditor, in area: Rect, into buffer: inout ScreenBuffer) {
        let row = area.bottom - 2
        buffer.fill(row: row, col: area.col, width: area.cols)
        buffer.put("Break:", row: row, col: area.col + 1, style: Style(.accent, bold: true))
        buffer.textField(editor, row: row, col: area.col + 8, width: area.cols - 9)
    }
}

/// History's `e`: a session's minutes and note, above the key bar, the problem under them.
enum EntryFormView: View {
    static func draw(_ form: JournalEntryForm, in area: Rect, into buffer: inout ScreenBuffer) {
        let row = area.bottom - 3
        let cols = area.cols
        buffer.fill(row: row - 1, col: 0, width: cols)  // a blank row above: nothing runs into it
        buffer.fill(row: row, col: 0, width: cols)
        buffer.fill(row: row + 1, col: 0, width: cols)
        buffer.put("Session of \(form.entry.day)  minutes:", row: row, col: 1, style: Style(.accent, bold: true))
        let minutesCol = 1 + DisplayWidth.of("Session of \(form.entry.day)  minutes: ")
        var minutesField = ScreenBuffer(size: Size(rows: 1, cols: 6))
        minutesField.textField(form.minutes, row: 0, col: 0, width: 6)
        buffer.put(minutesField.line(0), row: row, col: minutesCol, width: 6, style: Style(.normal, underline: true))
        buffer.restyle(row: row, col: minutesCol, width: 6) { $0.underline = true }
        buffer.put("note:", row: row, col: minutesCol + 8, style: Style(.accent, bold: true))
        buffer.textField(form.note, row: row, col: minutesCol + 14, width: cols - minutesCol - 15, focused: form.editingNote)
        if !form.editingNote { buffer.cursor = Position(row: row, col: minutesCol + (minutesField.cursor?.col ?? 0)) }
        if let problem = form.problem { buffer.put("✗ " + problem, row: row + 1, col: 1, style: Style(.bad, bold: true)) }
    }
}

/// Below 60×16 the layouts break, so one line asks for more room instead.
enum TooSmallView: View {
    static func draw(_ need: Size, in area: Rect, into buffer: inout ScreenBuffer) {
        let text = "Enlarge the window to \(need.cols)×\(need.rows) (now \(area.cols)×\(area.rows))"
        let shown = DisplayWidth.truncate(text, to: area.cols)
        let col = max(0, (area.cols - DisplayWidth.of(shown)) / 2)
        buffer.put(shown, row: area.rows / 2, col: col, style: Style(.accent, bold: true))
    }
}

/// Today's `f` after a session on several items: how its minutes are shared, one row an
/// item above the key bar, the minutes credited to none under them.
enum SessionSplitView: View {
    static func draw(_ model: (split: SessionSplit, titles: [String]), in area: Rect, into buffer: inout ScreenBuffer) {
        let split = model.split
        let rows = split.items.count + 2
        let top = max(area.row, area.bottom - 1 - rows)
        let width = area.cols - 2
        var row = top
        buffer.fill(row: row, col: area.col, width: area.cols)
        buffer.put("Share the \(MinutesText.short(split.minutes)) session among its items:", row: row, col: area.col + 1,
                   width: width, style: Style(.accent, bold: true))
        row += 1
        for (index, title) in model.titles.enumerated() where row < area.bottom - 1 {
            buffer.fill(row: row, col: area.col, width: area.cols)
            let selected = index == split.list.selected
            let minutes = MinutesText.short(split.shares[index])
            buffer.put(selected ? "▸" : " ", row: row, col: area.col + 1, style: Style(.accent, bold: true))
            buffer.put(title, row: row, col: area.col + 3, width: max(1, width - 10), style: Style(selected ? .normal : .dim))
            buffer.put(minutes, row: row, col: area.col + area.cols - 1 - DisplayWidth.of(minutes), style: Style(.normal, bold: selected))
            row += 1
        }
        guard row < area.bottom - 1 else { return }
        buffer.fill(row: row, col: area.col, width: area.cols)
        buffer.put("not credited to an item: \(MinutesText.short(split.unassigned))", row: row, col: area.col + 3,
                   width: width - 2, style: Style(.dim))
    }
}
