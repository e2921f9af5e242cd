import CoachCore
import Foundation

/// A versioned JSON document of the home: how it is read, checked and written.
/// Human-readable, keys sorted, so the files diff well and can be edited by hand.
enum JSONDocument {
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
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected an ISO 8601 date like 2024-05-01T09:30:00Z, found \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    /// Reads a document, refusing a newer version before decoding the rest, so the
    /// message is about the version and not about a field we do not know.
    static func load<T: Decodable>(_ type: T.Type, from url: URL, supported: Int) throws -> T? {
        guard let data = try AtomicFile.read(url) else { return nil }
        let header: VersionHeader
        do {
            header = try decoder().decode(VersionHeader.self, from: data)
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
            return try decoder().decode(T.self, from: data)
        } catch {
            throw StoreError.unreadable(file: url.path, place: place(of: error, in: data), reason: reason(of: error, in: data))
        }
    }

    static func save<T: Encodable>(_ value: T, to url: URL) throws {
        let data: Data
        do {
            data = try encoder().encode(value) + Data("\n".utf8)
        } catch {
            throw StoreError.io(file: url.path, reason: "cannot encode (\(error))")
        }
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

    /// JSONDecoder says only "not valid JSON"; JSONSerialization says what and where.
    static func syntaxError(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return JSONErrorText.describe(error)
        }
    }

    /// "line 3, column 12" for a syntax error that JSONSerialization places at a character.
    static func syntaxErrorPosition(in data: Data) -> String? {
        guard let message = syntaxError(in: data),
              let range = message.range(of: "character "),
              let offset = Int(message[range.upperBound...].prefix { $0.isNumber })
        else { return data.isEmpty ? "empty file" : nil }
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return "line \(line), column \(column)"
    }
}
