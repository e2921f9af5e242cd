import Foundation

/// JSON text written by hand where 10,000 objects go out at once (backlog.json and
/// `coach idea list --json`): JSONEncoder took about 100 ms and 30 MB for them. The text
/// is byte for byte what `JSONDocument.encoder()` writes: two-space indents, " : ",
/// keys in sorted order, ISO 8601 dates.
package struct JSONWriter {
    private(set) var text = ""
    private var depth = 0

    package enum Value {
        case string(String)
        case number(Double)
        case date(Date)
        case null
        case strings([String])
        case object([(String, Value)])
    }

    /// An array of objects at nesting `depth`, one object at a time to `emit`, so 10,000
    /// of them are never held as text (or as values, when `objects` is lazy) all at once.
    package static func array<Objects: Sequence>(_ objects: Objects, depth: Int = 0, to emit: (String) -> Void)
    where Objects.Element == [(String, Value)] {
        let inner = "\n" + String(repeating: "  ", count: depth + 1)
        var isFirst = true
        for object in objects {
            var writer = JSONWriter()
            writer.text = isFirst ? "[" + inner : "," + inner
            writer.depth = depth + 1
            writer.write(.object(object))
            emit(writer.text)
            isFirst = false
        }
        emit((isFirst ? "[\n" : "") + "\n" + String(repeating: "  ", count: depth) + "]")
    }

    private mutating func indent() {
        text += String(repeating: "  ", count: depth)
    }

    private mutating func write(_ value: Value) {
        switch value {
        case .string(let string): text += Self.quoted(string)
        case .number(let number): text += Self.number(number)
        case .date(let date): text += Self.quoted(ISODateText.text(of: date))
        case .null: text += "null"
        case .strings(let strings):
            guard !strings.isEmpty else { text += "[\n\n" + String(repeating: "  ", count: depth) + "]"; return }
            text += "[\n"
            depth += 1
            for (index, string) in strings.enumerated() {
                indent()
                text += Self.quoted(string) + (index == strings.count - 1 ? "\n" : ",\n")
            }
            depth -= 1
            indent()
            text += "]"
        case .object(let pairs):
            text += "{\n"
            depth += 1
            let sorted = pairs.isSortedByKey ? pairs : pairs.sorted { $0.0 < $1.0 }
            for (index, (key, value)) in sorted.enumerated() {
                indent()
                text += Self.quoted(key) + " : "
                write(value)
                text += index == sorted.count - 1 ? "\n" : ",\n"
            }
            depth -= 1
            indent()
            text += "}"
        }
    }

    package static func quoted(_ string: String) -> String {
        // Most text needs no escapes: copy it whole.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + string + "\""
        }
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Swift's shortest round-trip form, whole numbers without ".0", as JSONEncoder
    /// writes them.
    package static func number(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

private extension Array where Element == (String, JSONWriter.Value) {
    var isSortedByKey: Bool {
        zip(self, dropFirst()).allSatisfy { $0.0 < $1.0 }
    }
}
