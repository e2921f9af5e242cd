import CoachCore

/// The whole frame for a state: the screen, then any overlay on top.
public func render(_ state: AppState, size: Size) -> ScreenBuffer {
    var buffer = ScreenBuffer(size: size)
    guard size.isBigEnough else {
        TooSmallView.draw(into: &buffer)
        return buffer
    }
    switch state.screen {
    case .today: drawToday(state, into: &buffer)
    case .tracks: TracksView.draw(state, into: &buffer)
    case .backlog: BacklogView.draw(state, into: &buffer)
    case .history: drawHistory(state, into: &buffer)
    }
    // Bottom first, so the one that answers the keys is drawn on top.
    for (index, modal) in state.modals.enumerated() {
        draw(modal, over: Array(state.modals[..<index]), state, into: &buffer)
    }
    buffer.keyBar(KeyMap.hints(for: state), message: state.message, row: size.rows - 1)
    return buffer
}

func draw(_ modal: Modal, over beneath: [Modal], _ state: AppState, into buffer: inout ScreenBuffer) {
    switch modal {
    case .help(let list): HelpView.draw(KeyMap.helpLines(for: state.screen), list: list, into: &buffer)
    case .detail(let id, let scroll):
        let editing = state.modals.contains { $0.itemEditor != nil }
        ItemDetailView.draw(state, itemID: id, scroll: scroll, editing: editing, into: &buffer)
    case .itemEditor(let editor): ItemDetailView.drawEditor(editor, into: &buffer)
    case .search(let search): SearchView.draw(state, search, into: &buffer)
    case .ideaForm(let form): IdeaFormView.draw(form, into: &buffer)
    case .fileConflict(let document): ConflictView.draw(document, into: &buffer)
    case .backlogFilter(let editor): BacklogView.drawFilter(editor, into: &buffer)
    case .deleteIdea(let id):
        if let idea = state.backlog[id] { BacklogView.drawQuestion("Delete \"\(idea.title)\"? y/n", into: &buffer) }
    case .finishNote(let note): drawFinishNote(note, into: &buffer)
    case .entryForm(let form): drawEntryForm(form, into: &buffer)
    case .deleteEntry(let id):
        if let entry = state.study.journal.entry(id: id) {
            let row = buffer.size.rows - 2
            buffer.fill(row: row, col: 0, width: buffer.size.cols)
            buffer.put("Delete the session of \(entry.day) (\(entry.minutes) min)? y/n", row: row, col: 1,
                       style: Style(.bad, bold: true))
        }
    case .reviewPrompt: break  // the question is in the key bar
    case .cardReview(let session): ReviewCardView.draw(state, session, into: &buffer)
    case .drill(let session): DrillView.draw(state, session, into: &buffer)
    }
}

/// Screen 1 from the state: the study state holds the plan and summaries ready.
func drawToday(_ state: AppState, into buffer: inout ScreenBuffer) {
    let study = state.study
    buffer.titleBar(screen: "Today", right: "\(study.today)")
    guard let plan = study.plan else { return }
    let focus = state.settings.focusTrack.flatMap { state.curriculum.track(id: $0)?.title }
    let model = TodayModel(plan: plan, curriculum: state.curriculum, timer: study.timer, now: study.now,
                           streak: study.streaks, minutesToday: study.minutesToday, goal: state.settings.dailyGoalMinutes,
                           list: study.planList, focusTrackTitle: focus)
    TodayView.draw(model, into: &buffer, top: TodayLayout.top, bottom: buffer.size.rows - 1)
}

func drawFinishNote(_ note: LineEditor, into buffer: inout ScreenBuffer) {
    let row = buffer.size.rows - 2
    buffer.fill(row: row, col: 0, width: buffer.size.cols)
    buffer.put("Note:", row: row, col: 1, style: Style(.accent, bold: true))
    buffer.textField(note, row: row, col: 7, width: buffer.size.cols - 8)
}

/// Screen 4 from the state.
func drawHistory(_ state: AppState, into buffer: inout ScreenBuffer) {
    let study = state.study
    let sessions = study.journal.entries.count
    buffer.titleBar(screen: "History", right: "\(sessions) session\(sessions == 1 ? "" : "s") logged")
    let tracks = zip(state.curriculum.tracks, state.trackCounts).map { (title: $0.0.title, count: $0.1) }
    var titles: [String: String] = [:]
    let journal = study.journal.newestFirst
    let visible = journal.dropFirst(study.journalList.scroll).prefix(buffer.size.rows)
    for entry in visible { for id in entry.items { titles[id] = state.curriculum.item(id: id)?.title } }
    let model = HistoryModel(today: study.today, minutesByDay: study.minutesByDay, goals: study.journal.goals,
                             streaks: study.streaks, trackProgress: tracks, journal: journal,
                             journalList: study.journalList, itemTitles: titles)
    HistoryView.draw(model, into: &buffer, top: 1, bottom: buffer.size.rows - 1)
}

func drawEntryForm(_ form: JournalEntryForm, into buffer: inout ScreenBuffer) {
    let row = buffer.size.rows - 3
    buffer.fill(row: row, col: 0, width: buffer.size.cols)
    buffer.fill(row: row + 1, col: 0, width: buffer.size.cols)
    buffer.put("Session of \(form.entry.day)  minutes:", row: row, col: 1, style: Style(.accent, bold: true))
    let minutesCol = 1 + DisplayWidth.of("Session of \(form.entry.day)  minutes: ")
    var minutesField = ScreenBuffer(size: Size(rows: 1, cols: 6))
    minutesField.textField(form.minutes, row: 0, col: 0, width: 6)
    buffer.put(minutesField.line(0), row: row, col: minutesCol, width: 6, style: Style(.normal, underline: true))
    buffer.restyle(row: row, col: minutesCol, width: 6) { $0.underline = true }
    buffer.put("note:", row: row, col: minutesCol + 8, style: Style(.accent, bold: true))
    buffer.textField(form.note, row: row, col: minutesCol + 14, width: buffer.size.cols - minutesCol - 15)
    if !form.editingNote { buffer.cursor = Position(row: row, col: minutesCol + (minutesField.cursor?.col ?? 0)) }
    if let problem = form.problem { buffer.put("✗ " + problem, row: row + 1, col: 1, style: Style(.bad, bold: true)) }
}

/// Below 60×16 the layouts break, so one line asks for more room instead.
enum TooSmallView {
    static func draw(into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let need = Size.minimum
        let text = "Enlarge the window to \(need.cols)×\(need.rows) (now \(size.cols)×\(size.rows))"
        let shown = DisplayWidth.truncate(text, to: size.cols)
        let col = max(0, (size.cols - DisplayWidth.of(shown)) / 2)
        buffer.put(shown, row: size.rows / 2, col: col, style: Style(.accent, bold: true))
    }
}
