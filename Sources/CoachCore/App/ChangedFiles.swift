/// Files changed by another program (an editor, a sync tool) while Coach runs: Coach
/// takes them in when it has nothing unsaved in them, and asks when it has.
extension AppState {
    /// Puts a document read back from disk in place of the one in memory.
    mutating func takeIn(_ reloaded: DocumentValue) -> [Effect] {
        let kind = reloaded.kind
        replaceDocument(with: reloaded)
        modals.removeAll { $0 == .fileConflict(kind) }
        message = "\(kind.fileName) was changed by another program: Coach now shows it as it is on disk"
        return []
    }

    /// A save was refused because another program changed the file since Coach read
    /// it: ask which to keep.
    mutating func noteConflict(_ kind: DocumentKind) -> [Effect] {
        if fileConflict == nil { open(.fileConflict(kind)) }
        return []
    }

    /// A changed file could not be read back (half-way through an edit, say): it is left
    /// alone, and the learner is asked again, with the reason.
    mutating func noteReloadFailure(_ kind: DocumentKind, _ reason: String) -> [Effect] {
        _ = noteConflict(kind)
        message = reason
        return []
    }

    /// A save failed for another reason (a full disk, a folder made read-only): say so;
    /// the shell retries with the next change and at quit.
    mutating func noteSaveFailure(_ reason: String) -> [Effect] {
        guard fileConflict == nil else { return [] }
        message = "Not saved: \(reason). Coach retries with the next change and at quit."
        return []
    }

    /// `r` takes the file as it is on disk (the change made here is dropped); `o` writes
    /// the one here over it.
    mutating func resolveConflict(keepMine: Bool) -> [Effect] {
        guard let kind = fileConflict else { return [] }
        modals.removeAll { $0 == .fileConflict(kind) }
        return [keepMine ? .overwrite(kind) : .reload(kind)]
    }
}
