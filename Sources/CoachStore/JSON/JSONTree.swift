import FoundationEssentials

/// A JSON document read whole, for the documents decoded with `Decodable` (settings,
/// session, and the exact paths of progress, reviews, journal and exports). It is read
/// with `FastJSONReader`'s complete grammar, so nesting is bounded and a key that appears
/// twice in one object is refused with its path, in every document alike; numbers keep
/// their text, so `JSONTreeDecoder` can say "expected a whole number, got 45.5" where
/// JSONDecoder said only "not valid JSON". Sendable is said here, not inferred: the
/// inference through an object's (key, value) pairs is a cycle the compiler reports
/// ("circular reference") in incremental builds.
enum JSONTree: Sendable {
    /// Keys in file order. A list, not a dictionary: most objects have a few keys, and a
    /// dictionary each made a hostile file of millions of tiny objects cost gigabytes.
    case object([(key: String, value: JSONTree)])
    case array([JSONTree])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// Why a document could not be read as a tree.
    enum Failure: Error {
        /// The bytes are not JSON (or nest too deep): where and why, as the reader says.
        case syntax(FastJSONReader.SyntaxError)
        /// Valid JSON with one key twice in an object: its path ("items.x.status").
        case repeatedKey(path: String)
    }

    static func read(_ data: Data) throws(Failure) -> JSONTree {
        var repeated: String?
        do {
            return try FastJSONReader.read(data, grammar: .complete) { json throws(FastJSONReader.Unsupported) in
                try json.tree(path: [], depth: 0, repeated: &repeated)
            }
        } catch {
            if let repeated { throw .repeatedKey(path: repeated) }
            throw .syntax(error)
        }
    }

    /// "items.x.status", "entries[3].minutes": a path as the stores' messages spell it.
    static func spell(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

private extension FastJSONReader {
    mutating func tree(path: [CodingKey], depth: Int, repeated: inout String?) throws(Unsupported) -> JSONTree {
        guard depth < Self.deepestNesting else { throw stop("nesting deeper than 512") }
        switch peekKind() {
        case .object:
            var entries: [(key: String, value: JSONTree)] = []
            // Repeats are found by looking back while the object is small, by a set after.
            var seen: Set<String>?
            var object = try beginObject()
            while let key = try nextStringKey(&object) {
                let isRepeat: Bool
                if entries.count < 16 {
                    isRepeat = entries.contains { $0.key == key }
                } else {
                    if seen == nil { seen = Set(entries.map(\.key)) }
                    isRepeat = !seen!.insert(key).inserted
                }
                let inner = path + [TreeKey(key)]
                guard !isRepeat else {
                    repeated = JSONTree.spell(inner)
                    throw stop("a key that appears twice")
                }
                entries.append((key, try tree(path: inner, depth: depth + 1, repeated: &repeated)))
            }
            return .object(entries)
        case .array:
            var elements: [JSONTree] = []
            var array = try beginArray()
            while try nextElement(&array) {
                elements.append(try tree(path: path + [TreeKey(elements.count)], depth: depth + 1, repeated: &repeated))
            }
            return .array(elements)
        case .string:
            return .string(try string())
        case .number:
            return .number(try numberText())
        case .bool, .null:
            return try literalValue().map(JSONTree.bool) ?? .null
        case .invalid:
            try skipValue()  // stops with the reader's own reason and place
            throw stop("unexpected character")
        }
    }
}

/// A key of a coding path: an object key or an array index.
struct TreeKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init(_ index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}
