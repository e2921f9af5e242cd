/// The resources of the open item detail as a list: ↓ reads the text first and then
/// selects resource after resource; `o` opens the selected one, `y` copies its address.
/// The engine only asks: the shell starts the opener and writes to the clipboard.
extension AppState {
    /// ↑ ↓ and G in the detail. While the text above the resources is not all in view,
    /// ↓ scrolls it; then it moves through the resources (a `ListCursor`), keeping the
    /// selected one in view. ↑ from the first resource lets go of it, and scrolls on.
    mutating func moveInDetail(_ action: Action, scroll: Int, resources: ListCursor?) {
        guard let index = modals.lastIndex(where: { $0.detailItemID != nil }), let id = modals[index].detailItemID,
              let item = curriculum.item(id: id) else { return }
        let lines = ItemDetailText.lines(for: item, in: self, changedDay: nil, width: ItemDetailText.width(viewport))
        let visible = ItemDetailText.visibleRows(viewport)
        let count = item.resources.count
        let maxScroll = max(0, lines.count - visible)
        var cursor = resources
        var top = scroll
        switch action {
        case .moveDown where cursor == nil:
            let firstRows = ItemDetailText.rows(ofResource: 0, in: lines)
            if count > 0, let firstRows, top >= maxScroll || firstRows.upperBound < top + visible {
                cursor = ListCursor()
            } else {
                top += 1
            }
        case .moveUp where cursor == nil:
            top -= 1
        case .moveUp where cursor?.selected == 0:
            cursor = nil
        case .moveBottom:
            top = maxScroll
            if count > 0 { cursor = ListCursor(selected: count - 1) }
        default:
            cursor?.apply(action, count: count, page: 1)
        }
        if let selected = cursor?.selected, let rows = ItemDetailText.rows(ofResource: selected, in: lines) {
            // As little scrolling as shows the whole resource (its title at least).
            if rows.upperBound >= top + visible { top = rows.upperBound - visible + 1 }
            if rows.lowerBound < top { top = rows.lowerBound }
        }
        modals[index] = .detail(itemID: id, scroll: min(max(0, top), maxScroll), resources: cursor)
    }

    /// A click on a resource in the detail selects it; a click on the selected one opens
    /// it, as a click on a selected row opens it everywhere.
    mutating func clickInDetail(row: Int, itemID id: String, scroll: Int, resources: ListCursor?) -> [Effect] {
        guard let index = modals.lastIndex(where: { $0.detailItemID != nil }), let item = curriculum.item(id: id) else {
            return []
        }
        let lines = ItemDetailText.lines(for: item, in: self, changedDay: nil, width: ItemDetailText.width(viewport))
        let line = scroll + row - ItemDetailText.boxRect(viewport).row - 1
        guard line >= scroll, line < scroll + ItemDetailText.visibleRows(viewport), lines.indices.contains(line),
              let resource = lines[line].resource else { return [] }
        if resource == resources?.selected { return actOnResource(.openLink, itemID: id, resources: resources) }
        modals[index] = .detail(itemID: id, scroll: scroll, resources: ListCursor(selected: resource))
        return []
    }

    /// `o` and `y`: the selected resource's address goes to the shell, which opens or
    /// copies it. Without a selection, or an address, the message says what to do.
    mutating func actOnResource(_ action: Action, itemID id: String, resources: ListCursor?) -> [Effect] {
        guard let item = curriculum.item(id: id) else { return [] }
        guard !item.resources.isEmpty else {
            message = "This item lists no resources"
            return []
        }
        guard let selected = resources?.selected, item.resources.indices.contains(selected) else {
            message = "Choose a resource first: ↓ moves to the resources"
            return []
        }
        let resource = item.resources[selected]
        guard let url = resource.url, !url.isEmpty else {
            message = "\(TerminalText.quoted(resource.title, limit: 40)) has no address to \(action == .openLink ? "open" : "copy")"
            return []
        }
        if action == .copyLink {
            message = "Copied to the clipboard: \(url)"
            return [.copy(url)]
        }
        message = "Opening \(url)"
        return [.openLink(url)]
    }

    /// What became of `o`, as the shell reports it.
    mutating func noteLinkOpened(_ outcome: LinkOpening) {
        switch outcome {
        case .opened(let link, let opener): message = "Opened \(link) with \(opener)"
        case .failed(let reason): message = reason
        }
    }
}

/// The shell's report on starting the opener for a link.
public enum LinkOpening: Equatable, Sendable {
    /// `opener` (the command, e.g. "xdg-open") was started on `link`.
    case opened(link: String, opener: String)
    /// No opener could be started: one line saying why, and what would fix it.
    case failed(String)
}
