import FoundationEssentials

/// The text fields of the Tracks screen: the search box and the item detail's editor
/// (note, proof of work).
extension AppState {
    mutating func reduceSearch(_ action: Action) -> [Effect] {
        guard var search = modal?.search else { return [] }
        switch action {
        case .close:
            closeModal()
            return []
        case .edit(let edit):
            search.editor.apply(edit)
            search.hits = searchIndex?.search(search.editor.text) ?? []
            search.list = ListCursor()
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
            search.list.apply(action, count: search.hits.count, page: SearchLayout.listRows(viewport))
        case .confirm, .open:
            guard search.hits.indices.contains(search.list.selected) else { return [] }
            closeModal()
            jump(to: search.hits[search.list.selected])
            return []
        default:
            return []
        }
        search.list.keepVisible(height: SearchLayout.listRows(viewport), total: search.hits.count)
        replaceModal(.search(search))
        return []
    }

    /// `/` on Tracks, Today and History: the curriculum's search box.
    mutating func openSearch() {
        if searchIndex == nil { searchIndex = CurriculumSearch(curriculum) }
        open(.search(SearchState()))
    }

    /// Selects a search hit's track (and item) on the Tracks screen, from any screen.
    mutating func jump(to hit: CurriculumSearch.Hit) {
        screen = .tracks
        selectTrack(hit.track)
        tracksCursor.itemList.selected = hit.item ?? 0
        tracksCursor.pane = hit.item == nil ? .tracks : .items
        modals.removeAll()
        keepSelectionVisible()
    }

    mutating func reduceItemEditor(_ action: Action, now: Date) -> [Effect] {
        guard var editor = modal?.itemEditor, let id = openDetail?.itemID else {
            closeModal()
            return []
        }
        let title = curriculum.item(id: id)?.title ?? id
        switch action {
        case .close:
            closeModal()
            message = editor.field == .proof ? "Proof of work not changed" : "Estimate not changed"
            return []
        case .edit(let edit):
            editor.line.apply(edit)
            editor.problem = nil
            replaceModal(.itemEditor(editor))
            return []
        case .confirm, .open:
            let before = progress.items[id]
            let label: String
            switch editor.field {
            case .proof:
                switch ProofLinks.parse(editor.line.text) {
                case .failure(let problem):
                    // The text stays, so the learner can mend it.
                    editor.problem = problem.message
                    replaceModal(.itemEditor(editor))
                    return []
                case .success(let links):
                    // Whether each is an address or a path that exists is the shell's to
                    // find out; it answers with `.linksChecked`.
                    editor.problem = nil
                    replaceModal(.itemEditor(editor))
                    return [.checkLinks(links)]
                }
            case .estimate:
                let text = editor.line.text.trimmingWhitespace()
                var minutes: Int?
                if !text.isEmpty {
                    switch ItemTime.parseEstimate(text) {
                    case .failure(let problem):
                        message = problem.message
                        return []
                    case .success(let value): minutes = value
                    }
                }
                closeModal()
                guard updateProgress(of: id, { $0.setEstimate(minutes, of: id, at: now) }) else { return [] }
                label = "estimate of \(title)"
                let shipped = curriculum.item(id: id).map { MinutesText.short($0.minutes) } ?? "?"
                message = minutes.map { "Your estimate: \(MinutesText.short($0)) (shipped: \(shipped))" }
                    ?? "Estimate back to the shipped \(shipped)"
            }
            undo.record(UndoStep(label: label, change: .progress(itemID: id, before: before)))
            return [.save(.progress)]
        case .linksChecked(let check):
            return saveProof(check, editor: editor, itemID: id, title: title, now: now)
        default:
            return []
        }
    }

    /// The shell's answer about the links typed: saved when every one is usable, else the
    /// editor stays open with the refusal beside the field.
    mutating func saveProof(_ check: LinkCheck, editor: ItemTextEditor, itemID id: String, title: String,
                            now: Date) -> [Effect] {
        var editor = editor
        guard editor.field == .proof, case .success(let links) = ProofLinks.parse(editor.line.text), links == check.links
        else { return [] }  // an answer about text that has changed since
        let before = progress.items[id]
        if let refusal = ProofLinks.refusal(of: links, check: check, kept: before?.proof ?? []) {
            editor.problem = refusal.message
            replaceModal(.itemEditor(editor))
            return []
        }
        closeModal()
        guard updateProgress(of: id, { $0.setProof(links, of: id, at: now) }) else { return [] }
        message = links.isEmpty ? "Proof of work removed" : "Proof of work saved: \(links.count) link\(links.count == 1 ? "" : "s")"
        undo.record(UndoStep(label: "proof of work on \(title)", change: .progress(itemID: id, before: before)))
        return [.save(.progress)]
    }
}

/// The item detail's one-line editor of the proof-of-work links (the note has its
/// own, of several lines: `NoteEditor`).
public struct ItemTextEditor: Equatable, Sendable {
    public enum Field: Equatable, Sendable {
        case proof, estimate
    }

    public var field: Field
    public var line: LineEditor
    /// Why the links typed were refused, shown beside the field until they are mended.
    public var problem: String?

    /// Starts with what the item has now: the links are edited as one line.
    init(_ field: Field, of entry: ItemProgress?) {
        self.field = field
        switch field {
        case .proof: line = LineEditor((entry?.proof ?? []).joined(separator: ", "))
        case .estimate: line = LineEditor(entry?.estimate.map { "\($0)" } ?? "")
        }
    }
}

/// Geometry of the search box, shared by the engine (paging) and the view.
public enum SearchLayout {
    /// Rows of results the box shows: the window less the box frame, query line and key bar.
    public static func listRows(_ viewport: Size) -> Int {
        max(1, viewport.rows - 7)
    }
}

extension AppState {
    /// The answer to "drop what was typed? y/n" that a text modal asks on Esc: y closes
    /// it and says `dropped`, n goes back to the text as `resume` gives it; other keys
    /// wait for the answer.
    mutating func answerDiscard(_ action: Action, dropped: String, resume: () -> Modal) {
        switch action {
        case .answer(true):
            closeModal()
            message = dropped
        case .answer(false):
            replaceModal(resume())
        default:
            break
        }
    }
}
