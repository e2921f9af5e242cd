/// What one document holds, as the engine keeps it: the value a save writes and a
/// read back hands in. The one place that knows where each document lives in the state.
public enum DocumentValue: Equatable, Sendable {
    case progress(ProgressBook)
    case settings(Settings)
    case backlog(Backlog)
    case journal(Journal)
    case reviews(ReviewBook)
    /// nil: no session under way (the file is removed).
    case session(SessionTimer?)

    public var kind: DocumentKind {
        switch self {
        case .progress: .progress
        case .settings: .settings
        case .backlog: .backlog
        case .journal: .journal
        case .reviews: .reviews
        case .session: .session
        }
    }
}

extension AppState {
    /// The document as it is in memory now: what `.save(kind)` writes.
    public func document(_ kind: DocumentKind) -> DocumentValue {
        switch kind {
        case .progress: .progress(progress)
        case .settings: .settings(settings)
        case .backlog: .backlog(backlog)
        case .journal: .journal(study.journal)
        case .reviews: .reviews(study.reviews)
        case .session: .session(study.timer)
        }
    }

    /// Puts `value` in place of the document in memory. Undo steps about that document
    /// go: they describe it as it was before.
    mutating func replaceDocument(with value: DocumentValue) {
        switch value {
        case .progress(let book):
            replaceProgress(book)
            undo.removeSteps { if case .progress = $0 { true } else { false } }
        case .settings(let new):
            updateSettings { $0 = new }
            undo.removeSteps { if case .settings = $0 { true } else { false } }
        case .backlog(let ideas):
            replaceBacklog(ideas)
            undo.removeSteps { if case .idea = $0 { true } else { false } }
        case .journal(let journal):
            study.changeJournal { $0 = journal }
            modals.removeAll { if case .deleteEntry = $0 { true } else { $0.entryForm != nil } }
            undo.removeSteps {
                switch $0 {
                case .journalEntry, .journalEntryAbsent: true
                default: false
                }
            }
        case .reviews(let reviews):
            study.changeReviews { $0 = reviews }
            undo.removeSteps {
                switch $0 {
                case .review, .card, .cardRating, .drillAttempt, .drillAttemptTakenBack: true
                default: false
                }
            }
        case .session(let timer):
            study.changeTimer { $0 = timer }
        }
    }
}
