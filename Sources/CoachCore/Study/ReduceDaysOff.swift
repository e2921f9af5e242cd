import FoundationEssentials

/// History's keys for the coming days: `F` shows the forecast, `b` adds a break.
extension AppState {
    mutating func reduceDaysOff(_ action: Action) -> [Effect] {
        switch action {
        case .toggleForecast:
            historyShowsForecast.toggle()
            keepJournalVisible()
        case .addBreak:
            open(.breakEditor(LineEditor()))
        default:
            break
        }
        return []
    }

    /// The break being typed: Enter adds it, or with a `-` before it takes it out (and
    /// keeps the field open, saying why, when it is not one); Esc drops it.
    mutating func reduceBreakEditor(_ action: Action, editor: LineEditor) -> [Effect] {
        var editor = editor
        switch action {
        case .edit(let edit):
            editor.apply(edit)
            replaceModal(.breakEditor(editor))
        case .close:
            closeModal()
        case .confirm:
            let text = editor.text.trimmingWhitespace()
            if text.hasPrefix("-") { return removeBreak(String(text.dropFirst())) }
            guard let added = StudyBreak(text) else {
                message = StudyBreak.problem(text)
                return []
            }
            closeModal()
            guard !settings.calendar.breaks.contains(added) else {
                message = "The break \(added) is there already"
                return []
            }
            let before = settings
            updateSettings { $0.calendar = $0.calendar.adding(added) }
            undo.record(UndoStep(label: "break \(added)", change: .settings(before: before)))
            message = "Break \(added) added: \(added.days) day\(added.days == 1 ? "" : "s") off, your streak is safe"
            return [.save(.settings)]
        default:
            break
        }
        return []
    }

    /// `-FIRST..LAST` in the break field: that break taken out (`u` puts it back).
    private mutating func removeBreak(_ text: String) -> [Effect] {
        guard let removed = StudyBreak(text) else {
            message = StudyBreak.problem(text)
            return []
        }
        switch settings.calendar.removing(removed) {
        case .failure(let refusal):
            message = refusal.message
            return []
        case .success(let calendar):
            closeModal()
            let before = settings
            updateSettings { $0.calendar = calendar }
            undo.record(UndoStep(label: "break \(removed) removed", change: .settings(before: before)))
            message = "Break \(removed) removed: those days count again"
            return [.save(.settings)]
        }
    }
}
