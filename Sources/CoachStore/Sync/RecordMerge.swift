import FoundationEssentials

/// The records of one document, by id, in file order, with the tombstones of the
/// deleted ones: the shape every kind's records are merged in.
struct RecordSet {
    var records: [String: JSONTree] = [:]
    var order: [String] = []
    /// Deleted ids, with when they were deleted.
    var removed: [String: Date] = [:]

    init() {}

    /// The records of an array (each an object with its id under `idKey`) and the
    /// document's tombstones.
    init(array: [JSONTree], idKey: String, removed: JSONTree?) {
        for record in array {
            guard let id = record[idKey]?.text ?? record[idKey].map(\.canonical), records[id] == nil else { continue }
            records[id] = record
            order.append(id)
        }
        self.removed = RecordSet.tombstones(removed)
    }

    /// The records of an object keyed by id.
    init(object: JSONTree, removed: JSONTree?) {
        for (id, record) in object.pairs where records[id] == nil {
            records[id] = record
            order.append(id)
        }
        self.removed = RecordSet.tombstones(removed)
    }

    var inOrder: [JSONTree] { order.compactMap { records[$0] } }

    static func tombstones(_ tree: JSONTree?) -> [String: Date] {
        var removed: [String: Date] = [:]
        for (id, when) in tree?.pairs ?? [] {
            if let date = when.date { removed[id] = max(date, removed[id] ?? date) }
        }
        return removed
    }

    /// `removed` as the file writes it: {"id": "2026-12-02T10:10:10Z"}; nil when empty.
    var removedTree: JSONTree? {
        removed.isEmpty ? nil : .object(removed.keys.sorted().map { ($0, JSONTree.time(removed[$0]!)) })
    }
}

/// The three-way merge of records by id, and of one record's fields, that every kind
/// uses: a change on one side is taken; a change on both is decided by the kind's rules
/// (newest change wins, or both kept); a deletion on one side removes the record unless
/// the other side changed it, and then the change is kept and said.
enum RecordMerge {
    /// How one kind merges a record both sides changed, and when a record last changed.
    struct Rules {
        /// When the record last changed; nil when it does not say.
        var changed: (JSONTree) -> Date?
        /// Merges one record both sides hold and changed.
        var both: (_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ id: String, _ run: inout MergeRun) -> JSONTree
    }

    static func merge(base: RecordSet?, ours: RecordSet, theirs: RecordSet, rules: Rules, run: inout MergeRun) -> RecordSet {
        var merged = RecordSet()
        for (id, date) in ours.removed.merging(theirs.removed, uniquingKeysWith: max) { merged.removed[id] = date }
        let ids = ours.order + theirs.order.filter { ours.records[$0] == nil }
        for id in ids {
            let old = base?.records[id]
            let record: JSONTree?
            switch (ours.records[id], theirs.records[id]) {
            case (let mine?, let other?):
                if JSONTree.same(mine, other) {
                    record = mine
                } else if JSONTree.same(old, mine) {
                    record = other
                } else if JSONTree.same(old, other) {
                    record = mine
                } else {
                    record = rules.both(old, mine, other, id, &run)
                }
            case (let only?, nil):
                record = kept(only, old: old, deletedAt: theirs.removed[id], id: id, rules: rules, &run)
            case (nil, let only?):
                record = kept(only, old: old, deletedAt: ours.removed[id], id: id, rules: rules, &run)
            case (nil, nil):
                record = nil
            }
            if let record {
                merged.records[id] = record
                merged.order.append(id)
                merged.removed[id] = nil
            }
        }
        return merged
    }

    /// A record one side holds and the other does not: added there, or deleted here.
    private static func kept(_ record: JSONTree, old: JSONTree?, deletedAt: Date?, id: String,
                             rules: Rules, _ run: inout MergeRun) -> JSONTree? {
        if let old {
            // The other side deleted it: gone, unless this side changed it since.
            if JSONTree.same(old, record) { return nil }
            run.conflicts.append(MergeConflict(kind: .keptEdit, record: id))
            return record
        }
        guard let deletedAt else { return record }  // added on this side
        // No common ancestor: the deletion wins only over a record unchanged since it.
        if let changed = rules.changed(record), changed > deletedAt {
            run.conflicts.append(MergeConflict(kind: .keptEdit, record: id))
            return record
        }
        return nil
    }

    /// True when `ours` is the newer of two versions of a record: its change time is
    /// later, or (the same time, or none) its canonical text sorts after — so both
    /// machines, merging in either order, choose the same one.
    static func oursIsNewer(_ ours: JSONTree, _ theirs: JSONTree, changed: (JSONTree) -> Date?) -> Bool {
        let mine = changed(ours) ?? .distantPast, other = changed(theirs) ?? .distantPast
        if mine != other { return mine > other }
        return ours.canonical > theirs.canonical
    }

    /// A record's fields merged one by one against the base: a field one side changed
    /// takes that change; a field both changed goes to `both` (the newer side's value,
    /// unless the kind keeps both). Fields this code does not know are merged the same way.
    static func fields(base: JSONTree?, ours: JSONTree, theirs: JSONTree, oursIsNewer: @autoclosure () -> Bool,
                       both: (_ key: String, _ ours: JSONTree?, _ theirs: JSONTree?) -> JSONTree?? = { _, _, _ in nil }) -> JSONTree {
        var keys: [String] = []
        for (key, _) in ours.pairs + theirs.pairs where !keys.contains(key) { keys.append(key) }
        var merged: [(key: String, value: JSONTree)] = []
        for key in keys {
            let old = base?[key], mine = ours[key], other = theirs[key]
            let value: JSONTree?
            if JSONTree.same(mine, other) || JSONTree.same(old, other) {
                value = mine
            } else if JSONTree.same(old, mine) {
                value = other
            } else if let decided = both(key, mine, other) {
                value = decided
            } else {
                value = oursIsNewer() ? mine : other
            }
            if let value { merged.append((key, value)) }
        }
        return .object(merged)
    }

    /// Two texts both sides changed, kept in one, marked, in an order both machines agree
    /// on; nil when they do not fit in `limit` characters (the caller keeps the other beside).
    static func bothTexts(_ ours: String?, _ theirs: String?, limit: Int = .max) -> String? {
        guard let ours, !ours.isEmpty else { return theirs }
        guard let theirs, !theirs.isEmpty else { return ours }
        // A note already holding the other (an earlier merge) is not doubled.
        if ours.contains(theirs) { return ours }
        if theirs.contains(ours) { return theirs }
        let (first, second) = ours < theirs ? (ours, theirs) : (theirs, ours)
        let joined = first + DocumentMerge.bothMarker + second
        return joined.count <= limit ? joined : nil
    }
}
