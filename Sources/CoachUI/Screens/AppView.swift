import CoachCore

/// The whole frame for a state: the screen, then the modals open over it, bottom first,
/// then the key bar.
public func render(_ state: AppState, size: Size) -> ScreenBuffer {
    var buffer = ScreenBuffer(size: size)
    let window = Rect(size)
    guard size.isBigEnough else {
        TooSmallView.draw(Size.minimum, in: window, into: &buffer)
        return buffer
    }
    let body = Rect(size, top: 1, bottom: size.rows - 1)
    switch state.screen {
    case .today:
        buffer.titleBar(screen: "Today", right: "\(state.study.today)")
        if let model = todayModel(state) {
            TodayView.draw(model, in: Rect(size, top: TodayLayout.top, bottom: size.rows - 1), into: &buffer)
        }
    case .tracks: TracksView.draw(state, in: Rect(size, top: 0, bottom: size.rows - 1), into: &buffer)
    case .backlog: BacklogView.draw(state, in: Rect(size, top: 0, bottom: size.rows - 1), into: &buffer)
    case .history:
        let sessions = state.study.journal.entries.count
        buffer.titleBar(screen: "History", right: "\(sessions) session\(sessions == 1 ? "" : "s") logged")
        HistoryView.draw(historyModel(state, rows: size.rows), in: body, into: &buffer)
    }
    for modal in state.modals {
        draw(modal, state, in: window, into: &buffer)
    }
    buffer.keyBar(KeyMap.keyBar(for: state), message: state.message, row: size.rows - 1)
    return buffer
}

/// One modal, over what is drawn already.
func draw(_ modal: Modal, _ state: AppState, in window: Rect, into buffer: inout ScreenBuffer) {
    switch modal {
    case .help(let list): HelpView.draw((KeyMap.helpLines(for: state), list), in: window, into: &buffer)
    case .messages(let list): MessageLogView.draw((state.messageLog, list), in: window, into: &buffer)
    case .detail(let id, let scroll, let resources):
        let editing = state.modals.contains { $0.itemEditor != nil || $0.noteEditor != nil }
        ItemDetailView.draw(.init(state: state, itemID: id, scroll: scroll, resource: resources?.selected, editing: editing),
                            in: window, into: &buffer)
    case .itemEditor(let editor): ItemEditorView.draw(editor, in: window, into: &buffer)
    case .noteEditor(let editor):
        NoteEditorView.draw((editor, state.curriculum.item(id: editor.itemID)?.title ?? editor.itemID), in: window, into: &buffer)
    case .search(let search): SearchView.draw((state, search), in: window, into: &buffer)
    case .ideaForm(let form): IdeaFormView.draw(form, in: window, into: &buffer)
    case .itemPicker(let picker):
        let linked = state.modals.dropLast().last?.ideaForm?.linkedItems ?? []
        ItemPickerView.draw((state, picker, linked), in: window, into: &buffer)
    case .fileConflict(let document): ConflictView.draw(document, in: window, into: &buffer)
    case .backlogFilter(let editor): BacklogFilterView.draw(editor, in: window, into: &buffer)
    case .deleteIdea(let id):
        if let idea = state.backlog[id] {
            QuestionView.draw(("Delete \"\(idea.title)\"? y/n", QuestionView.backlogRow(window)), in: window, into: &buffer)
        }
    case .finishNote(let note): FinishNoteView.draw(note, in: window, into: &buffer)
    case .breakEditor(let editor): BreakEditorView.draw(editor, in: window, into: &buffer)
    case .entryForm(let form): EntryFormView.draw(form, in: window, into: &buffer)
    case .deleteEntry(let id):
        if let entry = state.study.journal.entry(id: id) {
            QuestionView.draw(("Delete the session of \(entry.day) (\(entry.minutes) min)? y/n", window.bottom - 2),
                              in: window, into: &buffer)
        }
    case .logEstimate(let id, let minutes):
        let title = state.curriculum.item(id: id)?.title ?? id
        QuestionView.draw(("No time logged on \"\(title)\": log its estimate, \(MinutesText.short(minutes)), for today? y/n",
                           window.bottom - 2), in: window, into: &buffer)
    case .sessionSplit(let split):
        let titles = split.items.map { state.curriculum.item(id: $0)?.title ?? $0 }
        SessionSplitView.draw((split, titles), in: window, into: &buffer)
    case .reviewPrompt: break  // the question is in the key bar
    case .cardReview(let session): ReviewCardView.draw(state, session, into: &buffer)
    case .drill(let session): DrillView.draw(state, session, into: &buffer)
    }
}

/// Screen 1's model from the state: the study state holds the plan and summaries ready.
func todayModel(_ state: AppState) -> TodayModel? {
    let study = state.study
    guard let plan = study.plan else { return nil }
    let focus = state.settings.focusTrack.flatMap { state.curriculum.track(id: $0)?.title }
    var model = TodayModel(plan: plan, curriculum: state.curriculum, timer: study.timer, now: study.now,
                           streak: study.streaks, minutesToday: study.minutesToday,
                           goal: plan.firstDayBack ? plan.goal : state.settings.dailyGoalMinutes,
                           list: study.planList, focusTrackTitle: focus)
    model.countdown = study.countdown
    return model
}

/// Screen 4's model from the state; item titles only for the journal rows that can show.
func historyModel(_ state: AppState, rows: Int) -> HistoryModel {
    let study = state.study
    let tracks = zip(state.curriculum.tracks, state.trackCounts).map { (title: $0.0.title, count: $0.1) }
    var titles: [String: String] = [:]
    let journal = study.journal.newestFirst
    let visible = journal.dropFirst(study.journalList.scroll).prefix(rows)
    for entry in visible { for id in entry.items { titles[id] = state.curriculum.item(id: id)?.title } }
    var model = HistoryModel(today: study.today, minutesByDay: study.minutesByDay, goals: study.journal.goals,
                             streaks: study.streaks, trackProgress: tracks, journal: journal,
                             journalList: study.journalList, itemTitles: titles)
    if state.historyShowsForecast { model.forecast = study.forecast ?? Forecast(days: []) }
    model.calendar = state.settings.calendar
    return model
}
