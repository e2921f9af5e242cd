import CoachCore

/// An interview drill in a box over the screen: the question and what to cover, the
/// answer being written, then the rubric with the learner's ticks and the rating the
/// covered share suggests.
enum DrillView {
    static func draw(_ state: AppState, _ session: DrillSession, into buffer: inout ScreenBuffer) {
        guard let item = state.curriculum.item(id: session.itemID), item.drills.indices.contains(session.drill - 1) else { return }
        let drill = item.drills[session.drill - 1]
        let kind = drill.kind == .star ? "Behavioural (STAR)" : "Case study"
        var box = StudyBox(title: "Drill · \(kind) · \(item.title)", into: &buffer)
        let inner = box.inner
        for text in TextWrap.wrap(drill.question, width: inner) { box.line(text, Style(.heading, bold: true), into: &buffer) }
        for text in TextWrap.wrap(drill.kind.instruction, width: inner) { box.line(text, Style(.dim), into: &buffer) }
        box.gap()
        guard session.revealed else {
            box.line("Your answer (Ctrl-D shows the rubric, Ctrl-X writes it in $EDITOR):", Style(.accent, bold: true), into: &buffer)
            box.answer(session.answer, asking: session.confirmingDiscard ? "Drop the answer you wrote? y/n" : nil, into: &buffer)
            return
        }
        box.line("Your answer:", Style(.accent, bold: true), into: &buffer)
        box.written(session.answer.text, limit: 4, into: &buffer)
        box.gap()
        box.line("Tick what your answer covered (Space):", Style(.accent, bold: true), into: &buffer)
        for (index, entry) in drill.rubric.enumerated() {
            let mark = session.ticks.contains(index + 1) ? "[x] " : "[ ] "
            let style = index == session.cursor ? Style(.selection, bold: true) : Style.plain
            let wrapped = TextWrap.wrap(entry, width: inner - 4)
            for (part, text) in wrapped.enumerated() {
                box.line((part == 0 ? mark : "    ") + text, style, into: &buffer)
            }
        }
        let share = DrillRubric.share(covered: session.ticks.sorted(), of: drill)
        let suggested = DrillRubric.suggestedRating(share: share)
        box.gap()
        if session.confirmingDiscard {
            box.line("Drop the answer you wrote and leave the drill? y/n", Style(.bad, bold: true), into: &buffer)
            return
        }
        box.line("Covered \(session.ticks.count) of \(drill.rubric.count) (\(Int((share * 100).rounded()))%): suggests \(suggested.rawValue) \(suggested.name)",
                 Style(.accent), into: &buffer)
    }
}
