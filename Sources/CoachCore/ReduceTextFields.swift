import Foundation

/// The two text fields of the Tracks screen: the search box and the note editor.
extension AppState {
    mutating func reduceSearch(_ action: Action) -> [Effect] {
        guard var search else { return [] }
        switch action {
        case .close:
            self.search = nil
            return []
        case .edit(let edit):
            search.editor.apply(edit)
            search.hits = searchIndex?.search(search.editor.text) ?? []
            search.selected = 0
            search.scroll = 0
        case .moveUp: search.selected = max(0, search.selected - 1)
        case .moveDown: search.selected = min(max(0, search.hits.count - 1), search.selected + 1)
        case .pageUp: search.selected = max(0, search.selected - SearchLayout.listRows(viewport))
        case .pageDown: search.selected = min(max(0, search.hits.count - 1), search.selected + SearchLayout.listRows(viewport))
        case .confirm, .open:
            guard search.hits.indices.contains(search.selected) else { return [] }
            jump(to: search.hits[search.selected])
            self.search = nil
            return []
        default:
            return []
        }
        search.scroll = TracksLayout.scroll(search.scroll, toShow: search.selected,
                                            height: SearchLayout.listRows(viewport), total: search.hits.count)
        self.search = search
        return []
    }

    /// Selects a search hit's track (and item) on the Tracks screen.
    mutating func jump(to hit: CurriculumSearch.Hit) {
        tracks.track = hit.track
        if let item = hit.item {
            tracks.item = item
            tracks.pane = .items
        } else {
            tracks.item = 0
            tracks.pane = .tracks
        }
        overlay = nil
        keepSelectionVisible()
    }

    mutating func reduceNoteEditor(_ action: Action, now: Date) -> [Effect] {
        guard var editor = noteEditor, case .detail(let id, _) = overlay else {
            noteEditor = nil
            return []
        }
        switch action {
        case .close:
            noteEditor = nil
            message = "Note not changed"
            return []
        case .edit(let edit):
            editor.apply(edit)
            noteEditor = editor
            return []
        case .confirm, .open:
            noteEditor = nil
            let before = progress.items[id]
            guard updateProgress(of: id, { $0.setNote(editor.text, of: id, at: now) }) else { return [] }
            let title = curriculum.item(id: id)?.title ?? id
            undo.record(UndoStep(label: "note on \(title)", change: .progress(itemID: id, before: before)))
            message = "Note saved"
            return [.saveProgress]
        default:
            return []
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
