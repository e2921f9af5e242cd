import FoundationEssentials

/// What the merge needs of a JSON tree: fields by key, a canonical text to compare
/// values by (keys sorted, no white space), and the house format to write it back in.
/// The merge works on trees, not on the stores' values, so a field this code does not
/// know (one a newer Coach or another branch adds) is merged like any other.
extension JSONTree {
    subscript(name: String) -> JSONTree? {
        guard case .object(let fields) = self else { return nil }
        for field in fields where field.key == name { return field.value }
        return nil
    }

    /// The object with `key` set to `value` (removed when nil); other kinds as they are.
    func setting(_ key: String, _ value: JSONTree?) -> JSONTree {
        guard case .object(var fields) = self else { return self }
        if let index = fields.firstIndex(where: { $0.key == key }) {
            if let value { fields[index].value = value } else { fields.remove(at: index) }
        } else if let value {
            fields.append((key, value))
        }
        return .object(fields)
    }

    var pairs: [(key: String, value: JSONTree)] {
        guard case .object(let fields) = self else { return [] }
        return fields
    }

    var elements: [JSONTree] {
        guard case .array(let values) = self else { return [] }
        return values
    }

    var text: String? {
        guard case .string(let string) = self else { return nil }
        return string
    }

    /// A date field ("2026-11-23T09:30:00Z"); nil when it is not one.
    var date: Date? {
        guard let text else { return nil }
        return JSONFile.date(from: text)
    }

    static func time(_ date: Date) -> JSONTree { .string(ISODateText.text(of: date)) }

    /// Compact JSON with keys sorted: two values are the same when their canonical
    /// texts are, whatever order or spacing their files wrote them in.
    var canonical: String {
        var out = ""
        appendCanonical(to: &out)
        return out
    }

    private func appendCanonical(to out: inout String) {
        switch self {
        case .object(let pairs):
            out += "{"
            for (index, pair) in pairs.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out += "," }
                out += JSONTree.quoted(pair.key) + ":"
                pair.value.appendCanonical(to: &out)
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.appendCanonical(to: &out)
            }
            out += "]"
        case .string(let text): out += JSONTree.quoted(text)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    static func same(_ a: JSONTree?, _ b: JSONTree?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): a.canonical == b.canonical
        default: false
        }
    }

    /// The document in the house format `JSONWriter` writes: two-space indents, " : ",
    /// keys sorted, an empty object or array with a blank line inside, a final newline.
    var houseFormat: [UInt8] {
        var out: [UInt8] = []
        write(to: &out, depth: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    func write(to out: inout [UInt8], depth: Int) {
        func newLine(_ depth: Int) {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
        switch self {
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            if pairs.isEmpty { out.append(UInt8(ascii: "\n")) }
            for (index, pair) in pairs.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newLine(depth + 1)
                out.append(contentsOf: JSONTree.quoted(pair.key).utf8)
                out.append(contentsOf: " : ".utf8)
                pair.value.write(to: &out, depth: depth + 1)
            }
            newLine(depth)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            if elements.isEmpty { out.append(UInt8(ascii: "\n")) }
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newLine(depth + 1)
                element.write(to: &out, depth: depth + 1)
            }
            newLine(depth)
            out.append(UInt8(ascii: "]"))
        default:
            out.append(contentsOf: canonical.utf8)
        }
    }

    /// A JSON string, escaped as `JSONWriter` escapes it.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += control.value < 0x10 ? "\\u000" + hex : "\\u00" + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
