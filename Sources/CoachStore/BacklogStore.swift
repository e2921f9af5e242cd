import CoachCore
import Foundation

extension CoachHome {
    public var backlogFile: URL { url.appendingPathComponent("backlog.json") }
}

/// backlog.json: {"version": 1, "ideas": [...]}, and the starter ideas of Data/ideas.json.
///
/// Saving goes through `JSONDocument` like every other file. Loading reads the bytes by
/// hand (`IdeaReader` below) because JSONDecoder and JSONSerialization each need about
/// 100 ms for 10,000 ideas; the hand reader needs a fraction of that. It keeps
/// `JSONDocument.load`'s promises: a newer version is refused before anything else is
/// read, an unreadable file is named with the place and the reason, and a file that is
/// refused is never touched. Every idea passes the same checks as typing it in.
public enum BacklogStore {
    public static let version = 1

    struct Document: Encodable {
        var version: Int
        var ideas: [Idea]
    }

    /// The backlog of the home; empty when the file does not exist yet.
    public static func load(_ home: CoachHome) throws -> Backlog {
        let url = home.backlogFile
        guard let data = try AtomicFile.read(url) else { return Backlog() }
        return try load(data, file: url)
    }

    static func load(_ data: Data, file url: URL) throws -> Backlog {
        do {
            return try data.withUnsafeBytes { raw in
                var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
                return try load(&scanner, file: url)
            }
        } catch let error as JSONScanner.SyntaxError {
            throw syntaxProblem(error, in: data, file: url)
        }
    }

    /// One pass over the file. The version is checked before anything the ideas hold is
    /// reported, as `JSONDocument.load` does: a newer file is refused whatever it holds.
    private static func load(_ scanner: inout JSONScanner, file url: URL) throws -> Backlog {
        guard scanner.peekKind() == .object else {
            // Broken JSON is reported as such; only then is the shape the problem.
            try scanner.skipValue()
            try scanner.end()
            throw StoreError.unreadable(file: url.path, place: "top level", reason: "expected an object with version and ideas")
        }
        var version: Int?
        var versionIsNumber = true
        var ideas: [Idea]?
        var problem: IdeaReader.Problem?
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(&first) {
            switch key {
            case "version":
                if scanner.peekKind() == .number, let number = Int(exactly: try scanner.readNumber()) {
                    version = number
                    versionIsNumber = true
                } else {
                    versionIsNumber = false
                    try scanner.skipValue()
                }
            case "ideas":
                (ideas, problem) = try readIdeas(&scanner)
            default:
                try scanner.skipValue()
            }
        }
        try scanner.end()

        guard versionIsNumber else {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "expected a whole number")
        }
        guard let version else {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "missing field \"version\"")
        }
        if version > Self.version {
            throw StoreError.newerVersion(file: url.path, found: version, supported: Self.version)
        }
        if version < 1 {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "version must be 1 or more, found \(version)")
        }
        if let problem {
            throw StoreError.unreadable(file: url.path, place: problem.place, reason: problem.reason)
        }
        guard let ideas else {
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
    private static func readIdeas(_ scanner: inout JSONScanner) throws -> ([Idea]?, IdeaReader.Problem?) {
        guard scanner.peekKind() == .array else {
            try scanner.skipValue()
            return (nil, IdeaReader.Problem(place: "ideas", reason: "expected an array of ideas"))
        }
        var ideas: [Idea] = []
        var problem: IdeaReader.Problem?
        try scanner.beginArray()
        var first = true
        var index = 0
        while try scanner.nextElement(&first) {
            if problem != nil {
                try scanner.skipValue()
                continue
            }
            let place = "ideas[\(index)]"
            let record = try IdeaReader.read(&scanner, at: place, kind: .saved)
            if let found = record.problems.first {
                problem = found
            } else if let idea = record.idea {
                ideas.append(idea)
            } else {
                problem = IdeaReader.Problem(place: place, reason: "not a valid idea")
            }
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

    /// Says where and why a file is not JSON, in the words `JSONDocument` uses for the
    /// other files (JSONSerialization's), falling back to our own when it has none.
    private static func syntaxProblem(_ error: JSONScanner.SyntaxError, in data: Data, file url: URL) -> StoreError {
        let place = JSONDocument.syntaxErrorPosition(in: data) ?? JSONScanner.lineAndColumn(of: error.offset, in: data)
        let reason = JSONDocument.syntaxError(in: data) ?? error.message
        return .unreadable(file: url.path, place: place, reason: "not valid JSON (\(reason))")
    }

    /// Saves atomically, ideas in the order they were made (then by id), so adding an
    /// idea appends to the file and editing one changes it in place: small diffs.
    public static func save(_ backlog: Backlog, to home: CoachHome) throws {
        let ideas = backlog.ranked.sorted { $0.created != $1.created ? $0.created < $1.created : $0.id < $1.id }
        try JSONDocument.save(Document(version: version, ideas: ideas), to: home.backlogFile)
    }

    // MARK: - Starter ideas

    /// The backlog as the learner first meets it: when the home has no backlog.json yet
    /// (so no ideas of the learner's own), the starter ideas of `data/ideas.json` are
    /// added and saved, and `addedStarters` says how many. Once the file exists, even
    /// emptied or holding only the learner's own ideas, it is loaded as it is: starters
    /// come once, and never come back after the learner removed them. `coach idea list`
    /// and the Backlog screen both go through here; the caller holds the home's lock.
    public static func loadOrStart(_ home: CoachHome, data: URL, now: Date) throws -> (backlog: Backlog, addedStarters: Int) {
        let url = home.backlogFile
        if let bytes = try AtomicFile.read(url) {
            return (try load(bytes, file: url), 0)
        }
        var backlog = Backlog()
        let added = backlog.addStarters(try loadStarterIdeas(data: data), now: now)
        if !added.isEmpty {
            try save(backlog, to: home)
        }
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
            (starters, problems) = try bytes.withUnsafeBytes { raw in
                var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
                return try readStarters(&scanner, file: url)
            }
        } catch let error as JSONScanner.SyntaxError {
            throw syntaxProblem(error, in: bytes, file: url)
        }
        guard problems.isEmpty else { throw StoreError.invalidCurriculum(problems) }
        return starters
    }

    private static func readStarters(_ scanner: inout JSONScanner, file url: URL) throws -> ([StarterIdea], [String]) {
        guard scanner.peekKind() == .array else {
            try scanner.skipValue()
            try scanner.end()
            return ([], ["\(url.path): the top level must be an array of ideas"])
        }
        var starters: [StarterIdea] = []
        var problems: [String] = []
        var seen = Set<String>()
        try scanner.beginArray()
        var first = true
        var index = 0
        while try scanner.nextElement(&first) {
            let record = try IdeaReader.read(&scanner, at: "[\(index)]", kind: .starter)
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
        try scanner.end()
        return (starters, problems)
    }
}

// MARK: - Reading one idea

/// Reads one idea object into checked fields, collecting every problem with its JSON
/// place. A starter entry has no status or times; a saved idea has both.
private enum IdeaReader {
    enum Kind { case saved, starter }

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

    static func read(_ scanner: inout JSONScanner, at place: String, kind: Kind) throws -> Record {
        var record = Record()
        func fail(_ key: String, _ reason: String) { record.problems.append(Problem(place: "\(place).\(key)", reason: reason)) }

        guard scanner.peekKind() == .object else {
            record.problems.append(Problem(place: place, reason: "expected an object, found \(scanner.peekKind().name)"))
            try scanner.skipValue()
            return record
        }
        var title: String?, note: String?, status: IdeaStatus?
        var reach: Double?, impact: Impact?, confidence: Double?, effort: Double?
        var costs = HiddenCosts.zero
        var items: [String] = []

        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(&first) {
            switch key {
            case "id":
                if let id = try text(&scanner, key, fail) {
                    if Idea.isValidID(id) { record.id = id } else { fail(key, "must not be empty or contain spaces; got \"\(id)\"") }
                }
            case "title": title = try text(&scanner, key, fail)
            case "note":
                if scanner.peekKind() == .null { try scanner.skipValue() } else { note = try text(&scanner, key, fail) }
            case "status":
                if let name = try text(&scanner, key, fail) {
                    status = IdeaStatus(rawValue: name)
                    if status == nil { fail(key, "\(IdeaField.status.rule); got \"\(name)\"") }
                }
            case "reach": reach = try number(&scanner, key, fail)
            case "impact":
                if scanner.peekKind() == .string {
                    let name = try scanner.readString()
                    impact = Impact(parsing: name)
                    if impact == nil { fail(key, "\(IdeaField.impact.rule); got \"\(name)\"") }
                } else if let value = try number(&scanner, key, fail) {
                    impact = Impact(value: value)
                    if impact == nil { fail(key, "\(IdeaField.impact.rule); got \(NumberText.plain(value))") }
                }
            case "confidence": confidence = try number(&scanner, key, fail)
            case "effort": effort = try number(&scanner, key, fail)
            case "hiddenCosts": costs = try hiddenCosts(&scanner, at: "\(place).hiddenCosts", &record.problems)
            case "items":
                if scanner.peekKind() == .array {
                    try scanner.beginArray()
                    var firstItem = true
                    var index = 0
                    while try scanner.nextElement(&firstItem) {
                        if let item = try text(&scanner, "items[\(index)]", fail) { items.append(item) }
                        index += 1
                    }
                } else {
                    fail(key, "expected an array of item ids, found \(scanner.peekKind().name)")
                    try scanner.skipValue()
                }
            case "created" where kind == .saved: record.created = try date(&scanner, key, fail)
            case "updated" where kind == .saved: record.updated = try date(&scanner, key, fail)
            default: try scanner.skipValue()
            }
        }

        var required: [(String, Bool)] = [("id", record.id != nil), ("title", title != nil), ("reach", reach != nil),
                                          ("impact", impact != nil), ("confidence", confidence != nil), ("effort", effort != nil)]
        if kind == .saved {
            required += [("status", status != nil), ("created", record.created != nil), ("updated", record.updated != nil)]
        }
        let reported = Set(record.problems.map(\.place))
        for (key, present) in required where !present && !reported.contains("\(place).\(key)") {
            fail(key, "missing field \"\(key)\"")
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

    static func text(_ scanner: inout JSONScanner, _ key: String, _ fail: (String, String) -> Void) throws -> String? {
        guard scanner.peekKind() == .string else {
            fail(key, "expected text, found \(scanner.peekKind().name)")
            try scanner.skipValue()
            return nil
        }
        return try scanner.readString()
    }

    static func number(_ scanner: inout JSONScanner, _ key: String, _ fail: (String, String) -> Void) throws -> Double? {
        guard scanner.peekKind() == .number else {
            fail(key, "expected a number, found \(scanner.peekKind().name)")
            try scanner.skipValue()
            return nil
        }
        return try scanner.readNumber()
    }

    /// Each cost is optional and 0 when missing, as in the form.
    static func hiddenCosts(_ scanner: inout JSONScanner, at place: String,
                            _ problems: inout [Problem]) throws -> HiddenCosts {
        guard scanner.peekKind() == .object else {
            problems.append(Problem(place: place, reason: "expected an object with labeling, retraining, monitoring and regulatory"))
            try scanner.skipValue()
            return .zero
        }
        var costs = HiddenCosts.zero
        var found: [Problem] = []
        func fail(_ key: String, _ reason: String) { found.append(Problem(place: "\(place).\(key)", reason: reason)) }
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(&first) {
            switch key {
            case "labeling": costs.labeling = try number(&scanner, key, fail) ?? 0
            case "retraining": costs.retraining = try number(&scanner, key, fail) ?? 0
            case "monitoring": costs.monitoring = try number(&scanner, key, fail) ?? 0
            case "regulatory": costs.regulatory = try number(&scanner, key, fail) ?? 0
            default: try scanner.skipValue()
            }
        }
        problems += found
        return costs
    }

    static func date(_ scanner: inout JSONScanner, _ key: String, _ fail: (String, String) -> Void) throws -> Date? {
        guard let text = try text(&scanner, key, fail) else { return nil }
        guard let date = ISODate.parse(text) else {
            fail(key, "expected an ISO 8601 date like 2024-05-01T09:30:00Z, found \"\(text)\"")
            return nil
        }
        return date
    }
}

/// ISO 8601 dates as `JSONDocument` writes them ("2023-11-14T22:13:20Z"), read by hand:
/// Foundation's parser costs about 1 µs a date, 20 ms for 10,000 ideas. Only real dates
/// from 1970 to 9999 are read here, where Foundation's calendar is the plain proleptic
/// Gregorian one; anything else (fractions, offsets, 30 February) goes to Foundation.
enum ISODate {
    static func parse(_ text: String) -> Date? {
        if let fast = parseUTCSeconds(text) { return fast }
        return try? Date(text, strategy: .iso8601)
    }

    private static func parseUTCSeconds(_ text: String) -> Date? {
        var text = text
        return text.withUTF8(parseUTCSeconds)
    }

    private static func parseUTCSeconds(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count == 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z")
        else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for i in from..<(from + length) {
                guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1970...9999).contains(year), (1...12).contains(month), hour < 24, minute < 60, second < 60
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...monthDays[month - 1]).contains(day) else { return nil }
        // Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
        // days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }
}

// MARK: - JSON bytes

/// A pull reader over JSON bytes: the caller asks for the value it expects next, so
/// nothing is built that is not kept. Strict RFC 8259 syntax.
struct JSONScanner {
    struct SyntaxError: Error {
        var offset: Int
        var message: String
    }

    enum Kind {
        case object, array, string, number, bool, null, invalid

        var name: String {
            switch self {
            case .object: "an object"
            case .array: "an array"
            case .string: "text"
            case .number: "a number"
            case .bool: "true or false"
            case .null: "null"
            case .invalid: "something that is not JSON"
            }
        }
    }

    /// Valid only while the caller's `withUnsafeBytes` runs; the scanner never outlives it.
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A byte-order mark, as some editors write, is not part of the document.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    private func failure(_ message: String) -> SyntaxError {
        SyntaxError(offset: index, message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw failure("expected \(what)") }
        index += 1
    }

    mutating func peekKind() -> Kind {
        skipWhitespace()
        guard index < bytes.count else { return .invalid }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .invalid
        }
    }

    /// Only whitespace may follow the top-level value.
    mutating func end() throws {
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the end of the document") }
    }

    mutating func beginObject() throws { try expect(UInt8(ascii: "{"), "{") }
    mutating func beginArray() throws { try expect(UInt8(ascii: "["), "[") }

    /// The next key of the object being read, or nil at its end. The caller reads or
    /// skips the key's value before asking again.
    mutating func nextKey(_ first: inout Bool) throws -> String? {
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if !first { try expect(UInt8(ascii: ","), ", or }") }
        first = false
        skipWhitespace()
        guard peekKind() == .string else { throw failure("expected a key in double quotes") }
        let key = try readString()
        try expect(UInt8(ascii: ":"), ":")
        return key
    }

    /// Whether the array being read has another element; the caller reads it next.
    mutating func nextElement(_ first: inout Bool) throws -> Bool {
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if !first { try expect(UInt8(ascii: ","), ", or ]") }
        first = false
        skipWhitespace()
        return true
    }

    mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""), "\"")
        let start = index
        var ascii = true
        // The common case: no escapes, so the bytes are the text.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                let text = String(decoding: slice, as: UTF8.self)
                // Decoding repairs bad UTF-8; when it changed any byte, the text was not valid.
                guard ascii || Self.same(text, slice) else {
                    throw SyntaxError(offset: start, message: "text that is not valid UTF-8")
                }
                index += 1
                return text
            }
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("a control character inside text") }
            index += 1
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw SyntaxError(offset: start, message: "text that is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unfinished escape") }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escaped)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw failure("a lone surrogate in a \\u escape")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("a lone surrogate in a \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw failure("a lone surrogate in a \\u escape")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw failure("an invalid \\u escape") }
                    buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw failure("an invalid escape")
                }
            default:
                if byte < 0x20 { throw failure("a control character inside text") }
                buffer.append(byte)
                index += 1
            }
        }
        throw failure("unfinished text")
    }

    private static func same(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.count == bytes.count && memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("an unfinished \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("an invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Exact powers of ten: a mantissa below 2^53 divided by one of these is the
    /// correctly rounded value, the same as strtod gives.
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    mutating func readNumber() throws -> Double {
        skipWhitespace()
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        let integerStart = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            mantissa = mantissa &* 10 &+ UInt64(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw failure("expected a digit") }
        if digits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw SyntaxError(offset: integerStart, message: "a number with a leading zero") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                mantissa = mantissa &* 10 &+ UInt64(bytes[index] - UInt8(ascii: "0"))
                digits += 1
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { throw failure("expected a digit after the decimal point") }
        }
        var hasExponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            hasExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var exponentDigits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { throw failure("expected a digit in the exponent") }
        }
        if !hasExponent, digits <= 15, fractionDigits <= 22 {
            let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else { throw SyntaxError(offset: start, message: "an unreadable number") }
        return value
    }

    /// Steps over one value of any kind, checking its syntax.
    mutating func skipValue() throws {
        switch peekKind() {
        case .object:
            try beginObject()
            var first = true
            while try nextKey(&first) != nil { try skipValue() }
        case .array:
            try beginArray()
            var first = true
            while try nextElement(&first) { try skipValue() }
        case .string:
            _ = try readString()
        case .number:
            _ = try readNumber()
        case .bool, .null:
            for word in ["true", "false", "null"] {
                let utf8 = Array(word.utf8)
                if index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 {
                    index += utf8.count
                    return
                }
            }
            throw failure("expected true, false or null")
        case .invalid:
            throw failure(index < bytes.count ? "unexpected character" : "unexpected end of the file")
        }
    }

    /// "line 3, column 12" of a byte offset.
    static func lineAndColumn(of offset: Int, in data: Data) -> String {
        if data.isEmpty { return "empty file" }
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return "line \(line), column \(column)"
    }
}
