import FoundationEssentials

/// settings.json, merged per key: a key one machine changed takes the change, a key both
/// changed the newer change (`changed` holds when each key last changed). Keys this code
/// does not know are merged the same way.
enum SettingsMerge {
    static let changedKey = "changed"

    static func merge(_ base: JSONTree?, _ ours: JSONTree, _ theirs: JSONTree, _ run: inout MergeRun) -> JSONTree {
        let mineChanged = ours[changedKey], otherChanged = theirs[changedKey]
        func newer(_ key: String) -> Bool {
            let mine = mineChanged?[key]?.date ?? .distantPast, other = otherChanged?[key]?.date ?? .distantPast
            if mine != other { return mine > other }
            return (ours[key]?.canonical ?? "") > (theirs[key]?.canonical ?? "")
        }
        // A key both changed goes to the side that changed it later.
        let fields = RecordMerge.fields(base: base, ours: ours, theirs: theirs, oursIsNewer: false) { key, mine, other in
            .some(newer(key) ? mine : other)
        }
        var merged = fields.pairs.filter { $0.key != changedKey }.sorted { $0.key < $1.key }
        // Each key's time of change: the later of the two.
        var times: [String: Date] = [:]
        for (key, when) in (mineChanged?.pairs ?? []) + (otherChanged?.pairs ?? []) {
            if let date = when.date { times[key] = max(date, times[key] ?? date) }
        }
        if !times.isEmpty {
            merged.append((changedKey, .object(times.keys.sorted().map { ($0, JSONTree.time(times[$0]!)) })))
        }
        return .object(merged)
    }
}
