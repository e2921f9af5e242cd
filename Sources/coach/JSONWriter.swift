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

    mutating func array(_ objects: [[(String, Value)]]) {
        guard !objects.isEmpty else { text += "[\n\n]"; return }
        text += "[\n"
        depth += 1
        for (index, object) in objects.enumerated() {
            indent()
            write(.object(object))
            text += index == objects.count - 1 ? "\n" : ",\n"
        }
        depth -= 1
        text += "]"
    }

    private mutating func indent() {
        text += String(repeating: "  ", count: depth)
    }

    private mutating func write(_ value: Value) {
        switch value {
        case .string(let string): text += Self.quoted(string)
        case .number(let number): text += Self.number(number)
        case .date(let date): text += Self.quoted(Self.iso8601(date))
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

    /// "2026-11-23T09:30:00Z", from the date's seconds by the civil calendar.
    static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Howard Hinnant's days-to-civil.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}

private extension Array where Element == (String, JSONWriter.Value) {
    var isSortedByKey: Bool {
        zip(self, dropFirst()).allSatisfy { $0.0 < $1.0 }
    }
}
