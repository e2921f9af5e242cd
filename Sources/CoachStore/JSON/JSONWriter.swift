import FoundationEssentials

/// JSON text in the house format, for every document of the home and `coach idea list
/// --json` (JSONEncoder took about 100 ms and 30 MB for 10,000 ideas): two-space
/// indents, " : ", keys in sorted order, ISO 8601 dates, whole numbers without ".0" —
/// the format the release wrote, so its files are written back byte for byte.
public struct JSONWriter {
    private var bytes: [UInt8] = []
    private var depth = 0

    public enum Value {
        case string(String)
        case number(Double)
        case bool(Bool)
        case date(Date)
        case null
        case strings([String])
        case array([Value])
        /// Keys in sorted order, as every caller lists them.
        case object([(String, Value)])
    }

    /// An array of objects at nesting `depth`, one object at a time to `emit`, so 10,000
    /// of them are never held as text (or as values, when `objects` is lazy) all at once.
    public static func array<Objects: Sequence>(_ objects: Objects, depth: Int = 0, to emit: ([UInt8]) -> Void)
    where Objects.Element == [(String, Value)] {
        var writer = JSONWriter()
        writer.depth = depth + 1
        var isFirst = true
        for object in objects {
            writer.bytes.removeAll(keepingCapacity: true)
            writer.bytes.append(isFirst ? UInt8(ascii: "[") : UInt8(ascii: ","))
            writer.newLine()
            writer.write(.object(object))
            emit(writer.bytes)
            isFirst = false
        }
        writer.bytes.removeAll(keepingCapacity: true)
        if isFirst { writer.bytes.append(UInt8(ascii: "[")); writer.bytes.append(UInt8(ascii: "\n")) }
        writer.depth = depth
        writer.newLine()
        writer.bytes.append(UInt8(ascii: "]"))
        emit(writer.bytes)
    }

    /// A whole document: one object, keys in sorted order, and a final newline.
    public static func document(_ fields: [(String, Value)]) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(.object(fields))
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.bytes
    }

    /// A line break and the indent of the current depth.
    private mutating func newLine() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth * 2 { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func write(_ value: Value) {
        switch value {
        case .string(let string): writeQuoted(string)
        case .number(let number): append(Self.number(number))
        case .date(let date): writeQuoted(ISODateText.text(of: date))
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .strings(let strings): write(.array(strings.map(Value.string)))
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            if values.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            depth += 1
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newLine()
                write(value)
            }
            depth -= 1
            newLine()
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            assert(zip(pairs, pairs.dropFirst()).allSatisfy { $0.0 < $1.0 }, "keys must come in sorted order")
            bytes.append(UInt8(ascii: "{"))
            // An empty object or array keeps a blank line inside, as the release wrote them.
            if pairs.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            depth += 1
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newLine()
                writeQuoted(key)
                append(" : ")
                write(value)
            }
            depth -= 1
            newLine()
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, as
    /// JSONEncoder escapes them; everything else (slashes too) as it is.
    private mutating func writeQuoted(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escapes: copy it whole.
        if string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            for byte in string.utf8 { writeEscaped(byte) }
        } else {
            bytes.append(contentsOf: string.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"): append("\\r")
        case UInt8(ascii: "\t"): append("\\t")
        case 0..<0x20: append(byte < 0x10 ? "\\u000" + String(byte, radix: 16) : "\\u00" + String(byte, radix: 16))
        default: bytes.append(byte)
        }
    }

    /// Swift's shortest round-trip form, whole numbers without ".0", as JSONEncoder
    /// writes them.
    public static func number(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
