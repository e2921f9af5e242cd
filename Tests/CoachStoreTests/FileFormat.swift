import Foundation
import Testing

/// The house format every document is written in: JSON that reads by eye and diffs
/// well — two-space indents, one field a line, keys in sorted order in every object,
/// a final newline.
enum FileFormat {
    /// What is wrong with `text` as the house format, or nil.
    static func problem(with text: String) -> String? {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
            return "not valid JSON"
        }
        guard text.hasSuffix("}\n") else { return "does not end with a closing brace and a newline" }
        // Each object and array open on the way down, with the last key seen in it.
        var open: [(isObject: Bool, lastKey: String?)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if body.hasPrefix("}") || body.hasPrefix("]") { open.removeLast() }
            guard body.isEmpty || indent == open.count * 2 else { return "line \(number + 1): indent \(indent), expected \(open.count * 2)" }
            if body.hasPrefix("\""), let range = body.range(of: "\" : ") {
                let key = String(body[..<range.upperBound])
                guard let level = open.last, level.isObject else { return "line \(number + 1): a key outside an object" }
                if let last = level.lastKey, !(last < key) { return "line \(number + 1): key \(key) after \(last)" }
                open[open.count - 1].lastKey = key
            }
            if body.hasSuffix("{") { open.append((true, nil)) }
            if body.hasSuffix("[") { open.append((false, nil)) }
        }
        return open.isEmpty ? nil : "unbalanced"
    }

    /// A file of the current release, as it wrote it (Fixtures/release-1).
    static func releaseFile(_ name: String) throws -> Data {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/release-1")
        return try Data(contentsOf: folder.appendingPathComponent(name))
    }
}
