import FoundationEssentials
import Glibc

/// An interview drill answered in place: the learner writes, then sees the rubric and
/// ticks what the answer covered; the covered share suggests the rating.
public struct DrillSession: Equatable, Sendable {
    public var itemID: String
    /// 1-based.
    public var drill: Int
    /// The answer, written here or in `$EDITOR` (Ctrl-X).
    public var answer: TextEditor
    /// True once the answer is in and the rubric shows.
    public var revealed: Bool
    /// Esc was pressed with an answer written: "drop it? y/n" is asked.
    public var confirmingDiscard = false
    /// 1-based rubric entries ticked as covered.
    public var ticks: Set<Int>
    /// The rubric entry Space ticks (0-based).
    public var cursor: Int

    public init(itemID: String, drill: Int, answer: TextEditor = TextEditor(), revealed: Bool = false,
                ticks: Set<Int> = [], cursor: Int = 0) {
        self.itemID = itemID
        self.drill = drill
        self.answer = answer
        self.revealed = revealed
        self.ticks = ticks
        self.cursor = cursor
    }
}

extension AppState {
    /// `w` on an item with drills: the drill answered least often (the first of those).
    mutating func startDrill() -> [Effect] {
        guard let id = openDetail?.itemID ?? selectedPlanEntry?.itemID, let item = curriculum.item(id: id),
              !item.drills.isEmpty
        else {
            message = "No interview drill here: drills are on the interview items (coach drill lists them)"
            return []
        }
        let counts = item.drills.indices.map { study.reviews.attempts(itemID: id, drill: $0 + 1).count }
        let number = (counts.indices.min { counts[$0] < counts[$1] } ?? 0) + 1
        open(.drill(DrillSession(itemID: id, drill: number)))
        return []
    }

    mutating func reduceDrill(_ action: Action, session: DrillSession) -> [Effect] {
        var session = session
        guard let item = curriculum.item(id: session.itemID), item.drills.indices.contains(session.drill - 1) else {
            closeModal()
            return []
        }
        let drill = item.drills[session.drill - 1]
        if session.confirmingDiscard {
            session.confirmingDiscard = false
            answerDiscard(action, dropped: "Drill left: the answer was dropped, nothing kept") { .drill(session) }
            return []
        }
        switch action {
        case .close:
            // A written answer is not dropped without asking.
            guard session.answer.isBlank else {
                session.confirmingDiscard = true
                break
            }
            closeModal()
            return []
        case .edit(let edit) where !session.revealed:
            session.answer.apply(edit)
        case .editExternally where !session.revealed:
            return [.editText(ExternalEdit(.drillAnswer(itemID: session.itemID, drill: session.drill),
                                           text: session.answer.text))]
        case .confirm where !session.revealed:
            guard !session.answer.text.allSatisfy(\.isWhitespace) else {
                message = "Write your answer first (Esc leaves)"
                return []
            }
            session.revealed = true
        case .moveUp where session.revealed:
            session.cursor = max(0, session.cursor - 1)
        case .moveDown where session.revealed:
            session.cursor = min(drill.rubric.count - 1, session.cursor + 1)
        case .toggleTick where session.revealed:
            let number = session.cursor + 1
            if session.ticks.remove(number) == nil { session.ticks.insert(number) }
        case .confirm where session.revealed:
            return finishDrill(session, drill: drill, rating: nil)
        case .rateCard(let rating) where session.revealed:
            return finishDrill(session, drill: drill, rating: rating)
        default:
            return []
        }
        replaceModal(.drill(session))
        return []
    }

    private mutating func finishDrill(_ session: DrillSession, drill: Drill, rating: CardRating?) -> [Effect] {
        let covered = session.ticks.sorted()
        let share = DrillRubric.share(covered: covered, of: drill)
        let chosen = rating ?? DrillRubric.suggestedRating(share: share)
        let text = session.answer.text.trimmingWhitespaceAndNewlines()
        let attempt = DrillAttempt(day: study.today, itemID: session.itemID, drill: session.drill, answer: text,
                                   covered: covered, rating: chosen)
        study.changeReviews { $0.record(attempt) }
        let title = curriculum.item(id: session.itemID)?.title ?? session.itemID
        undo.record(UndoStep(label: "drill attempt on \(title) (drill \(session.drill), \(chosen.name))",
                             change: .drillAttempt(attempt)))
        closeModal()
        message = "Drill kept: covered \(covered.count) of \(drill.rubric.count) (\(Int((share * 100).rounded()))%), \(chosen.name); u undoes"
        return [.save(.reviews)]
    }
}
