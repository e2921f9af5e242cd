import FoundationEssentials

/// The engine: applies one action to the state and says what the shell must do.
/// Pure: the time comes in as `now`, and effects go out as values.
public func reduce(_ state: inout AppState, _ action: Action, now: Date) -> [Effect] {
    state.study.advance(to: now)
    let effects = reduceAction(&state, action, now: now)
    // The plan is rebuilt only when it is shown and something it depends on changed.
    if state.screen == .today {
        state.study.refreshPlan(curriculum: state.curriculum, progress: state.progress, settings: state.settings)
    }
    return effects
}

private func reduceAction(_ state: inout AppState, _ action: Action, now: Date) -> [Effect] {
    switch action {
    case .resize, .tick, .reloaded, .saveRefused: break
    default: state.message = nil
    }
    if action == .tick { return state.tick() }
    switch action {
    case .reloaded(let document):
        return state.takeIn(document)
    case .saveRefused(let document):
        return state.noteConflict(document)
    case .resolveConflict(let keepMine):
        return state.resolveConflict(keepMine: keepMine)
    case .quit:
        return [.quit]
    case .resize(let size):
        state.viewport = size
        state.keepSelectionVisible()
        if case .detail(_, let scroll) = state.overlay { state.scrollDetail(to: scroll) }
        return []
    case .undo where !state.isTyping:
        return state.undoLastStep()
    default:
        break
    }
    if state.ideaForm != nil { return state.reduceIdeaForm(action, now: now) }
    if state.study.reviewPrompt != nil || state.study.finishNote != nil || state.study.pendingEntryDelete != nil
        || state.study.entryForm != nil {
        return state.reduceStudyPrompt(action, now: now)
    }
    if state.pendingDelete != nil { return state.answerDelete(action) }
    if state.backlogScreen.filterEditor != nil { return state.reduceBacklogFilter(action) }
    if state.search != nil { return state.reduceSearch(action) }
    if state.itemEditor != nil { return state.reduceItemEditor(action, now: now) }

    switch action {
    case .click(let row, let col) where state.overlay == nil:
        return state.click(row: row, col: col, now: now)
    case .toggleHelp where state.overlay == .help, .close where state.overlay == .help:
        // Help closes onto what it was opened over: the item detail, or the screen.
        state.overlay = state.overlayUnderHelp
        state.overlayUnderHelp = nil
        return []
    case .toggleHelp:
        state.overlayUnderHelp = state.overlay
        state.overlay = .help
        return []
    case .close where state.overlay != nil:
        state.overlay = nil
        return []
    case .showScreen(let screen) where state.overlay == nil:
        state.screen = screen
        return []
    case .nextScreen where state.overlay == nil, .previousScreen where state.overlay == nil:
        let all = Screen.allCases
        let index = all.firstIndex(of: state.screen) ?? 0
        state.screen = all[(index + (action == .nextScreen ? 1 : all.count - 1)) % all.count]
        return []
    case .editNote where state.screen == .tracks, .editProof where state.screen == .tracks:
        guard let id = state.openOrSelectedItemID else { return [] }
        state.overlay = .detail(itemID: id, scroll: 0)
        state.itemEditor = ItemTextEditor(action == .editNote ? .note : .proof, of: state.progress.items[id])
        return []
    default:
        break
    }

    if case .detail(let id, let scroll) = state.overlay {
        let page = ItemDetailText.visibleRows(state.viewport)
        switch action {
        case .moveUp: state.scrollDetail(to: scroll - 1)
        case .moveDown: state.scrollDetail(to: scroll + 1)
        case .pageUp: state.scrollDetail(to: scroll - page)
        case .pageDown: state.scrollDetail(to: scroll + page)
        case .moveTop: state.scrollDetail(to: 0)
        case .moveBottom: state.scrollDetail(to: Int.max)
        case .cycleStatus: return state.changeStatus(of: id, at: now) { $0.cycled }
        case .toggleSkip: return state.changeStatus(of: id, at: now) { $0.skipToggled }
        default: break
        }
        return []
    }

    switch state.screen {
    case .today:
        return state.reduceToday(action, now: now)
    case .tracks:
        return state.reduceTracks(action, now: now)
    case .backlog:
        return state.reduceBacklog(action, now: now)
    case .history:
        return state.reduceHistory(action)
    }
}

extension AppState {
    /// True while keys go into a text field or a form, where `u` and `q` are letters.
    public var isTyping: Bool {
        ideaForm != nil || search != nil || itemEditor != nil || backlogScreen.filterEditor != nil
            || study.finishNote != nil || study.entryForm != nil
    }

    /// Scrolls the open item detail, never past its first or last screenful, so the
    /// first key back up always moves it.
    mutating func scrollDetail(to offset: Int) {
        guard case .detail(let id, _) = overlay, let item = curriculum.item(id: id) else { return }
        overlay = .detail(itemID: id, scroll: min(max(0, offset), ItemDetailText.maxScroll(for: item, in: self)))
    }

    /// The item a note or status key acts on: the open detail's, else the selected one.
    var openOrSelectedItemID: String? {
        if case .detail(let id, _) = overlay { return id }
        return tracks.pane == .items ? selectedItem?.id : nil
    }

    mutating func reduceTracks(_ action: Action, now: Date) -> [Effect] {
        switch action {
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -TracksLayout.listRows(viewport))
        case .pageDown: move(by: TracksLayout.listRows(viewport))
        case .moveTop: move(by: Int.min / 2)
        case .moveBottom: move(by: Int.max / 2)
        case .focusLeft: tracks.pane = .tracks
        case .focusRight:
            if selectedTrack?.items.isEmpty == false { tracks.pane = .items }
        case .open:
            if tracks.pane == .tracks {
                if selectedTrack?.items.isEmpty == false { tracks.pane = .items }
            } else if let item = selectedItem {
                overlay = .detail(itemID: item.id, scroll: 0)
            }
        case .cycleStatus, .toggleSkip:
            guard tracks.pane == .items, let item = selectedItem else {
                message = "Choose an item first: → or Enter opens the track's items"
                return []
            }
            return changeStatus(of: item.id, at: now) { action == .cycleStatus ? $0.cycled : $0.skipToggled }
        case .openSearch:
            if searchIndex == nil { searchIndex = CurriculumSearch(curriculum) }
            search = SearchState()
        case .setFocus:
            return toggleFocus()
        default:
            break
        }
        keepSelectionVisible()
        return []
    }

    mutating func move(by delta: Int) {
        switch tracks.pane {
        case .tracks:
            let count = curriculum.tracks.count
            guard count > 0 else { return }
            let next = clamp(tracks.track + delta, count)
            if next != tracks.track {
                tracks.track = next
                tracks.item = 0
                tracks.itemScroll = 0
            }
        case .items:
            let count = selectedTrack?.items.count ?? 0
            guard count > 0 else { return }
            tracks.item = clamp(tracks.item + delta, count)
        }
    }

    private func clamp(_ value: Int, _ count: Int) -> Int {
        min(max(0, value), count - 1)
    }

    mutating func keepSelectionVisible() {
        let height = TracksLayout.listRows(viewport)
        tracks.trackScroll = TracksLayout.scroll(
            tracks.trackScroll, toShow: tracks.track, height: height, total: curriculum.tracks.count)
        guard let track = selectedTrack else { return }
        let total = TracksLayout.rowCount(track)
        // Show the section heading above the first item of a track too.
        if tracks.item == 0 {
            tracks.itemScroll = TracksLayout.scroll(tracks.itemScroll, toShow: 0, height: height, total: total)
        }
        let selectedRow = TracksLayout.rowOfItem(tracks.item, in: track)
        tracks.itemScroll = TracksLayout.scroll(tracks.itemScroll, toShow: selectedRow, height: height, total: total)
    }

    /// Changes one item's status through the progress book's rule, records the undo
    /// step and asks for a save.
    mutating func changeStatus(of id: String, at now: Date, _ next: (ItemStatus) -> ItemStatus) -> [Effect] {
        guard let item = curriculum.item(id: id) else { return [] }
        let before = progress.items[id]
        let status = next(progress.status(of: id))
        guard updateProgress(of: id, { $0.setStatus(status, of: id, at: now) }) else { return [] }
        undo.record(UndoStep(label: "\(item.title) → \(status.rawValue)", change: .progress(itemID: id, before: before)))
        return [.saveProgress]
    }

    mutating func toggleFocus() -> [Effect] {
        guard let track = selectedTrack else { return [] }
        let before = settings
        let clearing = settings.focusTrack == track.id
        updateSettings { $0.focusTrack = clearing ? nil : track.id }
        let label = clearing ? "focus cleared" : "focus → \(track.title)"
        undo.record(UndoStep(label: label, change: .settings(before: before)))
        message = clearing ? "No focus track" : "Focus track: \(track.title)"
        return [.saveSettings]
    }

    mutating func undoLastStep() -> [Effect] {
        guard let step = undo.pop() else {
            message = "Nothing to undo"
            return []
        }
        message = "Undid: \(step.label)"
        switch step.change {
        case .progress(let id, let before):
            updateProgress(of: id) { book in
                book.items[id] = before
                return true
            }
            return [.saveProgress]
        case .settings(let before):
            let goal = settings.dailyGoalMinutes
            updateSettings { $0 = before }
            guard goal != before.dailyGoalMinutes else { return [.saveSettings] }
            // The goal's history follows the goal back.
            let day = study.today
            study.changeJournal { $0.goals.change(from: goal, to: before.dailyGoalMinutes, on: day) }
            return [.saveSettings, .saveJournal]
        case .journalEntry(let entry):
            study.changeJournal { journal in
                if journal.entry(id: entry.id) == nil { _ = journal.restore(entry) } else { _ = journal.edit(entry) }
            }
            screen = .history
            return [.saveJournal]
        case .review(let id, let before):
            study.changeReviews { $0.restore(before, of: id) }
            screen = .today
            return [.saveReviews]
        case .idea(let id, let before):
            restoreIdea(id, to: before)
            screen = .backlog
            if backlogScreen.filtered != nil { backlogScreen.filtered = nil }
            follow(id)
            return [.saveBacklog]
        }
    }
}
