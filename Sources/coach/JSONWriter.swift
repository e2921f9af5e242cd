import CoachStore
import Foundation

/// JSON text written by hand for the one listing that can hold 10,000 objects
/// (`coach idea list --json`), where JSONEncoder alone took 100 ms. Same shape as
/// `JSONOutput`: two-space indents, keys in sorted order, ISO 8601 dates.
struct JSONWriter {
    private(set) var text = ""
    private var depth = 0

    enum Value {
        case string(String)
        case number(Double)
        case date(Date)
        case null
        case strings([String])
        case object([(String, Value)])
    }

    /// An array of objects, one object at a time to `emit`, so 10,000 of them are never
    /// held as text (or as values, when `objects` is lazy) all at once.
    static func array<Objects: Sequence>(_ objects: Objects, to emit: (String) -> Void) where Objects.Element == [(String, Value)] {
        var isFirst = true
        for object in objects {
            var writer = JSONWriter()
            writer.text = isFirst ? "[\n  " : ",\n  "
            writer.depth = 1
            writer.write(.object(object))
            emit(writer.text)
            isFirst = false
        }
        emit(isFirst ? "[\n\n]" : "\n]")
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

    static func quoted(_ string: String) -> String {
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

    /// Whole numbers without ".0", others in Swift's shortest round-trip form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

private extension Array where Element == (String, JSONWriter.Value) {
    var isSortedByKey: Bool {
        zip(self, dropFirst()).allSatisfy { $0.0 < $1.0 }
    }
}
