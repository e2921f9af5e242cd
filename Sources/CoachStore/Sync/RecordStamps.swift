import CoachCore
import FoundationEssentials

/// What a save adds to a document so a merge can tell what changed where: a stable id
/// (`uid`) for each journal session, card rating and drill attempt, when a session last
/// changed, tombstones (`removed`, id → when) for the records gone since the file being
/// replaced (kept 90 days, then dropped), when each setting last changed, and the merge
/// conflicts still open. Each is found by comparing the new file with the old one, so
/// the engine's values carry none of it; a record of an older file gets the id its
/// content gives (`RecordIDs.derived`), the one every machine gives it.
enum RecordStamps {
    /// How long a deleted record's tombstone is kept: long enough for every machine to
    /// sync once; a machine away longer may bring the record back.
    static let tombstoneLife: TimeInterval = 90 * 86_400

    // MARK: journal.json

    /// Sessions are matched to the old file's by their small id and their day and start
    /// (a session deleted and its id given to a new one is not mistaken for an edit).
    static func journal(_ new: [UInt8], old: Data?, now: Date) -> [UInt8] {
        guard var tree = try? JSONTree.read(Data(new)) else { return new }
        let before = old.flatMap { try? JSONTree.read($0) }
        let oldEntries = RecordIDs.upgraded(before?["entries"]?.elements ?? [], key: JournalMerge.uidKey, kind: "journal")
        var byNumber: [String: JSONTree] = [:]
        for entry in oldEntries { byNumber[entry["id"]?.canonical ?? ""] = entry }
        var present = Set<String>()
        let entries = (tree["entries"]?.elements ?? []).map { entry -> JSONTree in
            var stamped = entry
            if let previous = byNumber[entry["id"]?.canonical ?? ""], let uid = previous[JournalMerge.uidKey]?.text,
               JSONTree.same(previous["day"], entry["day"]), JSONTree.same(previous["start"], entry["start"]) {
                stamped = stamped.setting(JournalMerge.uidKey, .string(uid))
                let unchanged = JSONTree.same(content(previous, dropping: ["changed", JournalMerge.uidKey]),
                                              content(entry, dropping: ["changed", JournalMerge.uidKey]))
                stamped = stamped.setting("changed", unchanged ? previous["changed"] : .time(now))
            } else {
                stamped = stamped.setting(JournalMerge.uidKey, .string(RecordIDs.random())).setting("changed", .time(now))
            }
            present.insert(stamped[JournalMerge.uidKey]?.text ?? "")
            return stamped
        }
        tree = tree.setting("entries", .array(entries))
        let gone = oldEntries.compactMap { $0[JournalMerge.uidKey]?.text }.filter { !present.contains($0) }
        tree = tree.setting(DocumentMerge.removedKey, tombstones(before, gone: gone, present: present, now: now))
        tree = carryConflicts(from: before, into: tree, records: Dictionary(entries.map { ($0[JournalMerge.uidKey]?.text ?? "", $0) },
                                                                             uniquingKeysWith: { a, _ in a }))
        return tree.houseFormat
    }

    // MARK: reviews.json

    /// Ratings and drill attempts are matched to the old file's by their content, in
    /// order: the same rating keeps its id, a new one gets a new id.
    static func reviews(_ new: Data, old: Data?, now: Date) -> Data {
        guard var tree = try? JSONTree.read(new) else { return new }
        let before = old.flatMap { try? JSONTree.read($0) }
        var present = Set<String>(), gone: [String] = []
        var records: [String: JSONTree] = [:]
        for (key, kind) in [("reviews", "review"), ("drills", "drill")] {
            let oldRecords = RecordIDs.upgraded(before?[key]?.elements ?? [], key: JournalMerge.uidKey, kind: kind)
            var unused: [String: [String]] = [:]
            for record in oldRecords {
                guard let uid = record[JournalMerge.uidKey]?.text else { continue }
                unused[content(record, dropping: [JournalMerge.uidKey]).canonical, default: []].append(uid)
            }
            guard let newRecords = tree[key]?.elements else { continue }
            let stamped = newRecords.map { record -> JSONTree in
                let text = content(record, dropping: [JournalMerge.uidKey]).canonical
                let uid = unused[text]?.isEmpty == false ? unused[text]!.removeFirst() : RecordIDs.random()
                present.insert(uid)
                let result = record.setting(JournalMerge.uidKey, .string(uid))
                records[uid] = result
                return result
            }
            gone += unused.values.flatMap { $0 }
            tree = tree.setting(key, .array(stamped))
        }
        tree = tree.setting(DocumentMerge.removedKey, tombstones(before, gone: gone, present: present, now: now))
        tree = carryConflicts(from: before, into: tree, records: records)
        return Data(tree.houseFormat)
    }

    // MARK: settings.json

    /// Each key's time of change: kept while its value is the old file's, now otherwise.
    /// A first file has no times: nothing in it changed since anything a merge could meet.
    static func settings(_ new: [UInt8], old: Data?, now: Date) -> [UInt8] {
        guard let old, var tree = try? JSONTree.read(Data(new)) else { return new }
        let before = try? JSONTree.read(old)
        var times: [(key: String, value: JSONTree)] = []
        let keys = Set(tree.pairs.map(\.key) + (before?.pairs.map(\.key) ?? [])).subtracting(["version", SettingsMerge.changedKey, DocumentMerge.conflictsKey])
        for key in keys.sorted() {
            if JSONTree.same(before?[key], tree[key]) {
                if let time = before?[SettingsMerge.changedKey]?[key] { times.append((key, time)) }
            } else {
                times.append((key, .time(now)))
            }
        }
        tree = tree.setting(SettingsMerge.changedKey, times.isEmpty ? nil : .object(times))
        return tree.houseFormat
    }

    // MARK: progress.json

    /// Progress keeps its own time of change per item; a save only carries the open conflicts.
    static func progress(_ new: [UInt8], old: Data?) -> [UInt8] {
        guard let old, (try? MergeNotices.listed(in: old))?.isEmpty == false,
              let before = try? JSONTree.read(old), let tree = try? JSONTree.read(Data(new)) else { return new }
        let items = Dictionary(tree["items"]?.pairs.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { a, _ in a })
        return carryConflicts(from: before, into: tree, records: items).houseFormat
    }

    // MARK: backlog.json

    /// The backlog's tombstones and open conflicts, from the old file and the ideas the
    /// new one keeps (`isKept`). The old file's ideas are only skimmed for their ids: a
    /// backlog of 10,000 ideas is saved on every change.
    static func backlogExtras(old: Data?, isKept: (String) -> Bool, idea: (String) -> JSONTree?,
                              now: Date) -> (conflicts: JSONTree?, removed: JSONTree?) {
        guard let old else { return (nil, nil) }
        var ids: [String] = []
        var removed: [String: Date] = [:]
        _ = try? FastJSONReader.read(old, grammar: .complete) { json throws(FastJSONReader.Unsupported) in
            guard json.peekKind() == .object else { return try json.skipValue() }
            var object = try json.beginObject()
            while let key = try json.nextStringKey(&object) {
                switch key {
                case "ideas" where json.peekKind() == .array:
                    var array = try json.beginArray()
                    while try json.nextElement(&array) {
                        guard json.peekKind() == .object else { try json.skipValue(); continue }
                        var fields = try json.beginObject()
                        while let field = try json.nextStringKey(&fields) {
                            if field == "id", json.peekKind() == .string { ids.append(try json.string()) } else { try json.skipValue() }
                        }
                    }
                case DocumentMerge.removedKey where json.peekKind() == .object:
                    var entries = try json.beginObject()
                    while let id = try json.nextStringKey(&entries) {
                        if json.peekKind() == .string, let date = JSONFile.date(from: try json.string()) {
                            removed[id] = date
                        } else {
                            try json.skipValue()
                        }
                    }
                default:
                    try json.skipValue()
                }
            }
        }
        var before = JSONTree.object([])
        if !removed.isEmpty {
            var set = RecordSet()
            set.removed = removed
            before = before.setting(DocumentMerge.removedKey, set.removedTree)
        }
        let gone = ids.filter { !isKept($0) }
        let kept = Set(ids.filter(isKept) + removed.keys.filter(isKept))
        let tombstones = tombstones(before, gone: gone, present: kept, now: now)
        var conflicts: JSONTree?
        if let listed = try? MergeNotices.listed(in: old), !listed.isEmpty {
            let withConflicts = before.setting(DocumentMerge.conflictsKey, .array(listed.map(MergeConflicts.tree)))
            var records: [String: JSONTree] = [:]
            for conflict in listed { records[conflict.record] = idea(conflict.record) }
            conflicts = carryConflicts(from: withConflicts, into: .object([]), records: records)[DocumentMerge.conflictsKey]
        }
        return (conflicts, tombstones)
    }

    // MARK: Shared

    static func content(_ record: JSONTree, dropping keys: [String]) -> JSONTree {
        keys.reduce(record) { $0.setting($1, nil) }
    }

    /// The old file's tombstones younger than `tombstoneLife`, those of `gone` stamped
    /// now, none for an id present again (an undone deletion).
    static func tombstones(_ before: JSONTree?, gone: [String], present: Set<String>, now: Date) -> JSONTree? {
        var removed = RecordSet.tombstones(before?[DocumentMerge.removedKey])
        for id in gone { removed[id] = now }
        removed = removed.filter { !present.contains($0.key) && now.timeIntervalSince($0.value) < tombstoneLife }
        var set = RecordSet()
        set.removed = removed
        return set.removedTree
    }

    /// The old file's conflicts still open in the new one: notes kept from both machines
    /// while the note still holds both (the learner has not edited it), a value kept
    /// beside while its record is there. A kept edit was told once, at start.
    static func carryConflicts(from before: JSONTree?, into tree: JSONTree, records: [String: JSONTree]) -> JSONTree {
        let open = MergeConflicts.listed(in: before).filter { conflict in
            guard conflict.kind == .keptBoth, let record = records[conflict.record] else { return false }
            let value = record[conflict.field]?.text ?? ""
            // A value kept beside the field lives only here: it stays until its record goes.
            return conflict.kept != nil ? true : value.contains(DocumentMerge.bothMarker)
        }
        return tree.setting(DocumentMerge.conflictsKey, open.isEmpty ? nil : .array(open.map(MergeConflicts.tree)))
    }

    /// A document's version, read past everything else; nil when it has none.
    static func version(of data: Data) -> Int? {
        try? FastJSONReader.read(data, grammar: .complete) { json throws(FastJSONReader.Unsupported) -> Int? in
            guard json.peekKind() == .object else { try json.skipValue(); return nil }
            var version: Int?
            var object = try json.beginObject()
            while let key = try json.nextStringKey(&object) {
                if key == "version", json.peekKind() == .number { version = Int(try json.numberText()) } else { try json.skipValue() }
            }
            return version
        }
    }
}
