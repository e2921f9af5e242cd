import FoundationEssentials

/// An item's note being written in place (`n`): several lines, Ctrl-D saves, Esc asks
/// before it drops what was typed.
public struct NoteEditor: Equatable, Sendable {
    public var itemID: String
    public var text: TextEditor
    /// The note as it was when the editor opened, to tell a change from none.
    public let original: String
    /// Esc was pressed with changes: "drop them? y/n" is asked.
    public var confirmingDiscard = false

    public init(itemID: String, note: String?) {
        self.itemID = itemID
        original = note ?? ""
        text = TextEditor(original)
    }

    /// True when saving would change the note.
    public var isChanged: Bool {
        text.text.trimmingWhitespaceAndNewlines() != original.trimmingWhitespaceAndNewlines()
    }
}

extension AppState {
    /// `n`: the note of `id` opens in place, over its detail.
    mutating func openNoteEditor(_ id: String) {
        if openDetail?.itemID != id { open(.detail(itemID: id, scroll: 0)) }
        open(.noteEditor(NoteEditor(itemID: id, note: progress.items[id]?.note)))
    }

    mutating func reduceNoteEditor(_ action: Action, editor: NoteEditor, now: Date) -> [Effect] {
        var editor = editor
        if editor.confirmingDiscard {
            editor.confirmingDiscard = false
            answerDiscard(action, dropped: "Note not changed: what you typed was dropped") { .noteEditor(editor) }
            return []
        }
        switch action {
        case .close:
            guard editor.isChanged else {
                closeModal()
                message = "Note not changed"
                return []
            }
            editor.confirmingDiscard = true
        case .edit(let edit):
            editor.text.apply(edit)
        case .confirm:
            closeModal()
            return saveNote(editor.text.text, of: editor.itemID, now: now)
        case .editExternally:
            return [.editText(ExternalEdit(.note(itemID: editor.itemID), text: editor.text.text))]
        default:
            return []
        }
        replaceModal(.noteEditor(editor))
        return []
    }

    /// `N`: the note of the open or selected item in the learner's editor.
    mutating func editNoteExternally() -> [Effect] {
        guard let id = openOrSelectedItemID else {
            message = "Choose an item first: → or Enter opens the track's items"
            return []
        }
        return [.editText(ExternalEdit(.note(itemID: id), text: progress.items[id]?.note ?? ""))]
    }

    /// Saves `text` as the note of `id` (blank removes it), with an undo step.
    mutating func saveNote(_ text: String, of id: String, now: Date) -> [Effect] {
        let before = progress.items[id]
        guard updateProgress(of: id, { $0.setNote(text, of: id, at: now) }) else {
            message = "Note not changed"
            return []
        }
        let title = curriculum.item(id: id)?.title ?? id
        undo.record(UndoStep(label: "note on \(title)", change: .progress(itemID: id, before: before)))
        message = progress.items[id]?.note == nil ? "Note removed" : "Note saved"
        return [.save(.progress)]
    }

    /// The learner's editor has ended: a changed text is saved (a note) or put back
    /// into the drill's answer; anything else says why nothing was kept.
    mutating func finishExternalEdit(_ purpose: ExternalEdit.Purpose, _ outcome: ExternalEditOutcome,
                                     now: Date) -> [Effect] {
        switch purpose {
        case .note(let id):
            switch outcome {
            case .changed(let text):
                if case .noteEditor(let editor) = modal, editor.itemID == id { closeModal() }
                return saveNote(text, of: id, now: now)
            case .unchanged: message = "Note not changed: the editor left the file as it was"
            case .failed(let reason): message = "Note not saved: \(reason)"
            }
        case .drillAnswer(let id, let number):
            guard case .drill(var session) = modal, session.itemID == id, session.drill == number else {
                message = "The drill was closed: the answer from the editor was not kept"
                return []
            }
            switch outcome {
            case .changed(let text):
                session.answer = TextEditor(text)
                replaceModal(.drill(session))
                message = "Answer taken from the editor: Ctrl-D shows the rubric"
            case .unchanged: message = "Answer not changed: the editor left the file as it was"
            case .failed(let reason): message = "Answer not changed: \(reason)"
            }
        }
        return []
    }
}
