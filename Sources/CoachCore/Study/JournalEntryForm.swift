/// History's `e`: the minutes and the note of a logged session, edited in place and
/// checked by the same rules as `coach journal edit`.
public struct JournalEntryForm: Equatable, Sendable {
    public let entry: JournalEntry
    public private(set) var minutes: LineEditor
    public private(set) var note: LineEditor
    /// True while the note field has the cursor; otherwise the minutes field has it.
    public private(set) var editingNote = false
    /// The problem that stopped the last save, shown under the fields.
    public var problem: String?

    public init(_ entry: JournalEntry) {
        self.entry = entry
        minutes = LineEditor("\(entry.minutes)")
        note = LineEditor(entry.note ?? "")
    }

    public mutating func switchField() {
        editingNote.toggle()
    }

    public mutating func apply(_ edit: LineEditor.Edit) {
        if editingNote { note.apply(edit) } else { minutes.apply(edit) }
    }

    /// The edited entry, or the problems in one line.
    public func validated() -> Result<JournalEntry, JournalProblems> {
        var problems: [JournalProblem] = []
        var edited = entry
        switch JournalValidation.minutes(minutes.text) {
        case .success(let value): edited.minutes = value
        case .failure(let problem): problems.append(problem)
        }
        switch JournalValidation.note(note.text) {
        case .success(let value): edited.note = value
        case .failure(let problem): problems.append(problem)
        }
        return problems.isEmpty ? .success(edited) : .failure(JournalProblems(problems))
    }
}
