import FoundationEssentials

/// journal.json, merged as a union of sessions by their stable id (`uid`): a session
/// one machine logged is added, one both edited is merged per field (the notes both
/// kept, marked; other fields from the newer change), one deleted on a machine is
/// removed unless the other edited it. The small `id` the CLI names a session by is
/// renumbered so it stays unique: this machine's sessions keep theirs. The goal
/// history is merged per day it took effect.
enum JournalMerge {
    static let uidKey = "uid"

    static func merge(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ run: inout MergeRun) -> JSONTree {
        func sessions(_ tree: JSONTree?) -> RecordSet? {
            tree.map { tree in
                RecordSet(array: RecordIDs.upgraded(tree["entries"]?.elements ?? [], key: uidKey, kind: "journal"),
                          idKey: uidKey, removed: tree[DocumentMerge.removedKey])
            }
        }
        let rules = RecordMerge.Rules(changed: changed, both: session)
        let merged = RecordMerge.merge(base: sessions(base), ours: sessions(ours)!, theirs: sessions(theirs)!, rules: rules, run: &run)
        return ProgressMerge.documentKeys(base, ours, theirs)
            .setting("entries", .array(numbered(merged.inOrder, ours: sessions(ours)!)))
            .setting("goals", goals(base, ours, theirs))
            .setting(DocumentMerge.removedKey, merged.removedTree)
    }

    /// When a session last changed: its `changed`, else when it started, else its day.
    static func changed(_ session: JSONTree) -> Date? {
        session["changed"]?.date ?? session["start"]?.date ?? session["day"]?.text.flatMap { JSONFile.date(from: $0 + "T00:00:00Z") }
    }

    static func session(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ id: String, _ run: inout MergeRun) -> JSONTree {
        let newer = RecordMerge.oursIsNewer(ours, theirs, changed: changed)
        return RecordMerge.fields(base: base, ours: ours, theirs: theirs, oursIsNewer: newer) { key, mine, other in
            guard key == "note" else { return nil }
            let note = RecordMerge.bothTexts(mine?.text, other?.text)
            if note != mine?.text, note != other?.text { run.conflicts.append(MergeConflict(kind: .keptBoth, record: id, field: "note")) }
            return .some(note.map(JSONTree.string))
        }
    }

    /// Sessions this machine had keep their small ids; the others get the next free ones,
    /// in the order they were logged. The journal lists them by id.
    private static func numbered(_ sessions: [JSONTree], ours: RecordSet) -> [JSONTree] {
        func number(_ session: JSONTree) -> Int? { if case .number(let text)? = session["id"] { Int(text) } else { nil } }
        var used = Set<Int>()
        var result: [(Int, JSONTree)] = []
        var newcomers: [JSONTree] = []
        for session in sessions {
            let uid = session[uidKey]?.text ?? ""
            if let mine = ours.records[uid].flatMap(number), mine >= 1, used.insert(mine).inserted {
                result.append((mine, session.setting("id", .number("\(mine)"))))
            } else {
                newcomers.append(session)
            }
        }
        var next = (used.max() ?? 0) + 1
        newcomers.sort { (changed($0) ?? .distantPast, $0.canonical) < (changed($1) ?? .distantPast, $1.canonical) }
        for session in newcomers {
            result.append((next, session.setting("id", .number("\(next)"))))
            next += 1
        }
        return result.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The goal history, per day a goal took effect; a day both machines changed keeps
    /// the higher goal (a goal change has no time of its own to decide by).
    private static func goals(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree) -> JSONTree {
        func changes(_ tree: JSONTree?) -> RecordSet? {
            tree.map { RecordSet(array: $0["goals"]?.elements ?? [], idKey: "from", removed: nil) }
        }
        var ignored = MergeRun()
        func minutes(_ change: JSONTree) -> Double { if case .number(let text)? = change["minutes"] { Double(text) ?? 0 } else { 0 } }
        let rules = RecordMerge.Rules(changed: { _ in nil }, both: { _, mine, other, _, _ in
            if minutes(mine) != minutes(other) { return minutes(mine) > minutes(other) ? mine : other }
            return mine.canonical > other.canonical ? mine : other
        })
        let merged = RecordMerge.merge(base: changes(base), ours: changes(ours)!, theirs: changes(theirs)!, rules: rules, run: &ignored)
        return .array(merged.order.sorted().map { merged.records[$0]! })
    }
}
