import CoachCore

/// The add/edit form: one line per field, the problem beside any invalid field.
enum IdeaFormView: View {
    /// A box centred in the window `area`.
    static func draw(_ form: IdeaForm, in area: Rect, into buffer: inout ScreenBuffer) {
        let size = Size(rows: area.rows, cols: area.cols)
        let fields = IdeaForm.fields
        let rect = Rect.centered(in: size, rows: fields.count + 5, cols: 140, margin: 1)
        buffer.box(rect, title: form.editing == nil ? "New idea" : "Edit idea")
        let labelWidth = 18
        let inner = rect.cols - 4
        // The fields grow with the window; the rule or the problem beside the focused
        // field keeps about 40 columns (the footer repeats a problem whole).
        let fieldWidth = max(min(30, inner - labelWidth - 2), inner - labelWidth - 2 - 42)
        var cursorRow: Int?
        for (offset, field) in fields.enumerated() {
            let row = rect.row + 1 + offset
            guard row < rect.row + rect.rows - 3 else { break }
            let focused = field == form.focus
            buffer.put(field.label, row: row, col: rect.col + 2, width: labelWidth - 1,
                       style: Style(focused ? .accent : .normal, bold: focused))
            let col = rect.col + 2 + labelWidth
            let editor = form.editor(field)
            if IdeaForm.scaleFields.contains(field) {
                buffer.put("‹ \(editor.text) ›", row: row, col: col, width: fieldWidth,
                           style: Style(.normal, bold: focused, underline: focused))
            } else {
                var shown = ScreenBuffer(size: Size(rows: 1, cols: fieldWidth))
                shown.textField(editor, row: 0, col: 0, width: fieldWidth, focused: focused)
                buffer.put(shown.line(0), row: row, col: col, width: fieldWidth, style: Style(.normal, underline: true))
                buffer.restyle(row: row, col: col, width: fieldWidth) { $0.underline = true }
                if focused { cursorRow = row; buffer.cursor = Position(row: row, col: col + (shown.cursor?.col ?? 0)) }
            }
            if let problem = form.problems[field] {
                buffer.put("✗ " + problem, row: row, col: col + fieldWidth + 2, width: inner - labelWidth - fieldWidth - 2,
                           style: Style(.bad))
            } else if focused {
                buffer.put(field == .items ? IdeaForm.itemsHint : field.rule, row: row, col: col + fieldWidth + 2, width: inner - labelWidth - fieldWidth - 2,
                           style: Style(.dim))
            }
        }
        if cursorRow == nil { buffer.cursor = nil }
        let footer = rect.row + rect.rows - 2
        if form.confirmingDiscard {
            buffer.put("Drop what you typed? y/n", row: footer, col: rect.col + 2, style: Style(.bad, bold: true))
            buffer.cursor = nil
        } else if let problem = form.problems[form.focus] ?? IdeaForm.fields.lazy.compactMap({ form.problems[$0] }).first,
                  let field = IdeaForm.fields.first(where: { form.problems[$0] == problem }) {
            // The whole message of the field in question; beside the field it may be cut.
            buffer.put("✗ \(field.label): \(problem)", row: footer, col: rect.col + 2, width: inner, style: Style(.bad, bold: true))
        } else if case .success(let fields) = IdeaValidation.validate(form.draft) {
            let score = RICE.score(reach: fields.reach, impact: fields.impact, confidence: fields.confidence, totalEffort: fields.totalEffort)
            buffer.put("Score \(NumberText.rounded(score)) · Enter saves", row: footer, col: rect.col + 2, style: Style(.good, bold: true))
        } else {
            buffer.put("Enter saves once every field is valid", row: footer, col: rect.col + 2, style: Style(.dim))
        }
    }
}
