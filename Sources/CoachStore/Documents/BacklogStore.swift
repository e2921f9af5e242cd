import CoachCore
import FoundationEssentials

extension CoachHome {
    public var backlogFile: URL { file(.backlog) }
}

/// backlog.json: {"version": 1, "ideas": [...]}, and the starter ideas of Data/ideas.json.
///
/// Saving writes, by hand (`writeFile`), the house format: sorted keys, two-space
/// indents, one field a line, so the file diffs well and reads by eye. Loading reads
/// the bytes by hand too (`IdeaReader` below, on `FastJSONReader` with its complete
/// grammar): JSONDecoder and JSONSerialization each need about 100 ms for 10,000 ideas,
/// the hand reader a fraction of that. It keeps every document's promises: a newer
/// version is refused before anything else is read, an unreadable file is named with the
/// place and the reason, and a file that is refused is never touched. Every idea passes
/// the same checks as typing it in.
///
/// Version 2 adds `removed`, the ids of deleted ideas with when they were deleted, for a
/// merge of two machines' backlogs (`RecordStamps.backlogExtras`); a version 1 file loads
/// as it is and is kept as `backups/backlog.v1.json` when first rewritten.
public enum BacklogStore {
    public static let version = 2

    /// The backlog of the home; empty when the file does not exist yet.
    public static func load(_ home: CoachHome) throws -> Backlog {
        let url = home.backlogFile
        guard let contents = try readFile(url) else { return Backlog() }
        return try checked(contents, file: url)
    }

    static func load(_ data: Data, file url: URL) throws -> Backlog {
        try checked(try read(data, file: url, handingBackPages: false), file: url)
    }

    /// The file's bytes live only in here, and their pages are handed back to the system
    /// as the ideas are read (10,000 ideas are a 6 MB file), so the bytes and the ideas
    /// are never all in memory together.
    private static func readFile(_ url: URL) throws -> Contents? {
        guard let data = try AtomicFile.read(url) else { return nil }
        return try read(data, file: url, handingBackPages: true)
    }

    private static func read(_ data: Data, file url: URL, handingBackPages: Bool) throws -> Contents {
        do {
            return try FastJSONReader.read(data, grammar: .complete) { json throws(FastJSONReader.Unsupported) in
                var pages = handingBackPages ? PageRelease() : nil
                return try readContents(&json, &pages)
            }
        } catch {
            // Handed-back pages read as zeros: the message is made from the file itself.
            let bytes = handingBackPages ? (try? AtomicFile.read(url)) ?? data : data
            throw VersionedDocument.syntaxProblem(error, in: bytes, file: url)
        }
    }

    /// What one pass over a file that is valid JSON found, before it is judged.
    private struct Contents {
        var isObject = true
        var version: Int?
        var versionIsNumber = true
        var ideas: [Idea]?
        var problem: IdeaReader.Problem?
        /// A top-level key the file has twice (the first such).
        var repeatedKey: String?
    }

    /// One pass over the file; only broken JSON stops it.
    private static func readContents(_ json: inout FastJSONReader,
                                     _ pages: inout PageRelease?) throws(FastJSONReader.Unsupported) -> Contents {
        var contents = Contents()
        guard json.peekKind() == .object else {
            // Broken JSON is reported as such; only then is the shape the problem.
            try json.skipValue()
            contents.isObject = false
            return contents
        }
        var object = try json.beginObject()
        var seen = Set<String>()
        while let key = try json.nextStringKey(&object) {
            if !seen.insert(key).inserted, contents.repeatedKey == nil { contents.repeatedKey = key }
            switch key {
            case "version":
                if json.peekKind() == .number {
                    contents.version = Int(exactly: try json.number())
                    contents.versionIsNumber = contents.version != nil
                } else {
                    contents.versionIsNumber = false
                    try json.skipValue()
                }
            case "ideas":
                (contents.ideas, contents.problem) = try readIdeas(&json, &pages)
            default:
                try json.skipValue()
            }
        }
        return contents
    }

    /// The version is checked before anything the ideas hold is reported, as
    /// every document does (`VersionedDocument`): a newer file is refused whatever it holds.
    private static func checked(_ contents: Contents, file url: URL) throws -> Backlog {
        guard contents.isObject else {
            throw StoreError.unreadable(file: url.path, place: "top level", reason: "expected an object with version and ideas")
        }
        guard contents.versionIsNumber else {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "expected a whole number")
        }
        guard let version = contents.version else {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "missing field \"version\"")
        }
        if version > Self.version {
            throw StoreError.newerVersion(file: url.path, found: version, supported: Self.version)
        }
        if version < 1 {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "version must be 1 or more, found \(version)")
        }
        if let key = contents.repeatedKey {
            throw StoreError.unreadable(file: url.path, place: key, reason: Self.repeatedKeyReason)
        }
        if let problem = contents.problem {
            throw StoreError.unreadable(file: url.path, place: problem.place, reason: problem.reason)
        }
        guard let ideas = contents.ideas else {
            throw StoreError.unreadable(file: url.path, place: "ideas", reason: "missing field \"ideas\"")
        }
        let backlog = Backlog(ideas: ideas)
        if backlog.count < ideas.count, let repeated = firstRepeatedID(in: ideas) {
            throw StoreError.unreadable(file: url.path, place: "ideas[\(repeated.index)].id",
                                        reason: "duplicate id \"\(ideas[repeated.index].id)\" (also ideas[\(repeated.earlier)])")
        }
        return backlog
    }

    /// The ideas, or the first problem among them. After a problem the rest is only
    /// checked for syntax, which must still be reported first.
    private static func readIdeas(_ json: inout FastJSONReader,
                                  _ pages: inout PageRelease?) throws(FastJSONReader.Unsupported) -> ([Idea]?, IdeaReader.Problem?) {
        guard json.peekKind() == .array else {
            try json.skipValue()
            return (nil, IdeaReader.Problem(place: "ideas", reason: "expected an array of ideas"))
        }
        var ideas: [Idea] = []
        // Room for as many ideas as the file could hold (the house format takes well over
        // 256 bytes an idea), so the array is never copied as it grows; room never used is
        // never touched, and takes no memory.
        ideas.reserveCapacity(json.bytesLeft / 256)
        var problem: IdeaReader.Problem?
        var array = try json.beginArray()
        var index = 0
        while try json.nextElement(&array) {
            if problem != nil {
                try json.skipValue()
                continue
            }
            let record = try IdeaReader.read(&json, at: { "ideas[\(index)]" }, kind: .saved)
            if let found = record.problems.first {
                problem = found
            } else if let idea = record.idea {
                ideas.append(idea)
            } else {
                problem = IdeaReader.Problem(place: "ideas[\(index)]", reason: "not a valid idea")
            }
            pages?.handBack(json.bytesRead)
            index += 1
        }
        return (problem == nil ? ideas : nil, problem)
    }

    /// Only looked for when the backlog came out smaller than the file.
    private static func firstRepeatedID(in ideas: [Idea]) -> (index: Int, earlier: Int)? {
        var seen: [String: Int] = [:]
        for (index, idea) in ideas.enumerated() {
            if let earlier = seen[idea.id] { return (index, earlier) }
            seen[idea.id] = index
        }
        return nil
    }

    static let repeatedKeyReason = JSONFile.repeatedKeyReason

    private static func syntaxProblem(_ error: FastJSONReader.SyntaxError, in data: Data, file url: URL) -> StoreError {
        JSONFile.syntaxProblem(error, in: data, file: url)
    }

    /// Saves atomically, ideas in the order they were made (then by id), so adding an
    /// idea appends to the file and editing one changes it in place: small diffs.
    public static func save(_ backlog: Backlog, to home: CoachHome, now: Date = Date()) throws {
        let old = try? AtomicFile.read(home.backlogFile)
        let extras = RecordStamps.backlogExtras(old: old, isKept: { backlog[$0] != nil },
                                                idea: { backlog[$0].map { JSONTree.object([("note", .string($0.note ?? ""))]) } },
                                                now: now)
        try Backups.keep(home.backlogFile)
        Backups.keepOlderVersion(home.backlogFile, data: old, current: version)
        try AtomicFile.write(to: home.backlogFile) { output in
            writeFile(of: backlog, conflicts: extras.conflicts, removed: extras.removed) { output.write($0) }
        }
    }

    /// The file, written by hand one idea at a time: at 10,000 ideas JSONEncoder needed
    /// about 100 ms and 30 MB, this a fraction.
    static func writeFile(of backlog: Backlog, conflicts: JSONTree? = nil, removed: JSONTree? = nil,
                          to emit: ([UInt8]) -> Void) {
        let ranked = backlog.ranked
        // Sorted by keys made once: reading an idea inside the comparison copies it.
        let made = ranked.indices.map { (created: ranked[$0].created, rank: $0) }.sorted { a, b in
            a.created != b.created ? a.created < b.created : ranked[a.rank].id < ranked[b.rank].id
        }.map(\.rank)
        emit(Array("{\n".utf8))
        /// A key of the merge's (`RecordStamps`) at the top level, written as the trees write.
        func field(_ key: String, _ value: JSONTree?) {
            guard let value else { return }
            var bytes = Array("  \(JSONTree.quoted(key)) : ".utf8)
            value.write(to: &bytes, depth: 1)
            emit(bytes + Array(",\n".utf8))
        }
        field(DocumentMerge.conflictsKey, conflicts)
        emit(Array("  \"ideas\" : ".utf8))
        JSONWriter.array(made.lazy.map { fileFields(of: ranked[$0]) }, depth: 1, to: emit)
        emit(Array(",\n".utf8))
        field(DocumentMerge.removedKey, removed)
        emit(Array("  \"version\" : \(version)\n}\n".utf8))
    }

    /// An idea's keys as `Idea.encode(to:)` writes them, in sorted order.
    private static func fileFields(of idea: Idea) -> [(String, JSONWriter.Value)] {
        let costs = idea.hiddenCosts
        var fields: [(String, JSONWriter.Value)] = [
            ("confidence", .number(idea.confidence)), ("created", .date(idea.created)), ("effort", .number(idea.effort)),
            ("hiddenCosts", .object([("labeling", .number(costs.labeling)), ("monitoring", .number(costs.monitoring)),
                                     ("regulatory", .number(costs.regulatory)), ("retraining", .number(costs.retraining))])),
            ("id", .string(idea.id)), ("impact", .number(idea.impact.value)), ("items", .strings(idea.items)),
        ]
        if let note = idea.note { fields.append(("note", .string(note))) }
        fields += [("reach", .number(idea.reach)), ("status", .string(idea.status.rawValue)), ("title", .string(idea.title)),
                   ("updated", .date(idea.updated))]
        return fields
    }

    // MARK: - Starter ideas

    /// The backlog as the learner first meets it: when the home has no backlog.json yet
    /// (so no ideas of the learner's own), the starter ideas of `data/ideas.json` are
    /// offered (in memory: they are saved with the first change, never by a look) and
    /// `addedStarters` says how many. Once the file exists, even
    /// emptied or holding only the learner's own ideas, it is loaded as it is: starters
    /// come once, and never come back after the learner removed them. `coach idea list`
    /// and the Backlog screen both go through here; the caller holds the home's lock.
    public static func loadOrStart(_ home: CoachHome, data: URL, now: Date) throws -> (backlog: Backlog, addedStarters: Int) {
        let url = home.backlogFile
        if let contents = try readFile(url) {
            return (try checked(contents, file: url), 0)
        }
        var backlog = Backlog()
        let added = backlog.addStarters(try loadStarterIdeas(data: data), now: now)
        return (backlog, added.count)
    }

    /// The starter ideas of `data/ideas.json`, each checked like a typed idea. Any bad
    /// entry is fatal, and all of them are reported, each with the file and its index.
    /// No file means no starter ideas.
    public static func loadStarterIdeas(data: URL) throws -> [StarterIdea] {
        let url = data.appendingPathComponent("ideas.json")
        guard let bytes = try AtomicFile.read(url) else { return [] }
        let (starters, problems): ([StarterIdea], [String])
        do {
            (starters, problems) = try FastJSONReader.read(bytes, grammar: .complete) { json throws(FastJSONReader.Unsupported) in
                try readStarters(&json, file: url)
            }
        } catch {
            throw VersionedDocument.syntaxProblem(error, in: bytes, file: url)
        }
        guard problems.isEmpty else { throw StoreError.invalidCurriculum(problems) }
        return starters
    }

    private static func readStarters(_ json: inout FastJSONReader,
                                     file url: URL) throws(FastJSONReader.Unsupported) -> ([StarterIdea], [String]) {
        guard json.peekKind() == .array else {
            try json.skipValue()
            return ([], ["\(url.path): the top level must be an array of ideas"])
        }
        var starters: [StarterIdea] = []
        var problems: [String] = []
        var seen = Set<String>()
        var array = try json.beginArray()
        var index = 0
        while try json.nextElement(&array) {
            let record = try IdeaReader.read(&json, at: { "[\(index)]" }, kind: .starter)
            let name = record.id.map { " (\($0))" } ?? ""
            for problem in record.problems {
                problems.append("\(url.path): \(problem.place)\(name): \(problem.reason)")
            }
            if let id = record.id, let fields = record.fields {
                if !id.hasPrefix(StarterIdea.idPrefix) {
                    problems.append("\(url.path): [\(index)].id: must start with \"\(StarterIdea.idPrefix)\"; got \"\(id)\"")
                } else if !seen.insert(id).inserted {
                    problems.append("\(url.path): [\(index)].id: duplicate id \"\(id)\"")
                } else {
                    starters.append(StarterIdea(id: id, fields: fields))
                }
            }
            index += 1
        }
        return (starters, problems)
    }
}

// MARK: - Reading one idea

/// Reads one idea object into checked fields, collecting every problem with its JSON
/// place. A starter entry has no status or times; a saved idea has both.
private enum IdeaReader {
    enum Kind { case saved, starter }

    /// The keys an object has had: a bit each for the names the reader knows, a set for
    /// any other (there usually is none, so 10,000 ideas hash no key twice).
    struct SeenKeys {
        private var bits: UInt32 = 0
        private var others: Set<String> = []

        /// False when the key came before: the name's place among the known names, or
        /// for another key its text.
        mutating func insert(_ name: Int?, text: String) -> Bool {
            guard let name else { return others.insert(text).inserted }
            let bit: UInt32 = 1 << UInt32(name)
            defer { bits |= bit }
            return bits & bit == 0
        }
    }

    /// An idea's keys; the raw values are the names in the file.
    enum IdeaKey: String, CaseIterable {
        case id, title, note, status, reach, impact, confidence, effort, hiddenCosts, items, created, updated
    }

    enum CostKey: String, CaseIterable {
        case labeling, retraining, monitoring, regulatory
    }

    static let ideaFields = IdeaKey.allCases
    static let costFields = CostKey.allCases
    static let ideaKeys = FastJSONReader.KeyNames(ideaFields.map(\.rawValue))
    static let costKeys = FastJSONReader.KeyNames(costFields.map(\.rawValue))

    struct Problem {
        var place: String
        var reason: String
    }

    struct Record {
        var id: String?
        var fields: ValidIdeaFields?
        var created: Date?
        var updated: Date?
        var problems: [Problem] = []

        var idea: Idea? {
            guard let id, let fields, let created, let updated else { return nil }
            return Idea(id: id, fields: fields, created: created, updated: updated)
        }
    }

    /// `place` spells out where the idea is in the file (a JSON path), made only for a
    /// problem: spelling it for each of 10,000 ideas took 4% of `coach idea list`.
    static func read(_ json: inout FastJSONReader, at place: () -> String, kind: Kind) throws(FastJSONReader.Unsupported) -> Record {
        var record = Record()
        func fail(_ key: String, _ reason: String) { record.problems.append(Problem(place: "\(place()).\(key)", reason: reason)) }

        guard json.peekKind() == .object else {
            record.problems.append(Problem(place: place(), reason: "expected an object, found \(json.peekKind().name)"))
            try json.skipValue()
            return record
        }
        var title: String?, note: String?, status: IdeaStatus?
        var reach: Double?, impact: Impact?, confidence: Double?, effort: Double?
        var costs = HiddenCosts.zero
        var items: [String] = []

        var object = try json.beginObject()
        var seen = SeenKeys()
        let (keys, fields) = (Self.ideaKeys, Self.ideaFields)
        while let found = try json.nextKey(&object, among: keys) {
            let field = found.name.map { fields[$0] }
            // The key as the file has it, for a message; made only for one.
            let key = field?.rawValue ?? json.text(of: found)
            if !seen.insert(found.name, text: key) { fail(key, BacklogStore.repeatedKeyReason) }
            switch field {
            case .id:
                if let id = try text(&json, key, fail) {
                    if Idea.isValidID(id) { record.id = id } else { fail(key, "must not be empty or contain spaces; got \"\(id)\"") }
                }
            case .title: title = try text(&json, key, fail)
            case .note:
                if json.peekKind() == .null { try json.skipValue() } else { note = try text(&json, key, fail) }
            case .status:
                if let name = try text(&json, key, fail) {
                    status = IdeaStatus(rawValue: name)
                    if status == nil { fail(key, "\(IdeaField.status.rule); got \"\(name)\"") }
                }
            case .reach: reach = try number(&json, key, fail)
            case .impact:
                if json.peekKind() == .string {
                    let name = try json.string()
                    impact = Impact(parsing: name)
                    if impact == nil { fail(key, "\(IdeaField.impact.rule); got \"\(name)\"") }
                } else if let value = try number(&json, key, fail) {
                    impact = Impact(value: value)
                    if impact == nil { fail(key, "\(IdeaField.impact.rule); got \(NumberText.plain(value))") }
                }
            case .confidence: confidence = try number(&json, key, fail)
            case .effort: effort = try number(&json, key, fail)
            case .hiddenCosts: costs = try hiddenCosts(&json, at: { "\(place()).hiddenCosts" }, &record.problems)
            case .items:
                if json.peekKind() == .array {
                    var array = try json.beginArray()
                    var index = 0
                    while try json.nextElement(&array) {
                        if let item = try text(&json, "items[\(index)]", fail) { items.append(item) }
                        index += 1
                    }
                } else {
                    fail(key, "expected an array of item ids, found \(json.peekKind().name)")
                    try json.skipValue()
                }
            case .created where kind == .saved: record.created = try date(&json, key, fail)
            case .updated where kind == .saved: record.updated = try date(&json, key, fail)
            default: try json.skipValue()
            }
        }

        let complete = record.id != nil && title != nil && reach != nil && impact != nil && confidence != nil && effort != nil
            && (kind != .saved || (status != nil && record.created != nil && record.updated != nil))
        if !complete {
            var required: [(String, Bool)] = [("id", record.id != nil), ("title", title != nil), ("reach", reach != nil),
                                              ("impact", impact != nil), ("confidence", confidence != nil), ("effort", effort != nil)]
            if kind == .saved {
                required += [("status", status != nil), ("created", record.created != nil), ("updated", record.updated != nil)]
            }
            let reported = Set(record.problems.map(\.place))
            for (key, present) in required where !present && !reported.contains("\(place()).\(key)") {
                fail(key, "missing field \"\(key)\"")
            }
        }

        // The ranges are checked even when some field is missing or unreadable, so a
        // starter file gets every problem at once: what is missing stands in with a
        // valid value, and that field's (and the cross-field) problems are left out.
        var standIns = Set<IdeaField>()
        func value<T>(_ value: T?, _ field: IdeaField, _ standIn: T) -> T {
            if let value { return value }
            standIns.insert(field)
            return standIn
        }
        let result = IdeaValidation.check(
            title: value(title, .title, "?"), note: note, status: status ?? .idea,
            reach: value(reach, .reach, 0), impact: value(impact, .impact, .medium),
            confidence: value(confidence, .confidence, 1), effort: value(effort, .effort, 1),
            hiddenCosts: costs, items: items)
        switch result {
        case .success(let fields):
            if record.problems.isEmpty { record.fields = fields }
        case .failure(let problems):
            // A problem of effort with stand-ins about may be the score of a stand-in.
            let effortItself = effort.map { !($0.isFinite && $0 > 0) } ?? false
            for problem in problems.all where standIns.isEmpty
                || !(standIns.contains(problem.field) || (problem.field == .effort && !effortItself)) {
                let key = problem.field.isHiddenCost ? "hiddenCosts.\(problem.field.name)" : problem.field.name
                fail(key, problem.message)
            }
        }
        return record
    }

    static func text(_ json: inout FastJSONReader, _ key: String,
                     _ fail: (String, String) -> Void) throws(FastJSONReader.Unsupported) -> String? {
        guard json.peekKind() == .string else {
            fail(key, "expected text, found \(json.peekKind().name)")
            try json.skipValue()
            return nil
        }
        return try json.string()
    }

    static func number(_ json: inout FastJSONReader, _ key: String,
                       _ fail: (String, String) -> Void) throws(FastJSONReader.Unsupported) -> Double? {
        guard json.peekKind() == .number else {
            fail(key, "expected a number, found \(json.peekKind().name)")
            try json.skipValue()
            return nil
        }
        return try json.number()
    }

    /// Each cost is optional and 0 when missing, as in the form.
    static func hiddenCosts(_ json: inout FastJSONReader, at place: () -> String,
                            _ problems: inout [Problem]) throws(FastJSONReader.Unsupported) -> HiddenCosts {
        guard json.peekKind() == .object else {
            problems.append(Problem(place: place(), reason: "expected an object with labeling, retraining, monitoring and regulatory"))
            try json.skipValue()
            return .zero
        }
        var costs = HiddenCosts.zero
        var found: [Problem] = []
        func fail(_ key: String, _ reason: String) { found.append(Problem(place: "\(place()).\(key)", reason: reason)) }
        var object = try json.beginObject()
        var seen = SeenKeys()
        let (keys, fields) = (Self.costKeys, Self.costFields)
        while let found = try json.nextKey(&object, among: keys) {
            let field = found.name.map { fields[$0] }
            let key = field?.rawValue ?? json.text(of: found)
            if !seen.insert(found.name, text: key) { fail(key, BacklogStore.repeatedKeyReason) }
            switch field {
            case .labeling: costs.labeling = try number(&json, key, fail) ?? 0
            case .retraining: costs.retraining = try number(&json, key, fail) ?? 0
            case .monitoring: costs.monitoring = try number(&json, key, fail) ?? 0
            case .regulatory: costs.regulatory = try number(&json, key, fail) ?? 0
            case nil: try json.skipValue()
            }
        }
        if !found.isEmpty { problems += found }
        return costs
    }

    /// A date as every store reads it (`FastJSONReader.isoDate`); the text is made only
    /// for the message when it is not one.
    static func date(_ json: inout FastJSONReader, _ key: String,
                     _ fail: (String, String) -> Void) throws(FastJSONReader.Unsupported) -> Date? {
        // The house form first, without the copy of the reader that trying `isoDate` takes.
        if let date = json.fixedString(count: 20, JSONFile.encodedDate) { return date }
        if json.peekKind() == .string {
            var attempt = json
            if let date = try? attempt.isoDate() {
                json = attempt
                return date
            }
        }
        guard let text = try text(&json, key, fail) else { return nil }
        fail(key, "expected an ISO 8601 date like 2024-05-01T09:30:00Z, found \"\(text)\"")
        return nil
    }
}
