import CoachCore
import FoundationEssentials

/// The `conflicts` a merged document lists, {"field": "note", "kind": "both", "record":
/// "genai.rag"}, and the one line that tells the learner about them ("2 notes kept from
/// both machines: review them"). The stores read past the list; a save keeps each
/// conflict while it is still open (`stillOpen`).
public enum MergeConflicts {
    static func tree(_ conflict: MergeConflict) -> JSONTree {
        var pairs: [(key: String, value: JSONTree)] = [("kind", .string(conflict.kind.rawValue)), ("record", .string(conflict.record))]
        if !conflict.field.isEmpty { pairs.append(("field", .string(conflict.field))) }
        if let kept = conflict.kept { pairs.append(("kept", .string(kept))) }
        return .object(pairs)
    }

    static func conflict(_ tree: JSONTree) -> MergeConflict? {
        guard let kind = tree["kind"]?.text.flatMap(MergeConflict.Kind.init), let record = tree["record"]?.text else { return nil }
        return MergeConflict(kind: kind, record: record, field: tree["field"]?.text ?? "", kept: tree["kept"]?.text)
    }

    static func listed(in tree: JSONTree?) -> [MergeConflict] {
        (tree?[DocumentMerge.conflictsKey]?.elements ?? []).compactMap(conflict)
    }

    /// This merge's conflicts and those both sides listed before, each once.
    static func merged(_ found: [MergeConflict], ours: JSONTree, theirs: JSONTree, in merged: JSONTree) -> [MergeConflict] {
        var all: [MergeConflict] = []
        for conflict in listed(in: ours) + listed(in: theirs) + found where !all.contains(conflict) {
            all.append(conflict)
        }
        return all.sorted { ($0.record, $0.field, $0.kind.rawValue) < ($1.record, $1.field, $1.kind.rawValue) }
    }

    /// The line that tells the learner what a merge kept for them to look at; nil when
    /// nothing ("2 notes kept from both machines: review them").
    public static func summary(_ conflicts: [MergeConflict]) -> String? {
        let both = conflicts.filter { $0.kind == .keptBoth }.count
        let edits = conflicts.filter { $0.kind == .keptEdit }.count
        var parts: [String] = []
        if both > 0 { parts.append("\(both) note\(both == 1 ? "" : "s") kept from both machines") }
        if edits > 0 {
            parts.append("\(edits) record\(edits == 1 ? "" : "s") deleted on one machine kept, edited on the other")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ") + ": review them"
    }
}
