import FoundationEssentials

/// `Decodable` over a `JSONTree`, in place of JSONDecoder, for one reason: every error
/// keeps its coding path, and a number of the wrong kind says so ("expected a whole
/// number, got 45.5"; "expected a whole number from … to …, got 1234567890123456789012")
/// where JSONDecoder threw "The given data was not valid JSON" at the top level. Dates are
/// read as `JSONFile.decoder()` reads them. Errors are `DecodingError`s, so
/// `JSONFile.place(of:)` and `reason(of:)` word them as before.
struct JSONTreeDecoder: Decoder {
    let tree: JSONTree
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ tree: JSONTree, path: [CodingKey] = []) {
        self.tree = tree
        codingPath = path
    }

    static func decode<T: Decodable>(_ type: T.Type, from tree: JSONTree) throws -> T {
        try JSONTreeDecoder(tree).value(type)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let entries) = tree else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(Keyed<Key>(entries: entries, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .array(let elements) = tree else { throw mismatch([Any].self) }
        return Unkeyed(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { Single(decoder: self) }

    fileprivate func mismatch(_ type: Any.Type) -> DecodingError {
        if case .null = tree {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "found null"))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(type), found \(kind)"))
    }

    private var kind: String {
        switch tree {
        case .object: "an object"
        case .array: "an array"
        case .string: "text"
        case .number(let text): text
        case .bool(let value): "\(value)"
        case .null: "null"
        }
    }

    private func corrupted(_ description: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: description))
    }

    /// The one place a value is made: numbers, text and dates by hand, the rest by
    /// their own `init(from:)`.
    fileprivate func value<T: Decodable>(_ type: T.Type) throws -> T {
        if type == String.self { return try text() as! T }
        if type == Bool.self {
            guard case .bool(let value) = tree else { throw mismatch(Bool.self) }
            return value as! T
        }
        if type == Double.self { return try real() as! T }
        if type == Float.self {
            let value = Float(try real())
            guard value.isFinite else { throw corrupted("expected a number a Float holds, got \(kind)") }
            return value as! T
        }
        if type == Int.self { return try whole(Int.self) as! T }
        if type == Int64.self { return try whole(Int64.self) as! T }
        if type == Int32.self { return try whole(Int32.self) as! T }
        if type == UInt.self { return try whole(UInt.self) as! T }
        if type == UInt64.self { return try whole(UInt64.self) as! T }
        if type == Date.self {
            let text = try text()
            guard let date = JSONFile.date(from: text) else {
                throw corrupted("expected an ISO 8601 date like 2024-05-01T09:30:00Z, found \"\(text)\"")
            }
            return date as! T
        }
        return try T(from: self)
    }

    private func text() throws -> String {
        guard case .string(let text) = tree else { throw mismatch(String.self) }
        return text
    }

    private func real() throws -> Double {
        guard case .number(let text) = tree else { throw mismatch(Double.self) }
        guard let value = Double(text), value.isFinite else {
            throw corrupted("expected a finite number, got \(TerminalSafe.cut(text))")
        }
        return value
    }

    /// A whole number of `T`'s range: "45" or "45.0" or "4.5e1", never 45.5 or a number
    /// past the range (which JSONDecoder called "not valid JSON").
    private func whole<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .number(let text) = tree else { throw mismatch(T.self) }
        if let value = T(text) { return value }
        let isPlain = !text.contains { $0 == "." || $0 == "e" || $0 == "E" }
        if !isPlain, let real = Double(text), real.rounded() == real, let value = T(exactly: real) { return value }
        if isPlain || (Double(text).map { $0.rounded() == $0 } ?? false) {
            throw corrupted("expected a whole number from \(T.min) to \(T.max), got \(TerminalSafe.cut(text))")
        }
        throw corrupted("expected a whole number, got \(TerminalSafe.cut(text))")
    }
}

/// Numbers echoed in messages are cut: a 100,000-digit number is not repeated whole.
enum TerminalSafe {
    static func cut(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "… (\(text.count) characters)"
    }
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let entries: [(key: String, value: JSONTree)]
    /// For a large object (progress items by id), an index of its keys.
    let index: [String: Int]?
    let codingPath: [CodingKey]

    init(entries: [(key: String, value: JSONTree)], codingPath: [CodingKey]) {
        self.entries = entries
        self.codingPath = codingPath
        index = entries.count > 16
            ? Dictionary(entries.indices.map { (entries[$0].key, $0) }, uniquingKeysWith: { first, _ in first }) : nil
    }

    var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

    private func value(_ key: String) -> JSONTree? {
        if let index { return index[key].map { entries[$0].value } }
        return entries.first { $0.key == key }?.value
    }

    func contains(_ key: Key) -> Bool { value(key.stringValue) != nil }

    private func decoder(for key: Key) throws -> JSONTreeDecoder {
        guard let tree = value(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \"\(key.stringValue)\""))
        }
        return JSONTreeDecoder(tree, path: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard case .null = try decoder(for: key).tree else { return false }
        return true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(for: key).value(type) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(for: key).value(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(for: key).value(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(for: key).value(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder(for: key).value(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(for: key).value(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(for: key).narrow(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(for: key).narrow(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(for: key).value(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(for: key).value(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(for: key).value(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(for: key).narrow(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(for: key).narrow(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(for: key).narrow(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(for: key).value(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(for: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try decoder(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        JSONTreeDecoder(.object(entries), path: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> Decoder { try decoder(for: key) }
}

private extension JSONTreeDecoder {
    /// The small integer types, through Int, with the range they allow.
    func narrow<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let wide = try value(Int64.self)
        guard let value = T(exactly: wide) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath, debugDescription: "expected a whole number from \(T.min) to \(T.max), got \(wide)"))
        }
        return value
    }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let elements: [JSONTree]
    let codingPath: [CodingKey]
    var currentIndex = 0

    init(elements: [JSONTree], codingPath: [CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> JSONTreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(
                codingPath: codingPath + [TreeKey(currentIndex)], debugDescription: "the array ends here"))
        }
        defer { currentIndex += 1 }
        return JSONTreeDecoder(elements[currentIndex], path: codingPath + [TreeKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = elements[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().value(type) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().value(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next().value(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().value(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().value(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().value(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().narrow(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().narrow(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().value(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().value(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().value(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().narrow(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().narrow(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().narrow(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().value(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> Decoder { try next() }
}

private struct Single: SingleValueDecodingContainer {
    let decoder: JSONTreeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        guard case .null = decoder.tree else { return false }
        return true
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.value(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.value(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.value(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.value(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.value(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.value(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.value(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.value(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.value(type) }
}
