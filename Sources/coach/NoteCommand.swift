import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

/// `coach note ITEM [TEXT] [--edit] [--clear]`: an item's note, the same note `n` and
/// `N` write on the item detail.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Print, write or clear an item's note.",
        discussion: """
            With only ITEM, prints the note. TEXT replaces it (quote it; \\n in the shell's \
            $'…' makes several lines). --edit opens $VISUAL or $EDITOR (else vi) on it and \
            saves when the file changed; --clear removes it.
            """)

    @OptionGroup var home: HomeOption
    @Argument(help: "The item id, e.g. genai.rag (see coach show TRACK).") var item: String
    @Argument(help: "The new note.") var text: String?
    @Flag(help: "Write the note in $VISUAL / $EDITOR.") var edit = false
    @Flag(help: "Remove the note.") var clear = false

    func validate() throws {
        let chosen = [text != nil, edit, clear].filter { $0 }.count
        guard chosen <= 1 else { throw ValidationError("give TEXT, --edit or --clear, not more than one of them") }
        if let text, text.count > TextLimits.text {
            throw ValidationError("the note has \(text.count) characters; a note holds at most \(TextLimits.text)")
        }
    }

    func run() throws {
        var context = try AppContext.load(home: home)
        let item = try context.item(id: self.item)
        let current = context.progress.items[item.id]?.note
        var replacement: String?
        if let text {
            replacement = text
        } else if clear {
            replacement = ""
        } else if edit {
            switch ExternalEditor.edit(current ?? "") {
            case .changed(let edited): replacement = edited
            case .unchanged: return print("\(item.id): note not changed (the editor left the file as it was)")
            case .failed(let reason): throw CoachFailure("\(item.id): note not saved: \(reason)")
            }
        }
        guard let replacement else {
            guard let current else {
                return print("\(item.id) has no note yet; write one with: coach note \(item.id) \"TEXT\" (or --edit)")
            }
            return print(current)
        }
        var changed = false
        context.progress = try context.home.changeProgress { progress in
            changed = progress.setNote(replacement, of: item.id, at: Date())
            return changed
        }
        let note = context.progress.items[item.id]?.note
        if !changed { return print("\(item.id): note not changed") }
        print(note == nil ? "\(item.id): note removed" : "\(item.id): note saved (\(note?.count ?? 0) characters)")
    }
}
