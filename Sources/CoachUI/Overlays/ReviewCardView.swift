import CoachCore

/// A card under review on Today: the question, the answer being typed, and once
/// revealed the key points beneath it, in a box over the plan.
enum ReviewCardView {
    static func draw(_ state: AppState, _ session: CardSession, into buffer: inout ScreenBuffer) {
        guard let item = state.curriculum.item(id: session.itemID),
              item.prompts.indices.contains(session.card - 1)
        else { return }
        let prompt = item.prompts[session.card - 1]
        let size = buffer.size
        let rect = Rect.centered(in: Size(rows: size.rows - 1, cols: size.cols), rows: size.rows - 3,
                                 cols: min(size.cols - 4, 100), margin: 1)
        for row in rect.row..<(rect.row + rect.rows) { buffer.fill(row: row, col: rect.col, width: rect.cols) }
        buffer.box(rect, title: "Review \(session.position + 1) of \(session.cards.count) · \(item.title)")
        let inner = rect.cols - 4
        let col = rect.col + 2
        var row = rect.row + 1
        let last = rect.row + rect.rows - 2

        func line(_ text: String, _ style: Style) {
            guard row <= last else { return }
            buffer.put(text, row: row, col: col, width: inner, style: style)
            row += 1
        }

        line("Card \(session.card) of \(item.prompts.count)", Style(.dim))
        for text in TextWrap.wrap(prompt.question, width: inner) { line(text, Style(.heading, bold: true)) }
        row += 1
        line(session.revealed ? "Your answer:" : "Your answer (optional; Enter shows the key points):", Style(.accent, bold: true))
        if session.revealed {
            let answer = session.answer.text
            if answer.isEmpty {
                line("(none typed)", Style(.dim))
            } else {
                for text in TextWrap.wrap(answer, width: inner).prefix(4) { line(text, .plain) }
            }
            row += 1
            line("Key points:", Style(.accent, bold: true))
            for point in prompt.points {
                for (index, text) in TextWrap.wrap(point, width: inner - 2).enumerated() {
                    line((index == 0 ? "• " : "  ") + text, .plain)
                }
            }
            row += 1
            line("How well did you recall it?  1 again · 2 hard · 3 good · 4 easy", Style(.accent))
        } else if row <= last {
            buffer.textField(session.answer, row: row, col: col, width: inner, style: Style(.normal, underline: true))
        }
    }
}
