@testable import CoachStore
import CoachCore
import Foundation
import Testing

/// The merge on generated pairs of histories, for every document kind: from one base,
/// two machines each add, edit and delete records (a seeded generator, so a failure
/// replays), and the merge of the two must keep every change either acknowledged, hold
/// the same records whichever side is "ours", and change nothing merged with itself.
@Suite struct MergePropertyTests {
    /// Where a kind keeps its records and which fields a history edits.
    struct Shape {
        var kind: DocumentKind
        /// The records' array (or object, for progress) under this key; nil: the top level (settings).
        var container: String?
        var idKey: String?
        var changedKey: String?
        /// Field → a random value for it.
        var fields: [(String, (inout SeededRandom) -> JSONTree)]
        var make: (String, inout SeededRandom, Int) -> JSONTree
        var deletes = true
    }

    static func text(_ random: inout SeededRandom) -> JSONTree {
        .string(["read the paper", "try it on tickets", "ask legal", "slides", "redo the eval"][random.next(below: 5)]
                + " \(random.next(below: 1000))")
    }

    static func time(_ tick: Int) -> JSONTree { .string(ISODateText.text(of: Date(timeIntervalSince1970: 1_764_662_400 + Double(tick) * 60))) }

    static var shapes: [Shape] { [
        Shape(kind: .progress, container: "items", idKey: nil, changedKey: "changed",
              fields: [("status", { .string(["todo", "doing", "done", "skipped"][$0.next(below: 4)]) }), ("note", text)],
              make: { _, random, tick in .object([("changed", time(tick)), ("status", .string("doing")), ("note", text(&random))]) },
              deletes: false),
        Shape(kind: .journal, container: "entries", idKey: "uid", changedKey: "changed",
              fields: [("minutes", { .number("\(1 + $0.next(below: 240))") }), ("note", text)],
              make: { uid, random, tick in
                  .object([("uid", .string(uid)), ("id", .number("\(1 + tick)")), ("day", .string("2025-12-0\(1 + random.next(below: 9))")),
                           ("minutes", .number("\(1 + random.next(below: 120))")), ("items", .array([])), ("changed", time(tick))])
              }),
        Shape(kind: .backlog, container: "ideas", idKey: "id", changedKey: "updated",
              fields: [("title", { .string("Idea \($0.next(below: 500))") }), ("note", text), ("reach", { .number("\(1 + $0.next(below: 900))") })],
              make: { id, random, tick in
                  .object([("confidence", .number("0.8")), ("created", time(tick)), ("effort", .number("2")),
                           ("hiddenCosts", .object([])), ("id", .string(id)), ("impact", .number("2")), ("items", .array([])),
                           ("reach", .number("\(1 + random.next(below: 900))")), ("status", .string("idea")),
                           ("title", .string("Idea \(random.next(below: 500))")), ("updated", time(tick))])
              }),
        Shape(kind: .reviews, container: "reviews", idKey: "uid", changedKey: nil, fields: [],
              make: { uid, random, _ in
                  .object([("uid", .string(uid)), ("day", .string("2025-12-0\(1 + random.next(below: 9))")), ("card", .string("a.b#1")),
                           ("rating", .string(["again", "hard", "good", "easy"][random.next(below: 4)])),
                           ("interval", .number("\(random.next(below: 30))"))])
              }),
        Shape(kind: .settings, container: nil, idKey: nil, changedKey: nil,
              fields: [("dailyGoalMinutes", { .number("\(5 + $0.next(below: 100))") }),
                       ("focusTrack", { .string(["ai-product", "genai", "evals"][$0.next(below: 3)]) }),
                       ("restDays", { .array([.string(["sunday", "saturday"][$0.next(below: 2)])]) })],
              make: { _, _, _ in .null }, deletes: false),
    ] }

    /// A document as records by id (settings: one record, "settings").
    struct Document {
        var records: [String: JSONTree] = [:]
        var removed: [String: JSONTree] = [:]
        var settingsChanged: [String: JSONTree] = [:]

        func tree(_ shape: Shape) -> JSONTree {
            var tree = JSONTree.object([("version", .number(shape.kind == .reviews ? "3" : shape.kind == .progress ? "1" : "2"))])
            if shape.kind == .settings {
                tree = .object((records["settings"]?.pairs ?? []) + [("version", .number("1"))])
                if !settingsChanged.isEmpty { tree = tree.setting("changed", .object(settingsChanged.map { ($0.key, $0.value) })) }
                return tree
            }
            let sorted = records.keys.sorted()
            if shape.kind == .progress {
                tree = tree.setting("items", .object(sorted.map { ($0, records[$0]!) }))
            } else {
                tree = tree.setting(shape.container!, .array(sorted.map { records[$0]! }))
            }
            if !removed.isEmpty { tree = tree.setting("removed", .object(removed.map { ($0.key, $0.value) })) }
            if shape.kind == .journal { tree = tree.setting("goals", .array([])) }
            return tree
        }
    }

    /// One machine's history from the base: adds, field edits and deletes.
    static func history(_ base: Document, _ shape: Shape, _ random: inout SeededRandom, tick: inout Int, name: String) -> Document {
        var document = base
        for step in 0..<(1 + random.next(below: 6)) {
            tick += 1
            let ids = document.records.keys.sorted()
            let choice = random.next(below: 3)
            if shape.kind == .settings {
                var settings = document.records["settings"] ?? .object([])
                let (field, value) = shape.fields[random.next(below: shape.fields.count)]
                settings = settings.setting(field, value(&random))
                document.records["settings"] = settings
                document.settingsChanged[field] = time(tick)
            } else if choice == 0 || ids.isEmpty || (shape.fields.isEmpty && choice == 1) {
                let id = "\(name)-\(step)-\(random.next(below: 1 << 30))"
                document.records[id] = shape.make(id, &random, tick)
            } else if choice == 1 {
                let id = ids[random.next(below: ids.count)]
                let (field, value) = shape.fields[random.next(below: shape.fields.count)]
                var record = document.records[id]!.setting(field, value(&random))
                if let changed = shape.changedKey { record = record.setting(changed, time(tick)) }
                document.records[id] = record
            } else if shape.deletes {
                let id = ids[random.next(below: ids.count)]
                document.records[id] = nil
                document.removed[id] = time(tick)
            }
        }
        return document
    }

    /// The records of a merged file, without what is local to one file (a session's small id).
    static func records(_ data: Data, _ shape: Shape) throws -> [String: String] {
        let tree = try JSONTree.read(data)
        if shape.kind == .settings {
            return ["settings": tree.setting("version", nil).setting("changed", nil).setting("conflicts", nil).canonical]
        }
        var result: [String: String] = [:]
        if shape.kind == .progress {
            for (id, record) in tree["items"]?.pairs ?? [] { result[id] = record.canonical }
        } else {
            for record in tree[shape.container!]?.elements ?? [] {
                result[record[shape.idKey!]?.text ?? ""] = record.setting("id", shape.kind == .journal ? nil : record["id"]).canonical
            }
        }
        return result
    }

    @Test(arguments: [DocumentKind.progress, .journal, .backlog, .reviews, .settings])
    func mergesOfGeneratedHistoriesKeepEveryChange(kind: DocumentKind) throws {
        let shape = Self.shapes.first { $0.kind == kind }!
        var random = SeededRandom(seed: 14 + UInt64(Self.shapes.firstIndex { $0.kind == kind }!))
        for round in 0..<150 {
            var tick = 0
            var base = Document()
            for index in 0..<random.next(below: 5) {
                let id = "base-\(index)"
                if kind == .settings {
                    base.records["settings"] = .object([("dailyGoalMinutes", .number("30"))])
                } else {
                    base.records[id] = shape.make(id, &random, index)
                }
            }
            tick = 100
            let ours = Self.history(base, shape, &random, tick: &tick, name: "ours")
            let theirs = Self.history(base, shape, &random, tick: &tick, name: "theirs")
            let (b, o, t) = (Data(base.tree(shape).houseFormat), Data(ours.tree(shape).houseFormat), Data(theirs.tree(shape).houseFormat))
            let merged = try DocumentMerge.merge(kind: kind, base: b, ours: o, theirs: t)
            let swapped = try DocumentMerge.merge(kind: kind, base: b, ours: t, theirs: o)
            let records = try Self.records(merged.data, shape)
            #expect(records == (try Self.records(swapped.data, shape)), "round \(round): merge(a, b) and merge(b, a) hold the same records")
            // Merging a document with itself changes nothing.
            let same = try DocumentMerge.merge(kind: kind, base: merged.data, ours: merged.data, theirs: merged.data)
            #expect(same.data == merged.data, "round \(round): a merge with itself")
            // No acknowledged change is lost.
            for (side, other) in [(ours, theirs), (theirs, ours)] {
                for (id, record) in side.records {
                    let old = base.records[id]
                    guard !JSONTree.same(old, record) else {
                        if other.records[id] == nil, old != nil {
                            #expect(records[id] == nil, "round \(round): \(id) deleted on one side, unchanged on the other, is gone")
                        }
                        continue
                    }
                    let kept = try #require(records[id], "round \(round): \(id), added or edited, is kept")
                    let keptTree = try JSONTree.read(Data(kept.utf8))
                    for (field, value) in record.pairs where !JSONTree.same(old?[field], value) && field != shape.changedKey && field != "id" {
                        let otherValue = other.records[id]?[field]
                        let otherChanged = other.records[id] != nil && !JSONTree.same(old?[field], otherValue)
                        if !otherChanged {
                            #expect(JSONTree.same(keptTree[field], value), "round \(round): \(id).\(field) changed on one side only")
                        } else if field == "note", let mine = value.text, let theirs = otherValue?.text {
                            let note = keptTree["note"]?.text ?? ""
                            #expect(note.contains(mine) && note.contains(theirs), "round \(round): both notes kept in \(id)")
                        } else {
                            #expect(JSONTree.same(keptTree[field], value) || JSONTree.same(keptTree[field], otherValue),
                                    "round \(round): \(id).\(field) is one of the two changes")
                        }
                    }
                }
            }
            // The merged file loads, and a second merge of it with either side adds nothing new.
            try DocumentMerge.load(merged.data, kind: kind, file: URL(fileURLWithPath: "/merged"))
            let again = try DocumentMerge.merge(kind: kind, base: o, ours: merged.data, theirs: o)
            #expect(try Self.records(again.data, shape) == records, "round \(round): merging in what it holds already changes nothing")
        }
    }
}
