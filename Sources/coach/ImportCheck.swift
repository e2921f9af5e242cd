import CoachCore
import CoachStore

/// What `coach import` refuses beyond what the files' loaders refuse: text that would
/// steer a terminal (see `TerminalText`) in the learner's fields. One-line fields (ids,
/// journal notes, links, the focus track) allow no control character at all; an item's
/// note may keep line breaks and tabs. The first problem is named by its JSON path.
enum ImportCheck {
    static func problem(in document: HomeExport) -> String? {
        for (index, entry) in document.journal.entries.enumerated() {
            if let problem = check(entry.note, "journal.entries[\(index)].note", oneLine: true) { return problem }
            for (position, item) in entry.items.enumerated() {
                if let problem = check(item, "journal.entries[\(index)].items[\(position)]", oneLine: true) { return problem }
            }
        }
        for id in document.progress.items.keys.sorted() {
            if let problem = check(id, "progress (the key \(TerminalText.quoted(id, limit: 40)))", oneLine: true) { return problem }
            guard let item = document.progress.items[id] else { continue }
            if let problem = check(item.note, "progress.\(id).note", oneLine: false) { return problem }
            for (position, link) in item.proof.enumerated() {
                if let problem = check(link, "progress.\(id).proof[\(position)]", oneLine: true) { return problem }
            }
        }
        return check(document.settings.focusTrack, "settings.focusTrack", oneLine: true)
    }

    private static func check(_ text: String?, _ path: String, oneLine: Bool) -> String? {
        guard let text else { return nil }
        for (offset, scalar) in text.unicodeScalars.enumerated() where TerminalText.steers(scalar) {
            if !oneLine, scalar == "\n" || scalar == "\t" { continue }
            let allowed = oneLine ? "a one-line field allows no control characters" : "a note allows line breaks and tabs but no other control characters"
            return "\(path): holds the control character \(TerminalText.oneLine(String(Character(scalar)))) at character \(offset + 1); \(allowed)"
        }
        return nil
    }
}
