/// Undo (`u`) and redo (`Ctrl-R`): each puts one recorded step into effect and keeps the
/// step that reverses it on the other stack, so redo says what undo said.
extension AppState {
    mutating func undoLastStep() -> [Effect] {
        guard let step = undo.pop() else {
            message = "Nothing to undo"
            return []
        }
        message = "Undid: \(step.label)"
        let (reverse, effects) = apply(step)
        undo.recordRedo(reverse)
        return effects
    }

    mutating func redoLastStep() -> [Effect] {
        guard let step = undo.popRedo() else {
            message = "Nothing to redo"
            return []
        }
        message = "Redid: \(step.label)"
        let (reverse, effects) = apply(step)
        undo.recordRedone(reverse)
        return effects
    }

    /// Puts `step` into effect; returns the step that takes it back, under the same label.
    private mutating func apply(_ step: UndoStep) -> (reverse: UndoStep, effects: [Effect]) {
        func reverse(_ change: UndoStep.Change) -> UndoStep { UndoStep(label: step.label, change: change) }
        switch step.change {
        case .progress(let id, let before):
            let now = progress.items[id]
            updateProgress(of: id) { book in
                book.items[id] = before
                return true
            }
            return (reverse(.progress(itemID: id, before: now)), [.save(.progress)])
        case .settings(let before):
            let now = settings
            let goal = settings.dailyGoalMinutes
            updateSettings { $0 = before }
            guard goal != before.dailyGoalMinutes else { return (reverse(.settings(before: now)), [.save(.settings)]) }
            // The goal's history follows the goal.
            let day = study.today
            study.changeJournal { $0.goals.change(from: goal, to: before.dailyGoalMinutes, on: day) }
            return (reverse(.settings(before: now)), [.save(.settings), .save(.journal)])
        case .journalEntry(let entry):
            let now = study.journal.entry(id: entry.id)
            study.changeJournal { journal in
                if journal.entry(id: entry.id) == nil { _ = journal.restore(entry) } else { _ = journal.edit(entry) }
            }
            screen = .history
            return (reverse(now.map { .journalEntry($0) } ?? .journalEntryAbsent(entry)), [.save(.journal)])
        case .journalEntryAbsent(let entry):
            var removed: JournalEntry?
            study.changeJournal { removed = $0.delete(id: entry.id) }
            screen = .history
            keepJournalVisible()
            return (reverse(.journalEntry(removed ?? entry)), [.save(.journal)])
        case .review(let id, let before):
            let now = study.reviews.history(of: id)
            study.changeReviews { $0.restore(before, of: id) }
            screen = .today
            return (reverse(.review(itemID: id, before: now)), [.save(.reviews)])
        case .card(let before, let entry, let answer):
            let now = study.reviews.cards[entry.cardID]
            undoCardRating(before: before, entry: entry, answer: answer)
            return (reverse(.cardRating(after: now, entry: entry, answer: answer)), [.save(.reviews)])
        case .cardRating(let after, let entry, let answer):
            let now = study.reviews.cards[entry.cardID]
            redoCardRating(after: after, entry: entry)
            return (reverse(.card(before: now, entry: entry, answer: answer)), [.save(.reviews)])
        case .drillAttempt(let attempt):
            study.changeReviews { $0.remove(attempt) }
            screen = .today
            return (reverse(.drillAttemptTakenBack(attempt)), [.save(.reviews)])
        case .drillAttemptTakenBack(let attempt):
            study.changeReviews { $0.record(attempt) }
            screen = .today
            return (reverse(.drillAttempt(attempt)), [.save(.reviews)])
        case .idea(let id, let before):
            let now = backlog[id]
            restoreIdea(id, to: before)
            screen = .backlog
            if backlogScreen.isFiltered {
                backlogScreen.query = ""
                backlogScreen.order.status = nil
                refreshBacklogRows()
            }
            follow(id)
            return (reverse(.idea(id: id, before: now)), [.save(.backlog)])
        }
    }

    /// Redo of a card's rating: the card as the rating left it, the rating back in the
    /// journal, and the card session (if it shows that card again) moved past it.
    private mutating func redoCardRating(after: Card?, entry: CardReviewEntry) {
        study.changeReviews { $0.reapply(card: entry.cardID, to: after, adding: entry) }
        screen = .today
        guard case .cardReview(let session) = modal, session.itemID == entry.itemID,
              CardID.promptNumber(of: entry.cardID) == session.card else { return }
        if let next = session.next(at: study.now) { replaceModal(.cardReview(next)) } else { closeModal() }
    }
}
