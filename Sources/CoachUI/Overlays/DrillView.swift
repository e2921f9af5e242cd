import CoachCore

/// An interview drill in a box over the screen: the question and what to cover, the
/// answer being written, then the rubric with the learner's ticks and the rating the
/// covered share suggests.
enum DrillView {
    static func draw(_ state: AppState, _ session: DrillSession, into buffer: inout ScreenBuffer) {
        guard let item = state.curriculum.item(id: session.itemID), item.drills.indices.contains(session.drill - 1) else { return }
        let drill = item.drills[session.drill - 1]
        let size = buffer.size
        let rect = Rect.centered(in: Size(rows: size.rows - 1, cols: size.cols), rows: size.rows - 3,
                                 cols: min(size.cols - 4, 100), margin: 1)
        for row in rect.row..<(rect.row + rect.rows) { buffer.fill(row: row, col: rect.col, width: rect.cols) }
        let kind = drill.kind == .star ? "Behavioural (STAR)" : "Case study"
        buffer.box(rect, title: "Drill · \(kind) · \(item.title)")
        let inner = rect.cols - 4
        let col = rect.col + 2
        var row = rect.row + 1
        let last = rect.row + rect.rows - 2

        func line(_ text: String, _ style: Style) {
            guard row <= last else { return }
            buffer.put(text, row: row, col: col, width: inner, style: style)
            row += 1
        }

        for text in TextWrap.wrap(drill.question, width: inner) { line(text, Style(.heading, bold: true)) }
        for text in TextWrap.wrap(drill.kind.instruction, width: inner) { line(text, Style(.dim)) }
        row += 1
        guard session.revealed else {
            line("Your answer (Enter shows the rubric):", Style(.accent, bold: true))
            if row <= last {
                buffer.textField(session.answer, row: row, col: col, width: inner, style: Style(.normal, underline: true))
            }
            return
        }
        line("Your answer:", Style(.accent, bold: true))
        for text in TextWrap.wrap(session.answer.text, width: inner).prefix(3) { line(text, .plain) }
        row += 1
        line("Tick what your answer covered (Space):", Style(.accent, bold: true))
        for (index, entry) in drill.rubric.enumerated() {
            let mark = session.ticks.contains(index + 1) ? "[x] " : "[ ] "
            let style = index == session.cursor ? Style(.selection, bold: true) : Style.plain
            let wrapped = TextWrap.wrap(entry, width: inner - 4)
            for (part, text) in wrapped.enumerated() {
                guard row <= last else { break }
                buffer.put((part == 0 ? mark : "    ") + text, row: row, col: col, width: inner, style: style)
                row += 1
            }
        }
        let share = DrillRubric.share(covered: session.ticks.sorted(), of: drill)
        let suggested = DrillRubric.suggestedRating(share: share)
        row += 1
        line("Covered \(session.ticks.count) of \(drill.rubric.count) (\(Int((share * 100).rounded()))%): suggests \(suggested.rawValue) \(suggested.name)",
             Style(.accent))
    }
}
