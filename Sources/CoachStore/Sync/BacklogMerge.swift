import CoachCore
import FoundationEssentials

/// backlog.json, merged per idea (by id) and per field: a field one machine changed takes
/// the change, a field both changed the newer edit (`updated`), except the note, where
/// both texts are kept, marked (when the two do not fit in a note, the newer stays in it
/// and the other is kept in the conflict beside it). An idea deleted on one machine is
/// removed unless the other edited it.
enum BacklogMerge {
    static func merge(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ run: inout MergeRun) -> JSONTree {
        let rules = RecordMerge.Rules(changed: updated, both: idea)
        let merged = RecordMerge.merge(base: base.map(ideas), ours: ideas(ours), theirs: ideas(theirs), rules: rules, run: &run)
        return ProgressMerge.documentKeys(base, ours, theirs)
            .setting("ideas", .array(merged.inOrder))
            .setting(DocumentMerge.removedKey, merged.removedTree)
    }

    private static func ideas(_ tree: JSONTree) -> RecordSet {
        RecordSet(array: tree["ideas"]?.elements ?? [], idKey: "id", removed: tree[DocumentMerge.removedKey])
    }

    private static func updated(_ idea: JSONTree) -> Date? {
        idea["updated"]?.date
    }

    static func idea(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ id: String, _ run: inout MergeRun) -> JSONTree {
        let newer = RecordMerge.oursIsNewer(ours, theirs, changed: updated)
        var found: MergeConflict?
        let merged = RecordMerge.fields(base: base, ours: ours, theirs: theirs, oursIsNewer: newer) { key, mine, other -> JSONTree?? in
            guard key == "note" else { return nil }
            if let note = RecordMerge.bothTexts(mine?.text, other?.text, limit: IdeaValidation.noteLimit) {
                if note != mine?.text, note != other?.text { found = MergeConflict(kind: .keptBoth, record: id, field: "note") }
                let value: JSONTree? = JSONTree.string(note)
                return value
            }
            let inField: JSONTree? = newer ? mine : other
            let beside: String? = newer ? other?.text : mine?.text
            found = MergeConflict(kind: .keptBoth, record: id, field: "note", kept: beside)
            return inField
        }
        if let found { run.conflicts.append(found) }
        return merged
    }
}
