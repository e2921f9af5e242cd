import FoundationEssentials

/// reviews.json, merged as unions: every rating of a card and every drill attempt by its
/// stable id (`uid`), deleted ones (an undone rating) removed unless the other machine
/// changed them; each card's memory state from the machine that reviewed it last; the
/// first release's per-item ratings as a union of ratings.
enum ReviewsMerge {
    static let uidKey = JournalMerge.uidKey

    static func merge(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ run: inout MergeRun) -> JSONTree {
        var merged = ProgressMerge.documentKeys(base, ours, theirs)
        var removed: [String: Date] = [:]
        for (key, kind) in [("reviews", "review"), ("drills", "drill")] {
            func records(_ tree: JSONTree?) -> RecordSet? {
                tree.map { tree in
                    RecordSet(array: RecordIDs.upgraded(tree[key]?.elements ?? [], key: uidKey, kind: kind),
                              idKey: uidKey, removed: tree[DocumentMerge.removedKey])
                }
            }
            let rules = RecordMerge.Rules(changed: { $0["changed"]?.date }, both: { base, mine, other, _, _ in
                RecordMerge.fields(base: base, ours: mine, theirs: other,
                                   oursIsNewer: RecordMerge.oursIsNewer(mine, other) { $0["changed"]?.date })
            })
            let result = RecordMerge.merge(base: records(base), ours: records(ours)!, theirs: records(theirs)!, rules: rules, run: &run)
            removed.merge(result.removed, uniquingKeysWith: max)
            let present = [ours, theirs].contains { $0[key] != nil }
            merged = merged.setting(key, present ? .array(byDay(result.inOrder)) : nil)
        }
        // A tombstone of either list is kept while neither list holds the id.
        var tombstones = RecordSet()
        tombstones.removed = removed
        merged = merged.setting(DocumentMerge.removedKey, tombstones.removedTree)
        merged = merged.setting("cards", cards(base, ours, theirs, &run))
        return merged.setting("items", ladder(base, ours, theirs, &run))
    }

    /// Oldest day first; a day's ratings in the order they came (this machine's first).
    private static func byDay(_ records: [JSONTree]) -> [JSONTree] {
        records.enumerated().sorted { a, b in
            let (x, y) = (a.element["day"]?.text ?? "", b.element["day"]?.text ?? "")
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// A card both machines reviewed takes the state of the later review (then the one
    /// with more repetitions): its memory state is the result of every review before.
    private static func cards(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ run: inout MergeRun) -> JSONTree? {
        guard ours["cards"] != nil || theirs["cards"] != nil else { return nil }
        func cards(_ tree: JSONTree?) -> RecordSet? { tree.map { RecordSet(object: $0["cards"] ?? .object([]), removed: nil) } }
        func rank(_ card: JSONTree) -> (String, Double) {
            let reps: Double = if case .number(let text)? = card["reps"] { Double(text) ?? 0 } else { 0 }
            return (card["lastReview"]?.text ?? "", reps)
        }
        let rules = RecordMerge.Rules(changed: { _ in nil }, both: { _, mine, other, _, _ in
            if rank(mine) != rank(other) { return rank(mine) > rank(other) ? mine : other }
            return mine.canonical > other.canonical ? mine : other
        })
        let merged = RecordMerge.merge(base: cards(base), ours: cards(ours)!, theirs: cards(theirs)!, rules: rules, run: &run)
        return .object(merged.order.map { ($0, merged.records[$0]!) })
    }

    /// The first release's ratings per item: both machines' ratings, those the base had
    /// and one side no longer has removed.
    private static func ladder(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ run: inout MergeRun) -> JSONTree? {
        guard ours["items"] != nil || theirs["items"] != nil else { return nil }
        func items(_ tree: JSONTree?) -> RecordSet? { tree.map { RecordSet(object: $0["items"] ?? .object([]), removed: nil) } }
        let rules = RecordMerge.Rules(changed: { _ in nil }, both: { base, mine, other, _, _ in
            let old = Set((base?.elements ?? []).map(\.canonical))
            let keptMine = Set(mine.elements.map(\.canonical)), keptOther = Set(other.elements.map(\.canonical))
            var seen = Set<String>()
            let ratings = (mine.elements + other.elements).filter { rating in
                let text = rating.canonical
                let droppedByOne = old.contains(text) && !(keptMine.contains(text) && keptOther.contains(text))
                return !droppedByOne && seen.insert(text).inserted
            }
            return .array(byDay(ratings))
        })
        let merged = RecordMerge.merge(base: items(base), ours: items(ours)!, theirs: items(theirs)!, rules: rules, run: &run)
        return .object(merged.order.map { ($0, merged.records[$0]!) })
    }
}
