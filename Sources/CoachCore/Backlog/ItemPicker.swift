/// The curriculum items an idea links to are picked, not typed from memory: typing on
/// the form's Items field opens this list over it, filtered by what is typed (the
/// curriculum search, titles first); ↑ ↓ choose, Enter links the chosen item and
/// leaves the list open for the next, Esc goes back to the form.
public struct ItemPicker: Equatable, Sendable {
    public var query: LineEditor
    /// Item matches only, titles before summaries and resources.
    public var hits: [CurriculumSearch.Hit] = []
    public var list = ListCursor()

    init(query: String) {
        self.query = LineEditor(query)
    }

    mutating func refresh(with index: CurriculumSearch) {
        let items = index.search(query.text).filter { $0.item != nil }
        hits = items.filter { $0.matched == "title" } + items.filter { $0.matched != "title" }
        list = ListCursor()
    }
}

extension IdeaForm {
    /// What the form says beside its focused Items field.
    public static let itemsHint = "type to pick items by title; Backspace unlinks the last"

    /// The ids in the Items field, in order.
    public var linkedItems: [String] { IdeaValidation.splitItems(editor(.items).text) }

    /// Adds `id` to the Items field; false when it is linked already.
    mutating func link(_ id: String, knownItems: Set<String>) -> Bool {
        let linked = linkedItems
        guard !linked.contains(id) else { return false }
        setItems(linked + [id], knownItems: knownItems)
        return true
    }

    /// Takes the last id off the Items field; the id taken, nil when there was none.
    mutating func unlinkLast(knownItems: Set<String>) -> String? {
        var linked = linkedItems
        guard let last = linked.popLast() else { return nil }
        setItems(linked, knownItems: knownItems)
        return last
    }
}

extension AppState {
    /// Typing on the Items field opens the picker with what was typed.
    mutating func openItemPicker(query: String) {
        if searchIndex == nil { searchIndex = CurriculumSearch(curriculum) }
        var picker = ItemPicker(query: query)
        if let searchIndex { picker.refresh(with: searchIndex) }
        open(.itemPicker(picker))
    }

    mutating func reduceItemPicker(_ action: Action, picker: ItemPicker) -> [Effect] {
        var picker = picker
        switch action {
        case .close:
            closeModal()
            return []
        case .edit(let edit):
            picker.query.apply(edit)
            if let searchIndex { picker.refresh(with: searchIndex) }
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
            picker.list.apply(action, count: picker.hits.count, page: SearchLayout.listRows(viewport))
        case .confirm, .open:
            guard picker.hits.indices.contains(picker.list.selected),
                  let index = picker.hits[picker.list.selected].item else { return [] }
            let item = curriculum.tracks[picker.hits[picker.list.selected].track].items[index]
            guard modals.count >= 2, var form = modals[modals.count - 2].ideaForm else { return [] }
            let known = knownItemIDs
            message = form.link(item.id, knownItems: known) ? "Linked \(item.title) (\(item.id))" : "Linked already: \(item.title)"
            modals[modals.count - 2] = .ideaForm(form)
        default:
            return []
        }
        picker.list.keepVisible(height: SearchLayout.listRows(viewport), total: picker.hits.count)
        replaceModal(.itemPicker(picker))
        return []
    }
}
