import FoundationEssentials

/// The engine: applies one action to the state and says what the shell must do.
/// Pure: the time comes in as `now`, and effects go out as values.
public func reduce(_ state: inout AppState, _ action: Action, now: Date) -> [Effect] {
    state.study.advance(to: now)
    var effects = reduceAction(&state, action, now: now)
    state.refreshShown()
    // While the timer runs, the selected plan row is the item being studied.
    if state.screen == .today, state.followPlanSelection(now: now), !effects.contains(.save(.session)) {
        effects.append(.save(.session))
    }
    let countdown = state.study.countdownEffects()
    if !countdown.isEmpty { state.message = "Goal reached: the timer counts overtime now" }
    return effects + countdown
}

extension AppState {
    /// The plan and the forecast are rebuilt only when they are shown and something they
    /// depend on changed. The shell calls this once before the first frame.
    public mutating func refreshShown() {
        if screen == .today {
            study.refreshPlan(curriculum: curriculum, progress: progress, settings: settings)
        } else if screen == .history && historyShowsForecast {
            study.refreshForecast(curriculum: curriculum, progress: progress, settings: settings)
        }
    }
}

private func reduceAction(_ state: inout AppState, _ action: Action, now: Date) -> [Effect] {
    switch action {
    case .resize, .tick, .reloaded, .saveRefused, .reloadFailed, .saveFailed, .syncFinished: break
    default: state.message = nil
    }
    if action == .tick { return state.tick() }
    switch action {
    case .reloaded(let document):
        return state.takeIn(document)
    case .saveRefused(let document):
        return state.noteConflict(document)
    case .reloadFailed(let document, let reason):
        return state.noteReloadFailure(document, reason)
    case .saveFailed(let reason):
        return state.noteSaveFailure(reason)
    case .resolveConflict(let keepMine):
        return state.resolveConflict(keepMine: keepMine)
    case .linkOpened(let outcome):
        state.noteLinkOpened(outcome)
        return []
    case .externalEditFinished(let purpose, let outcome):
        return state.finishExternalEdit(purpose, outcome, now: now)
    case .quit:
        return [.quit]
    case .syncFinished(let line):
        state.message = line
        return []
    case .sync where !state.isTyping:
        state.message = "Syncing with the git remote… (keep going: Coach reads back what it brings)"
        return [.sync]
    case .resize(let size):
        state.viewport = size
        state.keepSelectionVisible()
        if let detail = state.openDetail { state.scrollDetail(to: detail.scroll) }
        return []
    case .undo where !state.isTyping:
        return state.undoLastStep()
    case .redo where !state.isTyping:
        return state.redoLastStep()
    case .startDrill where !state.isTyping:
        return state.startDrill()
    case .showScreen, .nextScreen, .previousScreen:
        // Screen keys close help and the item detail and switch; a question or a form
        // keeps them (there they are letters, or nothing).
        guard state.modals.allSatisfy(\.isOverlay) else { break }
        state.modals.removeAll()
        state.switchScreen(action)
        return []
    default:
        break
    }
    switch state.modal {
    case .fileConflict: return []  // only r, o and q answer it, above
    case .ideaForm: return state.reduceIdeaForm(action, now: now)
    case .itemPicker(let picker): return state.reduceItemPicker(action, picker: picker)
    case .reviewPrompt, .finishNote, .deleteEntry, .entryForm, .logEstimate: return state.reduceStudyPrompt(action, now: now)
    case .sessionSplit(let split): return state.reduceSessionSplit(action, split: split, now: now)
    case .breakEditor(let editor): return state.reduceBreakEditor(action, editor: editor)
    case .cardReview(let session): return state.reduceCardReview(action, session: session)
    case .drill(let session): return state.reduceDrill(action, session: session)
    case .deleteIdea: return state.answerDelete(action)
    case .backlogFilter: return state.reduceBacklogFilter(action)
    case .search: return state.reduceSearch(action)
    case .itemEditor: return state.reduceItemEditor(action, now: now)
    case .noteEditor(let editor): return state.reduceNoteEditor(action, editor: editor, now: now)
    case .help(var list):
        if action == .toggleHelp || action == .close { state.closeModal() }  // back onto what it opened over
        let count = KeyMap.helpLines(for: state).count
        if list.move(action, count: count, height: HelpLayout.visibleRows(state.viewport, lines: count)) {
            state.replaceModal(.help(list))
        }
        return []
    case .messages(var list):
        if action == .showMessages || action == .close { state.closeModal() }
        let count = MessageLogLayout.lines(state.messageLog, state.viewport).count
        if list.move(action, count: count, height: MessageLogLayout.visibleRows(state.viewport, lines: count)) {
            state.replaceModal(.messages(list))
        }
        return []
    case .detail(let id, let scroll, let resources):
        if action == .showMessages {
            state.open(.messages(ListCursor()))
            return []
        }
        return state.reduceDetail(action, itemID: id, scroll: scroll, resources: resources, now: now)
    case nil:
        break
    }

    switch action {
    case .click(let row, let col):
        return state.click(row: row, col: col, now: now)
    case .toggleHelp:
        state.open(.help(ListCursor()))
        return []
    case .showMessages:
        state.open(.messages(ListCursor()))
        return []
    case .editNote where state.screen == .tracks:
        guard let id = state.openOrSelectedItemID else { return [] }
        state.openNoteEditor(id)
        return []
    case .editExternally where state.screen == .tracks:
        return state.editNoteExternally()
    case .editProof where state.screen == .tracks, .editEstimate where state.screen == .tracks:
        guard let id = state.openOrSelectedItemID else { return [] }
        state.open(.detail(itemID: id, scroll: 0))
        state.open(.itemEditor(ItemTextEditor(action == .editProof ? .proof : .estimate, of: state.progress.items[id])))
        return []
    default:
        break
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
    mutating func switchScreen(_ action: Action) {
        let all = Screen.allCases
        let index = all.firstIndex(of: screen) ?? 0
        switch action {
        case .showScreen(let next): screen = next
        case .nextScreen: screen = all[(index + 1) % all.count]
        case .previousScreen: screen = all[(index + all.count - 1) % all.count]
        default: break
        }
    }

    /// The item detail answers its own keys (scroll, close, note, proof) and passes the
    /// screen's item keys on: on Tracks Space and `s` change the item's status, on Today
    /// they do what they do on the plan (the review, the timer).
    mutating func reduceDetail(_ action: Action, itemID id: String, scroll: Int, resources: ListCursor?,
                               now: Date) -> [Effect] {
        let page = ItemDetailText.visibleRows(viewport)
        switch action {
        case .close: closeModal()
        case .toggleHelp: open(.help(ListCursor()))
        case .moveUp, .moveDown, .moveBottom: moveInDetail(action, scroll: scroll, resources: resources)
        case .pageUp: scrollDetail(to: scroll - page, keepingResource: false)
        case .pageDown: scrollDetail(to: scroll + page, keepingResource: false)
        case .moveTop: scrollDetail(to: 0, keepingResource: false)
        case .openLink, .copyLink: return actOnResource(action, itemID: id, resources: resources)
        case .click(let row, _): return clickInDetail(row: row, itemID: id, scroll: scroll, resources: resources)
        case .editNote: openNoteEditor(id)
        case .editExternally: return editNoteExternally()
        case .editProof: open(.itemEditor(ItemTextEditor(.proof, of: progress.items[id])))
        case .editEstimate: open(.itemEditor(ItemTextEditor(.estimate, of: progress.items[id])))
        case .cycleStatus: return changeStatus(of: id, at: now) { $0.cycled }
        case .toggleSkip: return changeStatus(of: id, at: now) { $0.skipToggled }
        case .markDone, .toggleTimer, .finishSession, .countDown:
            guard screen == .today else { return [] }
            return reduceToday(action, now: now)
        default: break
        }
        return []
    }

    /// Scrolls the open item detail, never past its first or last screenful, so the
    /// first key back up always moves it. A page or a jump to the top lets go of the
    /// selected resource.
    mutating func scrollDetail(to offset: Int, keepingResource: Bool = true) {
        guard let index = modals.lastIndex(where: { $0.detailItemID != nil }),
              case .detail(let id, _, let selected) = modals[index], let item = curriculum.item(id: id) else { return }
        modals[index] = .detail(itemID: id, scroll: min(max(0, offset), ItemDetailText.maxScroll(for: item, in: self)),
                                resources: keepingResource ? selected : nil)
    }

    /// The item a note or status key acts on: the open detail's, else the selected one.
    var openOrSelectedItemID: String? {
        if let detail = openDetail { return detail.itemID }
        return tracksCursor.pane == .items ? selectedItem?.id : nil
    }

    mutating func reduceTracks(_ action: Action, now: Date) -> [Effect] {
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
            let page = TracksLayout.listRows(viewport)
            switch tracksCursor.pane {
            case .tracks:
                var list = tracksCursor.trackList
                list.apply(action, count: curriculum.tracks.count, page: page)
                selectTrack(list.selected)
            case .items:
                tracksCursor.itemList.apply(action, count: selectedTrack?.items.count ?? 0, page: page)
            }
        case .focusLeft: tracksCursor.pane = .tracks
        case .focusRight:
            if selectedTrack?.items.isEmpty == false { tracksCursor.pane = .items }
        case .open:
            if tracksCursor.pane == .tracks {
                if selectedTrack?.items.isEmpty == false { tracksCursor.pane = .items }
            } else if let item = selectedItem {
                open(.detail(itemID: item.id, scroll: 0))
            }
        case .cycleStatus, .toggleSkip:
            guard tracksCursor.pane == .items, let item = selectedItem else {
                message = "Choose an item first: → or Enter opens the track's items"
                return []
            }
            return changeStatus(of: item.id, at: now) { action == .cycleStatus ? $0.cycled : $0.skipToggled }
        case .openSearch:
            openSearch()
        case .setFocus:
            return setFocus()
        case .clearFocus:
            return clearFocus()
        default:
            break
        }
        keepSelectionVisible()
        return []
    }

    /// Selects a track; another track's items start again at the top.
    mutating func selectTrack(_ index: Int) {
        guard index != tracksCursor.trackList.selected else { return }
        tracksCursor.trackList.selected = index
        tracksCursor.itemList = ListCursor()
    }

    /// Keeps every list's selection in view for the window as it is now.
    mutating func keepSelectionVisible() {
        let height = TracksLayout.listRows(viewport)
        tracksCursor.trackList.keepVisible(height: height, total: curriculum.tracks.count)
        if let track = selectedTrack {
            let total = TracksLayout.rowCount(track)
            // Show the section heading above the first item of a track too.
            if tracksCursor.itemList.selected == 0 {
                tracksCursor.itemList.keepVisible(height: height, total: total, row: 0)
            }
            let row = TracksLayout.rowOfItem(tracksCursor.itemList.selected, in: track)
            tracksCursor.itemList.keepVisible(height: height, total: total, row: row)
        }
        clampBacklogSelection()
        keepPlanVisible()
        keepJournalVisible()
    }

    /// Changes one item's status through the progress book's rule, records the undo
    /// step and asks for a save.
    mutating func changeStatus(of id: String, at now: Date, _ next: (ItemStatus) -> ItemStatus) -> [Effect] {
        guard let item = curriculum.item(id: id) else { return [] }
        let before = progress.items[id]
        let status = next(progress.status(of: id))
        guard updateProgress(of: id, { $0.setStatus(status, of: id, at: now) }) else { return [] }
        undo.record(UndoStep(label: "\(item.title) → \(status.rawValue)", change: .progress(itemID: id, before: before)))
        return [.save(.progress)]
    }

    /// `f`: the selected track becomes the focus; on the focus track already, it stays so.
    mutating func setFocus() -> [Effect] {
        guard let track = selectedTrack else { return [] }
        guard settings.focusTrack != track.id else {
            message = "\(track.title) is the focus track already (F clears it)"
            return []
        }
        let before = settings
        updateSettings { $0.focusTrack = track.id }
        undo.record(UndoStep(label: "focus → \(track.title)", change: .settings(before: before)))
        message = "Focus track: \(track.title)"
        return [.save(.settings)]
    }

    /// `F`: no focus track (the plan then takes from every track).
    mutating func clearFocus() -> [Effect] {
        guard settings.focusTrack != nil else {
            message = "No focus track to clear: f on a track sets one"
            return []
        }
        let before = settings
        updateSettings { $0.focusTrack = nil }
        undo.record(UndoStep(label: "focus cleared", change: .settings(before: before)))
        message = "No focus track"
        return [.save(.settings)]
    }
}
