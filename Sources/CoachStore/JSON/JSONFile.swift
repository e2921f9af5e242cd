import CoachCore
import FoundationEssentials

/// JSONEncoder and JSONDecoder as the export uses them, and what every reader shares:
/// dates, and where and why bytes are not JSON. (The documents of the home have their
/// own readers on `VersionedDocument` and are written by `JSONWriter`.)
enum JSONFile {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        // Like `.iso8601`, but a bad date's error keeps its key in the coding path
        // ("items.x.changed", not "items.x"), so the message can say where it is.
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = JSONFile.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected an ISO 8601 date like 2024-05-01T09:30:00Z, found \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    /// Reads a whole document (the export, which is read once per import), refusing a
    /// newer version before decoding the rest, so the message is about the version and
    /// not about a field we do not know. Read as a `JSONTree` (a key twice in one object is
    /// refused with its path) and decoded by `JSONTreeDecoder`, whose errors keep their
    /// path and say what kind of number was wanted.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file url: URL, supported: Int) throws -> T {
        let tree: JSONTree
        do {
            tree = try JSONTree.read(data)
        } catch {
            switch error {
            case .repeatedKey(let path):
                throw StoreError.unreadable(file: url.path, place: path, reason: repeatedKeyReason)
            case .syntax(let syntax):
                throw syntaxProblem(syntax, in: data, file: url)
            }
        }
        let header: VersionHeader
        do {
            header = try JSONTreeDecoder.decode(VersionHeader.self, from: tree)
        } catch {
            throw StoreError.unreadable(file: url.path, place: place(of: error, in: data), reason: reason(of: error, in: data))
        }
        if header.version > supported {
            throw StoreError.newerVersion(file: url.path, found: header.version, supported: supported)
        }
        if header.version < 1 {
            throw StoreError.unreadable(file: url.path, place: "version", reason: "version must be 1 or more, found \(header.version)")
        }
        do {
            return try JSONTreeDecoder.decode(T.self, from: tree)
        } catch {
            throw StoreError.unreadable(file: url.path, place: place(of: error, in: data), reason: reason(of: error, in: data))
        }
    }

    /// What every document says of a key it holds twice (which one counts is anyone's guess).
    static let repeatedKeyReason = "this key appears twice in its object; keep one"

    /// Where and why bytes are not JSON, in JSONSerialization's words when it has them
    /// (what the files have always said), else the reader's.
    static func syntaxProblem(_ error: FastJSONReader.SyntaxError, in data: Data, file url: URL) -> StoreError {
        // JSONSerialization reads a large file whole before it names the place (seconds
        // and a gigabyte for a hostile one): past a megabyte the reader's words do.
        let small = data.count <= 1 << 20
        let place = (small ? syntaxErrorPosition(in: data) : nil)
            ?? (data.isEmpty ? "empty file" : lineAndColumn(of: error.offset, in: data))
        let reason = (small ? syntaxError(in: data) : nil) ?? "\(error.reason)"
        return .unreadable(file: url.path, place: place, reason: "not valid JSON (\(reason))")
    }

    /// A date as `encoder()` writes it, or in any other form `Date(_:strategy: .iso8601)`
    /// reads; nil when it is not a date.
    static func date(from text: String) -> Date? {
        var text = text
        if let date = text.withUTF8(encodedDate) { return date }
        return try? Date(text, strategy: .iso8601)
    }

    /// "2024-05-01T09:30:00Z", the form `encoder()` writes, read without a formatter (one
    /// takes about 0.4 µs a date, and a large home has 20,000 dates). Only real dates and
    /// times from 1970 to 9999 are read here, where the formatter's Gregorian calendar is
    /// the plain proleptic one; anything else is nil and left to the formatter, including
    /// an impossible date like 2023-02-29, which the formatter rolls over to 1 March.
    static func encodedDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              bytes[19] == UInt8(ascii: "Z")
        else { return nil }
        // Every other place holds a digit: checked in one pass, then read as numbers.
        let digitPlaces: UInt32 = 0b0110_1101_1011_0110_1111
        for place in 0..<19 where digitPlaces & (1 << place) != 0 {
            guard bytes[place] &- UInt8(ascii: "0") < 10 else { return nil }
        }
        func number(_ start: Int, _ count: Int) -> Int {
            var value = 0
            for index in start..<(start + count) { value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
            return value
        }
        let (year, month, day) = (number(0, 4), number(5, 2), number(8, 2))
        let (hour, minute, second) = (number(11, 2), number(14, 2), number(17, 2))
        guard (1970...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
    /// days_from_civil, for years from 1 on).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year  // years from March, so 29 February ends one
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Saves atomically with JSONEncoder; the file it replaces is kept in the rotating
    /// backups unless `backup` is false. Only reviews.json version 2 still writes this way
    /// (every other document has its own writer on `JSONWriter`).
    static func save<T: Encodable>(_ value: T, to url: URL, backup: Bool = true) throws {
        let data: Data
        do {
            data = try encoder().encode(value) + Data("\n".utf8)
        } catch {
            throw StoreError.io(file: url.path, reason: "cannot encode (\(error))")
        }
        if backup { try Backups.keep(url) }
        try AtomicFile.write(data, to: url)
    }

    private struct VersionHeader: Decodable {
        var version: Int
    }

    /// "items.genai.x.status" — the JSON path of a decoding error.
    static func place(of error: Error, in data: Data) -> String {
        let path: [CodingKey]
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: path = context.codingPath + [key]
        case .typeMismatch(_, let context)?: path = context.codingPath
        case .valueNotFound(_, let context)?: path = context.codingPath
        case .dataCorrupted(let context)?: path = context.codingPath
        default: path = []
        }
        if path.isEmpty { return syntaxErrorPosition(in: data) ?? "top level" }
        return path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    static func reason(of error: Error, in data: Data) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "missing field \"\(key.stringValue)\""
        case .typeMismatch(let type, _)?: return "expected \(type)"
        case .valueNotFound(let type, _)?: return "expected \(type), found null"
        case .dataCorrupted(let context)?:
            if context.codingPath.isEmpty, let syntax = syntaxError(in: data) { return "not valid JSON (\(syntax))" }
            if let underlying = context.underlyingError { return "not valid JSON (\(JSONErrorText.describe(underlying)))" }
            return context.debugDescription
        default: return JSONErrorText.describe(error)
        }
    }

    /// JSONDecoder says only "not valid JSON"; the complete reader says what and where.
    static func syntaxError(in data: Data) -> String? {
        firstSyntaxError(in: data).map { "\($0.reason)" }
    }

    /// "line 3, column 12" for a syntax error.
    static func syntaxErrorPosition(in data: Data) -> String? {
        if data.isEmpty { return "empty file" }
        return firstSyntaxError(in: data).map { lineAndColumn(of: $0.offset, in: data) }
    }

    private static func firstSyntaxError(in data: Data) -> FastJSONReader.SyntaxError? {
        do throws(FastJSONReader.SyntaxError) {
            try FastJSONReader.read(data, grammar: .complete) { json throws(FastJSONReader.Unsupported) in try json.skipValue() }
            return nil
        } catch {
            return error
        }
    }

    /// "line 3, column 12" of a byte offset, counting bytes.
    static func lineAndColumn(of offset: Int, in data: Data) -> String {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return "line \(line), column \(column)"
    }
}

extension FastJSONReader {
    /// A date as `JSONFile.decoder()` reads it (`JSONFile.date(from:)`), for every
    /// store's fast path; anything else gives up. The usual form is read from the bytes
    /// without making its text.
    mutating func isoDate() throws(Unsupported) -> Date {
        if let date = fixedString(count: 20, JSONFile.encodedDate) { return date }
        if let raw = rawASCIIString() {
            if let date = JSONFile.encodedDate(raw) { return date }
            guard let date = JSONFile.date(from: String(decoding: raw, as: UTF8.self)) else { throw Unsupported() }
            return date
        }
        guard let date = JSONFile.date(from: try string()) else { throw Unsupported() }
        return date
    }
}
