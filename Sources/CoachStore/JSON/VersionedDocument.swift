import CoachCore
import FoundationEssentials

/// Reads a versioned document of the home, {"version": N, …}, in one pass on
/// `FastJSONReader`'s complete grammar, so every valid JSON spelling of the format
/// reads the same: any white space and key order, escapes, a byte-order mark, and
/// whole numbers written as 45.0 (45.5 is refused where a whole number belongs).
///
/// The document's own keys go to `readKey`, which notes problems with their JSON path
/// in `DocumentProblems` and reads on. What is reported is decided after the pass, in
/// the order `BacklogStore` keeps: broken JSON first, then the shape of the top level,
/// then the version (a newer file is refused whatever it holds), then the first
/// problem of the content. A file that is refused is never touched.
enum VersionedDocument {
    static func read(_ data: Data, file url: URL, supported: Int,
                     _ readKey: (String, inout FastJSONReader, inout DocumentProblems) throws(FastJSONReader.Unsupported) -> Void)
    throws {
        var isObject = true
        var version: Int?
        var versionIsNumber = true
        var versionProblem: String?
        var problems = DocumentProblems()
        do {
            try FastJSONReader.read(data, grammar: .complete) { json throws(FastJSONReader.Unsupported) in
                guard json.peekKind() == .object else {
                    try json.skipValue()
                    isObject = false
                    return
                }
                var object = try json.beginObject()
                // A key written twice is refused: which of the two was meant is not ours to guess.
                var seen = SeenKeys()
                while let key = try json.nextStringKey(&object) {
                    guard seen.insert(key) else {
                        problems.fail(key, JSONFile.repeatedKeyReason)
                        try json.skipValue()
                        continue
                    }
                    if key == "version" {
                        if json.peekKind() == .number {
                            // Through the one rule for whole numbers, so a fraction or a
                            // 22-digit version is named with its text and never traps.
                            version = try problems.wholeNumber(at: "version", in: &json)
                            if version == nil, let problem = problems.first, problem.place == "version" {
                                versionProblem = problem.reason
                            }
                        } else {
                            versionIsNumber = false
                            try json.skipValue()
                        }
                    } else {
                        try readKey(key, &json, &problems)
                    }
                }
            }
        } catch {
            throw syntaxProblem(error, in: data, file: url)
        }
        guard isObject else {
            throw StoreError.unreadable(file: url.path, place: "top level", reason: "expected an object with a version")
        }
        if let versionProblem {
            throw StoreError.unreadable(file: url.path, place: "version", reason: versionProblem)
        }
        guard versionIsNumber else {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "expected a whole number")
        }
        guard let version else {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "missing field \"version\"")
        }
        if version > supported { throw StoreError.newerVersion(file: url.path, found: version, supported: supported) }
        if version < 1 {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "version must be 1 or more, found \(version)")
        }
        if let problem = problems.first {
            throw StoreError.unreadable(file: url.path, place: problem.place, reason: problem.reason)
        }
    }

    /// Says where and why a file is not JSON, in the words `JSONFile` uses for the
    /// other files (JSONSerialization's), falling back to the reader's when it has none.
    static func syntaxProblem(_ error: FastJSONReader.SyntaxError, in data: Data, file url: URL) -> StoreError {
        let place = JSONFile.syntaxErrorPosition(in: data)
            ?? (data.isEmpty ? "empty file" : JSONFile.lineAndColumn(of: error.offset, in: data))
        let reason = JSONFile.syntaxError(in: data) ?? "\(error.reason)"
        return .unreadable(file: url.path, place: place, reason: "not valid JSON (\(reason))")
    }
}

/// The problems a reader found in a document, each with its JSON path; the first one
/// is reported.
struct DocumentProblems {
    private(set) var first: (place: String, reason: String)?

    var isEmpty: Bool { first == nil }

    mutating func fail(_ place: String, _ reason: String) {
        if first == nil { first = (place, reason) }
    }

    /// A value of the expected kind comes next, or the problem is noted and it is skipped.
    /// (Places are made only for a problem: a valid file builds no path strings.)
    mutating func expect(_ kind: FastJSONReader.Kind, _ description: @autoclosure () -> String,
                         at place: @autoclosure () -> String,
                         in json: inout FastJSONReader) throws(FastJSONReader.Unsupported) -> Bool {
        let found = json.peekKind()
        if found == kind { return true }
        fail(place(), "expected \(description()), found \(found.name)")
        try json.skipValue()
        return false
    }

    mutating func text(at place: @autoclosure () -> String,
                       in json: inout FastJSONReader) throws(FastJSONReader.Unsupported) -> String? {
        guard try expect(.string, "text", at: place(), in: &json) else { return nil }
        return try json.string()
    }

    /// A known key of an object read once; written twice it is refused with its path
    /// (JSON leaves it to each reader which one counts) and the second is skipped.
    mutating func once(_ seen: inout Bool, at place: @autoclosure () -> String,
                       in json: inout FastJSONReader) throws(FastJSONReader.Unsupported) -> Bool {
        guard seen else {
            seen = true
            return true
        }
        fail(place(), JSONFile.repeatedKeyReason)
        try json.skipValue()
        return false
    }

    /// A whole number in any spelling of one (45, 45.0, 4.5e1). A fraction, or a number
    /// beyond 2^53 (where a Double no longer holds every whole number, so 19 digits
    /// would come back changed), is noted with its text and never traps.
    mutating func wholeNumber(at place: @autoclosure () -> String,
                              in json: inout FastJSONReader) throws(FastJSONReader.Unsupported) -> Int? {
        guard try expect(.number, "a whole number", at: place(), in: &json) else { return nil }
        let start = json.bytesRead.count
        let value = try json.number()
        if value.magnitude <= 9_007_199_254_740_992, let whole = Int(exactly: value) { return whole }
        let text = String(decoding: UnsafeBufferPointer(rebasing: json.bytesRead[start...]), as: UTF8.self)
        // A hostile file's number is quoted cut, never whole; one too large says how large
        // a number may be.
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        let limit = 9_007_199_254_740_992
        let range = value.rounded() == value || !value.isFinite ? " from -\(limit) to \(limit)" : ""
        fail(place(), "expected a whole number\(range), got \(shown)")
        return nil
    }

    /// Any number that is finite.
    mutating func number(at place: @autoclosure () -> String,
                         in json: inout FastJSONReader) throws(FastJSONReader.Unsupported) -> Double? {
        guard try expect(.number, "a number", at: place(), in: &json) else { return nil }
        let start = json.bytesRead.count
        let value = try json.number()
        if value.isFinite { return value }
        let text = String(decoding: UnsafeBufferPointer(rebasing: json.bytesRead[start...]), as: UTF8.self)
        fail(place(), "expected a number a Double holds, got \(text)")
        return nil
    }

    /// An array of texts.
    mutating func texts(at place: @autoclosure () -> String,
                        in json: inout FastJSONReader) throws(FastJSONReader.Unsupported) -> [String] {
        var texts: [String] = []
        guard try expect(.array, "an array of texts", at: place(), in: &json) else { return texts }
        var array = try json.beginArray()
        var index = 0
        while try json.nextElement(&array) {
            if let text = try text(at: "\(place())[\(index)]", in: &json) { texts.append(text) }
            index += 1
        }
        return texts
    }

    /// A day written as 2024-05-01.
    mutating func day(at place: @autoclosure () -> String,
                      in json: inout FastJSONReader) throws(FastJSONReader.Unsupported) -> StudyDay? {
        guard let text = try text(at: place(), in: &json) else { return nil }
        if let day = StudyDay(text) { return day }
        fail(place(), "expected a day like 2024-05-01, found \"\(text)\"")
        return nil
    }

    /// `null` for a field that may be left out, as if it were.
    mutating func isNull(_ json: inout FastJSONReader) throws(FastJSONReader.Unsupported) -> Bool {
        guard json.peekKind() == .null else { return false }
        try json.skipValue()
        return true
    }

    /// A date as every document writes it (`FastJSONReader.isoDate`), or any other form
    /// ISO 8601 allows; the text is made only for the message when it is not one.
    mutating func date(at place: @autoclosure () -> String,
                       in json: inout FastJSONReader) throws(FastJSONReader.Unsupported) -> Date? {
        if json.peekKind() == .string {
            var attempt = json
            if let date = try? attempt.isoDate() {
                json = attempt
                return date
            }
        }
        guard let text = try text(at: place(), in: &json) else { return nil }
        fail(place(), "expected an ISO 8601 date like 2024-05-01T09:30:00Z, found \"\(text)\"")
        return nil
    }
}

extension FastJSONReader.Kind {
    /// For "expected text, found a number".
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
