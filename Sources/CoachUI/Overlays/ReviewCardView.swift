import CoachCore

/// A card under review on Today: the question, the answer being typed, and once
/// revealed the key points beneath it, in a box over the plan.
enum ReviewCardView {
    static func draw(_ state: AppState, _ session: CardSession, into buffer: inout ScreenBuffer) {
        guard let item = state.curriculum.item(id: session.itemID),
              item.prompts.indices.contains(session.card - 1)
        else { return }
        let prompt = item.prompts[session.card - 1]
        var box = StudyBox(title: "Review \(session.position + 1) of \(session.cards.count) · \(item.title)", into: &buffer)
        let inner = box.inner
        box.line("Card \(session.card) of \(item.prompts.count)", Style(.dim), into: &buffer)
        for text in TextWrap.wrap(prompt.question, width: inner) { box.line(text, Style(.heading, bold: true), into: &buffer) }
        box.gap()
        box.line(session.revealed ? "Your answer:" : "Your answer (optional; Ctrl-D, or Enter on none, shows the key points):",
                 Style(.accent, bold: true), into: &buffer)
        if session.revealed {
            let answer = session.answer.text
            if answer.isEmpty {
                box.line("(none typed)", Style(.dim), into: &buffer)
            } else {
                box.written(answer, limit: 6, into: &buffer)
            }
            box.gap()
            box.line("Key points:", Style(.accent, bold: true), into: &buffer)
            for point in prompt.points {
                for (index, text) in TextWrap.wrap(point, width: inner - 2).enumerated() {
                    box.line((index == 0 ? "• " : "  ") + text, .plain, into: &buffer)
                }
            }
            box.gap()
            if session.confirmingDiscard {
                box.line("Drop the answer you typed and leave the cards for later? y/n", Style(.bad, bold: true), into: &buffer)
            } else {
                box.line("How well did you recall it?  1 again · 2 hard · 3 good · 4 easy", Style(.accent), into: &buffer)
            }
        } else {
            box.answer(session.answer, asking: session.confirmingDiscard ? "Drop the answer you typed? y/n" : nil, into: &buffer)
        }
    }
}
