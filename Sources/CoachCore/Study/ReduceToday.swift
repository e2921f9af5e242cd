import FoundationEssentials

/// Screen 1 (Today: the plan and the session timer) and screen 4 (History: the journal).
extension AppState {
    /// The plan row the cursor is on.
    public var selectedPlanEntry: DailyPlan.Entry? {
        guard let entries = study.plan?.entries, entries.indices.contains(study.planList.selected) else { return nil }
        return entries[study.planList.selected]
    }

    mutating func tick() -> [Effect] {
        // While a session runs, note the time now and then, so a crash logs what ran.
        guard var timer = study.timer, timer.isRunning, study.now.timeIntervalSince(timer.lastSeen) >= StudyTiming.checkpointSeconds else {
            return []
        }
        timer.checkpoint(at: study.now)
        study.changeTimer { $0 = timer }
        return [.save(.session)]
    }

    mutating func reduceToday(_ action: Action, now: Date) -> [Effect] {
        let count = study.plan?.entries.count ?? 0
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
            study.planList.move(action, count: count, height: TodayLayout.planRows(entries: count, viewport: viewport))
        case .open:
            if let entry = selectedPlanEntry { open(.detail(itemID: entry.itemID, scroll: 0)) }
        case .toggleTimer:
            var timer = study.timer ?? SessionTimer.start(at: now, studying: selectedPlanEntry?.itemID)
            if study.timer != nil { timer.toggle(at: now) }
            message = study.timer == nil ? "Session started" : (timer.isRunning ? "Session resumed" : "Session paused")
            study.changeTimer { $0 = timer }
            return [.save(.session)]
        case .countDown:
            if study.countdown != nil, study.timer?.isRunning == true {
                study.countdown = nil
                message = "The timer counts up"
                return []
            }
            var timer = study.timer ?? SessionTimer.start(at: now)
            timer.resume(at: now)
            study.countdown = Countdown(goal: study.plan?.goal ?? settings.dailyGoalMinutes, minutesToday: study.minutesToday,
                                        elapsed: timer.elapsed(at: now))
            message = study.countdown!.targetSeconds - timer.elapsed(at: now) > 0
                ? "Counting down the goal's minutes left" : "The goal is reached already: the timer counts overtime"
            study.changeTimer { $0 = timer }
            return [.save(.session)]
        case .finishSession:
            guard study.timer != nil else {
                message = "No session running: s starts one"
                return []
            }
            open(.finishNote(LineEditor(study.keptNote ?? "")))
        case .clearFocus:
            return clearFocus()
        case .openSearch:
            openSearch()
        case .changeGoal(let delta):
            return changeGoal(by: delta)
        case .studyMore:
            study.studyMore()
            message = "One more step: a session of \(MinutesText.short(DailyPlan.sessionMinutes(goal: settings.dailyGoalMinutes))) added to today's plan"
        case .reviewAhead:
            if let entry = study.plan?.entries.first(where: { $0.kind == .review && !$0.finished }),
               let session = cardSession(for: entry.itemID) {
                message = "Cards are due today: reviewing those first"
                open(.cardReview(session))
            } else if let session = cardSessionAhead() {
                let title = curriculum.item(id: session.itemID)?.title ?? session.itemID
                message = "Reviewing ahead: \(title), before its cards are due (early)"
                open(.cardReview(session))
            } else {
                message = "No cards to review ahead: finish an item with prompts first"
            }
        case .cycleFocus(let step):
            guard !curriculum.tracks.isEmpty else { return [] }
            let ids = curriculum.tracks.map(\.id)
            let current = settings.focusTrack.flatMap { ids.firstIndex(of: $0) } ?? (step > 0 ? -1 : 0)
            let next = curriculum.tracks[(current + step + ids.count) % ids.count]
            let before = settings
            updateSettings { $0.focusTrack = next.id }
            undo.record(UndoStep(label: "focus → \(next.title)", change: .settings(before: before)))
            message = "Focus track: \(next.title)"
            return [.save(.settings)]
        case .markDone:
            guard let entry = selectedPlanEntry else { return [] }
            if entry.kind == .review {
                if let session = cardSession(for: entry.itemID) {
                    open(.cardReview(session))
                } else if curriculum.item(id: entry.itemID)?.prompts.isEmpty == false {
                    message = "No card of this item is due today"
                } else {
                    open(.reviewPrompt(itemID: entry.itemID))
                }
                return []
            }
            guard progress.status(of: entry.itemID) != .done else {
                message = "Already done today"
                return []
            }
            let effects = changeStatus(of: entry.itemID, at: now) { _ in .done }
            // Done with no time on it, and no session running to count it: ask whether the
            // estimate was the time it took, so the day and the item keep it.
            if !effects.isEmpty, progress.minutesSpent(on: entry.itemID) == 0, study.timer == nil,
               let item = curriculum.item(id: entry.itemID) {
                open(.logEstimate(itemID: item.id, minutes: min(ItemTime.minutesRange.upperBound, progress.estimate(of: item))))
            }
            return effects + touch(entry.itemID)
        default:
            break
        }
        return []
    }

    /// The goal moves in steps within its range; the journal remembers from which day
    /// each goal holds, so streaks judge every day by the goal in force then.
    mutating func changeGoal(by delta: Int) -> [Effect] {
        let before = settings
        let goal = min(Settings.goalRange.upperBound, max(Settings.goalRange.lowerBound, settings.dailyGoalMinutes + delta))
        guard goal != before.dailyGoalMinutes else {
            message = "The daily goal stays within \(Settings.goalRange.lowerBound)–\(Settings.goalRange.upperBound) minutes"
            return []
        }
        updateSettings { $0.dailyGoalMinutes = goal }
        let day = study.today
        study.changeJournal { $0.goals.change(from: before.dailyGoalMinutes, to: goal, on: day) }
        undo.record(UndoStep(label: "goal → \(goal) min", change: .settings(before: before)))
        message = "Daily goal: \(goal) minutes"
        return [.save(.settings), .save(.journal)]
    }

    /// While the timer runs, the item studied follows the selected plan row. Returns
    /// true when it changed (the session is saved).
    mutating func followPlanSelection(now: Date) -> Bool {
        guard let timer = study.timer, timer.isRunning, modal == nil || openDetail != nil,
              let id = selectedPlanEntry?.itemID, timer.studying != id else { return false }
        study.changeTimer { $0?.study(id, at: now) }
        return true
    }

    /// Counts an item as touched by the running session.
    mutating func touch(_ itemID: String) -> [Effect] {
        guard study.timer != nil else { return [] }
        study.changeTimer { $0?.touch(itemID) }
        return [.save(.session)]
    }

    /// The plan keeps its selection in view as the window or the plan changes.
    mutating func keepPlanVisible() {
        let count = study.plan?.entries.count ?? 0
        study.planList.clamp(count: count)
        study.planList.keepVisible(height: TodayLayout.planRows(entries: count, viewport: viewport), total: count)
    }

    /// The journal's rows at this window size; nil when it is not shown (too narrow or short).
    var journalRows: Int? {
        HistoryLayout(viewport, trackCount: curriculum.tracks.count, forecast: historyShowsForecast).journal?.rows
    }

    mutating func keepJournalVisible() {
        let count = study.journal.entries.count
        study.journalList.clamp(count: count)
        study.journalList.keepVisible(height: journalRows ?? 1, total: count)
    }

    mutating func reduceHistory(_ action: Action) -> [Effect] {
        let count = study.journal.entries.count
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
            study.journalList.move(action, count: count, height: journalRows ?? 1)
        case .openSearch:
            openSearch()
        case .deleteEntry, .editEntry:
            let entries = study.journal.newestFirst
            guard entries.indices.contains(study.journalList.selected) else {
                message = "No session logged yet"
                return []
            }
            guard journalRows != nil else {
                // Never act on a row the learner cannot see.
                message = "The journal does not fit this window: make it wider or taller to edit or delete a session"
                return []
            }
            let entry = entries[study.journalList.selected]
            open(action == .deleteEntry ? .deleteEntry(id: entry.id) : .entryForm(JournalEntryForm(entry)))
        case .toggleForecast, .addBreak:
            return reduceDaysOff(action)
        default:
            break
        }
        return []
    }

    /// The three questions of the study screens: how did the review go, the note when
    /// finishing, and delete this journal entry.
    mutating func reduceStudyPrompt(_ action: Action, now: Date) -> [Effect] {
        switch modal {
        case .reviewPrompt(let id):
            guard case .rate(let rating) = action else {
                if action == .close { closeModal() }
                return []
            }
            closeModal()
            var recorded = false
            let (day, zone, progress) = (study.today, study.timeZone, self.progress)
            let before = study.reviews.history(of: id)
            study.changeReviews { recorded = $0.record(rating, for: id, on: day, progress: progress, timeZone: zone) != nil }
            guard recorded else { return [] }
            let title = curriculum.item(id: id)?.title ?? id
            undo.record(UndoStep(label: "review of \(title): \(rating.rawValue)", change: .review(itemID: id, before: before)))
            message = "Reviewed \(title): \(rating.rawValue)"
            return [.save(.reviews)] + touch(id)
        case .logEstimate(let id, let minutes):
            closeModal()
            guard action == .answer(true) else {
                message = "No time logged for it"
                return []
            }
            let entry = JournalEntry(day: study.today, start: now, minutes: minutes, items: [id], note: nil).normalized
            var logged = entry
            study.changeJournal { logged = $0.add(entry) }
            let day = study.today
            updateProgress(of: id) { $0.credit(TimeCredit.even(logged.minutes, among: [id]), on: day, at: now) }
            message = "Logged \(MinutesText.short(logged.minutes)) on \(curriculum.item(id: id)?.title ?? id) · today \(study.minutesToday) of \(settings.dailyGoalMinutes)"
            return [.save(.journal), .save(.progress)]
        case .finishNote(var note):
            switch action {
            case .edit(let edit):
                note.apply(edit)
                replaceModal(.finishNote(note))
            case .close:
                closeModal()
            case .confirm:
                closeModal()
                guard let timer = study.timer else { return [] }
                let text = note.text.trimmingWhitespace()
                guard let entry = timer.finish(at: now, timeZone: study.timeZone, note: text.isEmpty ? nil : text) else {
                    guard !text.isEmpty else {
                        study.changeTimer { $0 = nil }
                        message = "Session under half a minute: not logged"
                        return [.save(.session)]
                    }
                    // Nothing to log yet, but the words typed are not thrown away.
                    study.keptNote = text
                    message = "Under half a minute: not logged yet. The session goes on; your note waits in f"
                    return []
                }
                study.keptNote = nil
                study.changeTimer { $0 = nil }
                var logged = entry
                study.changeJournal { logged = $0.add(entry) }
                // The session's minutes go to the items studied in it, by the time on each;
                // with several, the learner may share them otherwise first.
                let shares = timer.split(minutes: logged.minutes, at: now)
                let day = logged.day
                message = "Logged \(logged.minutes) min · today \(study.minutesToday) of \(settings.dailyGoalMinutes)"
                if shares.count > 1 {
                    open(.sessionSplit(SessionSplit(day: day, minutes: logged.minutes, shares: shares)))
                    return [.save(.journal), .save(.session)]
                }
                var credited = false
                for share in shares {
                    if updateProgress(of: share.itemID, { $0.credit([share], on: day, at: now) }) { credited = true }
                }
                message! += shares.isEmpty ? "" : " · \(TimeCredit.text(shares))"
                return [.save(.journal), .save(.session)] + (credited ? [.save(.progress)] : [])
            default:
                break
            }
            return []
        case .entryForm(var form):
            switch action {
            case .edit(let edit): form.apply(edit)
            case .nextField, .previousField: form.switchField()
            case .close:
                closeModal()
                return []
            case .confirm:
                switch form.validated() {
                case .failure(let problems):
                    form.problem = problems.description.replacingText("\n", with: "; ")
                case .success(let edited):
                    closeModal()
                    guard edited != form.entry else { return [] }
                    study.changeJournal { _ = $0.edit(edited) }
                    undo.record(UndoStep(label: "edit the session of \(edited.day)", change: .journalEntry(form.entry)))
                    message = "Saved the session of \(edited.day): \(edited.minutes) min"
                    return [.save(.journal)]
                }
            default:
                break
            }
            replaceModal(.entryForm(form))
            return []
        case .deleteEntry(let id):
            closeModal()
            guard action == .answer(true) else { return [] }
            var removed: JournalEntry?
            study.changeJournal { removed = $0.delete(id: id) }
            guard let removed else { return [] }
            undo.record(UndoStep(label: "delete the session of \(removed.day)", change: .journalEntry(removed)))
            keepJournalVisible()
            message = "Deleted the session of \(removed.day) (u undoes)"
            return [.save(.journal)]
        default:
            return []
        }
    }
}

public enum GoalStep {
    public static let minutes = 5
}

public enum StudyTiming {
    /// How often a running session notes the time, so a crash loses at most this much.
    public static let checkpointSeconds: TimeInterval = 15
}
