/// One of the learner's files, as the engine names it.
public enum Document: String, CaseIterable, Sendable {
    case progress, settings, backlog, journal, reviews

    public var fileName: String { rawValue + ".json" }

    /// The save that writes this document.
    public var save: Effect {
        switch self {
        case .progress: .saveProgress
        case .settings: .saveSettings
        case .backlog: .saveBacklog
        case .journal: .saveJournal
        case .reviews: .saveReviews
        }
    }
}

/// A document as another program left it on disk, read back by the shell.
public enum ReloadedDocument: Equatable, Sendable {
    case progress(ProgressBook)
    case settings(Settings)
    case backlog(Backlog)
    case journal(Journal)
    case reviews(ReviewBook)

    public var document: Document {
        switch self {
        case .progress: .progress
        case .settings: .settings
        case .backlog: .backlog
        case .journal: .journal
        case .reviews: .reviews
        }
    }
}

/// Files changed by another program (an editor, a sync tool) while Coach runs: Coach
/// takes them in when it has nothing unsaved in them, and asks when it has.
extension AppState {
    /// Puts a document read back from disk in place of the one in memory. Undo steps
    /// about that document go: they describe the file as it was before.
    mutating func takeIn(_ reloaded: ReloadedDocument) -> [Effect] {
        let document = reloaded.document
        switch reloaded {
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
            undo.removeSteps { if case .journalEntry = $0 { true } else { false } }
        case .reviews(let reviews):
            study.changeReviews { $0 = reviews }
            undo.removeSteps { if case .review = $0 { true } else { false } }
        }
        modals.removeAll { $0 == .fileConflict(document) }
        message = "\(document.fileName) was changed by another program: Coach now shows it as it is on disk"
        return []
    }

    /// A save was refused because another program changed the file since Coach read
    /// it: ask which to keep.
    mutating func noteConflict(_ document: Document) -> [Effect] {
        if fileConflict == nil { open(.fileConflict(document)) }
        return []
    }

    /// `r` takes the file as it is on disk (the change made here is dropped); `o` writes
    /// the one here over it.
    mutating func resolveConflict(keepMine: Bool) -> [Effect] {
        guard let document = fileConflict else { return [] }
        modals.removeAll { $0 == .fileConflict(document) }
        return [keepMine ? .overwrite(document) : .reload(document)]
    }
}
