import FoundationEssentials

/// Screen 3: the RICE backlog — moving through the ranking, the add/edit form, delete
/// with y/n, status cycling and the `/` filter.
extension AppState {
    /// The ideas shown, in rank order: the filter's matches, or every idea.
    public var backlogRows: BacklogRows {
        BacklogRows(backlog: backlog, filtered: backlogScreen.filtered)
    }

    public var selectedIdea: Idea? {
        let rows = backlogRows
        return rows.indices.contains(backlogScreen.list.selected) ? rows[backlogScreen.list.selected] : nil
    }

    mutating func reduceBacklog(_ action: Action, now: Date) -> [Effect] {
        let count = backlogRows.count
        let page = BacklogLayout.listRows(viewport)
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
            backlogScreen.list.apply(action, count: count, page: page)
        case .addIdea:
            open(.ideaForm(IdeaForm(editing: nil, knownItems: knownItemIDs)))
        case .editIdea, .open:
            guard let idea = selectedIdea else { message = "No idea selected: a adds one"; return [] }
            open(.ideaForm(IdeaForm(editing: idea, knownItems: knownItemIDs)))
        case .deleteIdea:
            guard let idea = selectedIdea else { return [] }
            open(.deleteIdea(id: idea.id))
        case .cycleIdeaStatus:
            guard let idea = selectedIdea else { return [] }
            var next = idea.status
            updateBacklog("\(idea.title): status", idea: idea.id) { next = $0.cycleStatus(of: idea.id, now: now)?.status ?? next }
            message = "\(idea.title): \(next.rawValue)"
            follow(idea.id)
            return [.save(.backlog)]
        case .openSearch:
            open(.backlogFilter(LineEditor(backlogScreen.query)))
        case .cycleBacklogSort:
            let id = selectedIdea?.id
            backlogScreen.order.sort = backlogScreen.order.sort.next
            refreshBacklogRows()
            if let id { follow(id) }
            message = "Sorted by \(backlogScreen.order.sort.label)"
        case .cycleBacklogStatus:
            let id = selectedIdea?.id
            backlogScreen.order.status = BacklogOrder.nextStatus(after: backlogScreen.order.status)
            refreshBacklogRows()
            backlogScreen.list.selected = 0
            if let id { follow(id) }
            let shown = backlogRows.count
            message = backlogScreen.order.status.map { "Showing \($0.rawValue) ideas: \(shown) of \(backlog.count)" }
                ?? "Showing every idea"
        case .close:
            // Esc clears the text filter first, then the status shown.
            if !backlogScreen.query.isEmpty {
                backlogScreen.query = ""
            } else if backlogScreen.order.status != nil {
                backlogScreen.order.status = nil
            } else {
                break
            }
            refreshBacklogRows()
            backlogScreen.list.selected = 0
        default:
            break
        }
        clampBacklogSelection()
        return []
    }

    mutating func reduceBacklogFilter(_ action: Action) -> [Effect] {
        guard case .backlogFilter(var editor) = modal else { return [] }
        switch action {
        case .edit(let edit):
            editor.apply(edit)
            replaceModal(.backlogFilter(editor))
            backlogScreen.query = editor.text
            refreshBacklogRows()
            backlogScreen.list.selected = 0
        case .confirm:
            closeModal()
            if !backlogScreen.query.trimmingWhitespace().isEmpty {
                message = "Filter kept: \"\(backlogScreen.query.trimmingWhitespace())\" (Esc clears it, / changes it)"
            }
        case .close:
            closeModal()
            backlogScreen.query = ""
            refreshBacklogRows()
            backlogScreen.list.selected = 0
        case .moveUp, .moveDown, .pageUp, .pageDown:
            backlogScreen.list.apply(action, count: backlogRows.count, page: BacklogLayout.listRows(viewport))
        default:
            return []
        }
        clampBacklogSelection()
        return []
    }

    mutating func reduceIdeaForm(_ action: Action, now: Date) -> [Effect] {
        guard var form = modal?.ideaForm else { return [] }
        if form.confirmingDiscard {
            form.confirmingDiscard = false
            answerDiscard(action, dropped: "Changes dropped") { .ideaForm(form) }
            return []
        }
        switch action {
        case .nextField: form.moveFocus(by: 1)
        case .previousField: form.moveFocus(by: -1)
        case .edit(let edit) where form.focus == .items:
            // Items are picked by title, not typed: a letter opens the picker with it.
            switch edit {
            case .insert(let character):
                openItemPicker(query: String(character))
                return []
            case .insertText(let text):
                openItemPicker(query: text)
                return []
            case .backspace, .delete, .cutWordBack, .cutToStart, .cutToEnd:
                if let id = form.unlinkLast(knownItems: knownItemIDs) {
                    message = "Unlinked \(curriculum.item(id: id)?.title ?? id)"
                }
            default:
                return []
            }
        case .edit(let edit): form.apply(edit, knownItems: knownItemIDs)
        case .close:
            if form.isChanged {
                form.confirmingDiscard = true
            } else {
                closeModal()
                return []
            }
        case .confirm:
            guard let fields = form.validate(knownItems: knownItemIDs) else {
                replaceModal(.ideaForm(form))
                message = "Not saved: fix the fields marked in red (\(form.problems.count))"
                return []
            }
            closeModal()
            return saveIdea(fields, editing: form.editing, now: now)
        default:
            break
        }
        replaceModal(.ideaForm(form))
        return []
    }

    private mutating func saveIdea(_ fields: ValidIdeaFields, editing: String?, now: Date) -> [Effect] {
        if let id = editing {
            let before = backlog[id]?.score
            updateBacklog("edit \(fields.title)", idea: id) { $0.update(id, with: fields, now: now) }
            if let idea = backlog[id] {
                message = "Saved \(idea.title): score \(NumberText.rounded(before ?? 0)) → \(NumberText.rounded(idea.score))"
            }
            follow(id)
        } else {
            var added: Idea?
            // The new id is known only after adding, so record the undo step by hand.
            let newID = backlog.newID(for: fields.title)
            updateBacklog("add \(fields.title)", idea: newID) { added = $0.add(fields, now: now) }
            if let added {
                message = "Added \(added.title): score \(NumberText.rounded(added.score)), rank \((backlog.rank(of: added.id) ?? 0) + 1)"
                if backlogScreen.isFiltered {
                    backlogScreen.query = ""
                    backlogScreen.order.status = nil
                    refreshBacklogRows()
                }
                follow(added.id)
            }
        }
        return [.save(.backlog)]
    }

    mutating func answerDelete(_ action: Action) -> [Effect] {
        guard case .deleteIdea(let id) = modal, case .answer(let yes) = action else {
            if action == .close { closeModal() }
            return []
        }
        closeModal()
        guard yes, let idea = backlog[id] else { return [] }
        updateBacklog("delete \(idea.title)", idea: id) { _ = $0.remove(id) }
        message = "Deleted \(idea.title) (u undoes)"
        clampBacklogSelection()
        return [.save(.backlog)]
    }

    /// Keeps the selection on an idea whose rank may have changed.
    mutating func follow(_ id: String) {
        if let index = backlogRows.index(of: id) { backlogScreen.list.selected = index }
        clampBacklogSelection()
    }

    mutating func clampBacklogSelection() {
        let count = backlogRows.count
        backlogScreen.list.clamp(count: count)
        backlogScreen.list.keepVisible(height: BacklogLayout.listRows(viewport), total: count)
    }
}

/// The Backlog screen's geometry, shared by the engine (paging) and the view.
public enum BacklogLayout {
    /// Rows of the detail pane under the table, with its rule.
    public static let detailRows = 8
    /// The screen row of the table's first idea, under the title and the column headings.
    public static let listTop = 2

    /// Table rows: the window less the title, the column headings, the detail pane and
    /// the key bar.
    public static func listRows(_ viewport: Size) -> Int {
        max(1, viewport.rows - 3 - detailRows)
    }
}
