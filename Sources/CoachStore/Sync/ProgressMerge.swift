import FoundationEssentials

/// progress.json, merged per item and per field: a field one machine changed takes the
/// change; a field both changed goes to the newer status change (`changed`), except the
/// note, where both texts are kept, marked, and the proof links, where both lists are
/// kept. Progress is never deleted, so it has no tombstones.
enum ProgressMerge {
    static func merge(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ run: inout MergeRun) -> JSONTree {
        func items(_ tree: JSONTree?) -> RecordSet? {
            tree.map { RecordSet(object: $0["items"] ?? .object([]), removed: nil) }
        }
        let rules = RecordMerge.Rules(changed: { $0["changed"]?.date }, both: item)
        let merged = RecordMerge.merge(base: items(base), ours: items(ours)!, theirs: items(theirs)!, rules: rules, run: &run)
        return documentKeys(base, ours, theirs).setting("items", .object(merged.order.map { ($0, merged.records[$0]!) }))
    }

    /// One item both machines changed.
    static func item(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ id: String, _ run: inout MergeRun) -> JSONTree {
        let newer = RecordMerge.oursIsNewer(ours, theirs) { $0["changed"]?.date }
        var merged = RecordMerge.fields(base: base, ours: ours, theirs: theirs, oursIsNewer: newer) { key, mine, other in
            switch key {
            case "note":
                let note = RecordMerge.bothTexts(mine?.text, other?.text)
                if note != mine?.text, note != other?.text { run.conflicts.append(MergeConflict(kind: .keptBoth, record: id, field: "note")) }
                return .some(note.map(JSONTree.string))
            case "proof":
                let links = (newer ? [mine, other] : [other, mine]).flatMap { $0?.elements ?? [] }
                var seen = Set<String>()
                return .some(.array(links.filter { seen.insert($0.canonical).inserted }))
            default:
                return nil
            }
        }
        // A status, its change time and its done time travel together, so a merge never
        // pairs one machine's status with the other's done date.
        if !JSONTree.same(ours["status"], theirs["status"]) {
            let source = JSONTree.same(merged["status"], ours["status"]) ? ours : theirs
            for key in ["changed", "done"] { merged = merged.setting(key, source[key]) }
        }
        return merged
    }

    /// The top-level keys other than the records, merged per key (the newer side's
    /// value for a key both changed): what a newer Coach may add there is kept.
    static func documentKeys(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree) -> JSONTree {
        RecordMerge.fields(base: base, ours: ours, theirs: theirs, oursIsNewer: ours.canonical > theirs.canonical)
    }
}
