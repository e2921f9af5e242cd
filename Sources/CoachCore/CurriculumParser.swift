import Foundation

/// One thing wrong with a curriculum file, located by file and JSON path.
public struct CurriculumProblem: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { "\(file): \(path): \(message)" }
}

/// Turns one track file into a `Track`, reporting every problem at once with its JSON
/// path. It walks `JSONSerialization` output by hand because `JSONDecoder` stops at the
/// first error and cannot say "empty title" or "bad URL".
public enum CurriculumParser {
    public static func parseTrack(_ data: Data, file: String) -> (track: Track?, problems: [CurriculumProblem]) {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            return (nil, [CurriculumProblem(file: file, path: "$", message: "not valid JSON (\(JSONErrorText.describe(error)))")])
        }
        var walker = Walker(file: file)
        let track = walker.track(root)
        return (walker.problems.isEmpty ? track : nil, walker.problems)
    }

    /// Problems that only show across files: an item id used twice.
    public static func duplicateIDs(in tracks: [(file: String, track: Track)]) -> [CurriculumProblem] {
        var seen: [String: String] = [:]
        var problems: [CurriculumProblem] = []
        for (file, track) in tracks {
            if let first = seen["track:" + track.id] {
                problems.append(CurriculumProblem(file: file, path: "$.id", message: "duplicate track id \"\(track.id)\" (first in \(first))"))
            } else {
                seen["track:" + track.id] = file
            }
            for (s, section) in track.sections.enumerated() {
                for (i, item) in section.items.enumerated() {
                    if let first = seen[item.id] {
                        problems.append(CurriculumProblem(
                            file: file, path: "$.sections[\(s)].items[\(i)].id",
                            message: "duplicate item id \"\(item.id)\" (first in \(first))"))
                    } else {
                        seen[item.id] = file
                    }
                }
            }
        }
        return problems
    }
}

private struct Walker {
    let file: String
    var problems: [CurriculumProblem] = []

    mutating func fail(_ path: String, _ message: String) {
        problems.append(CurriculumProblem(file: file, path: path, message: message))
    }

    mutating func track(_ value: Any) -> Track? {
        guard let object = value as? [String: Any] else {
            fail("$", "expected an object with id, title and sections")
            return nil
        }
        let id = text(object, "id", at: "$")
        let title = text(object, "title", at: "$")
        let summary = (object["summary"] as? String) ?? ""
        var sections: [Section] = []
        if let list = array(object, "sections", at: "$") {
            for (index, entry) in list.enumerated() {
                if let section = section(entry, at: "$.sections[\(index)]") { sections.append(section) }
            }
        }
        guard let id, let title else { return nil }
        return Track(id: id, title: title, summary: summary, sections: sections)
    }

    mutating func section(_ value: Any, at path: String) -> Section? {
        guard let object = value as? [String: Any] else {
            fail(path, "expected an object with title and items")
            return nil
        }
        let title = text(object, "title", at: path)
        var items: [Item] = []
        if let list = array(object, "items", at: path) {
            for (index, entry) in list.enumerated() {
                if let item = item(entry, at: "\(path).items[\(index)]") { items.append(item) }
            }
        }
        guard let title else { return nil }
        return Section(title: title, items: items)
    }

    mutating func item(_ value: Any, at path: String) -> Item? {
        guard let object = value as? [String: Any] else {
            fail(path, "expected an object with id, title, summary and minutes")
            return nil
        }
        let id = text(object, "id", at: path)
        let title = text(object, "title", at: path)
        let summary = (object["summary"] as? String) ?? ""
        let minutes = self.minutes(object, at: path)
        var resources: [Resource] = []
        if object["resources"] != nil, let list = array(object, "resources", at: path) {
            for (index, entry) in list.enumerated() {
                if let resource = resource(entry, at: "\(path).resources[\(index)]") { resources.append(resource) }
            }
        }
        guard let id, let title, let minutes else { return nil }
        return Item(id: id, title: title, summary: summary, minutes: minutes, resources: resources)
    }

    mutating func resource(_ value: Any, at path: String) -> Resource? {
        guard let object = value as? [String: Any] else {
            fail(path, "expected an object with title and kind")
            return nil
        }
        let title = text(object, "title", at: path)
        var kind: ResourceKind?
        if let raw = text(object, "kind", at: path) {
            kind = ResourceKind(rawValue: raw)
            if kind == nil {
                let allowed = ResourceKind.allCases.map(\.rawValue).joined(separator: ", ")
                fail("\(path).kind", "unknown kind \"\(raw)\" (allowed: \(allowed))")
            }
        }
        var url: String?
        if let raw = object["url"] {
            if let string = raw as? String, WebAddress.isValid(string) {
                url = string
            } else {
                fail("\(path).url", "malformed URL \(String(describing: raw)) (expected http:// or https:// with a host)")
            }
        }
        guard let title, let kind else { return nil }
        return Resource(title: title, kind: kind, url: url)
    }

    /// A required, non-empty string field.
    mutating func text(_ object: [String: Any], _ key: String, at path: String) -> String? {
        guard let raw = object[key] else {
            fail("\(path).\(key)", "missing field \"\(key)\"")
            return nil
        }
        guard let string = raw as? String else {
            fail("\(path).\(key)", "expected a string")
            return nil
        }
        guard !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            fail("\(path).\(key)", "empty \(key)")
            return nil
        }
        return string
    }

    mutating func array(_ object: [String: Any], _ key: String, at path: String) -> [Any]? {
        guard let raw = object[key] else {
            fail("\(path).\(key)", "missing field \"\(key)\"")
            return nil
        }
        guard let list = raw as? [Any] else {
            fail("\(path).\(key)", "expected an array")
            return nil
        }
        return list
    }

    mutating func minutes(_ object: [String: Any], at path: String) -> Int? {
        guard let raw = object["minutes"] else {
            fail("\(path).minutes", "missing field \"minutes\"")
            return nil
        }
        // JSON true/false arrive as NSNumber too, and `raw is Bool` also matches 0 and 1.
        let isBoolean = (raw as AnyObject) === NSNumber(value: true) || (raw as AnyObject) === NSNumber(value: false)
        guard let number = raw as? NSNumber, !isBoolean, let value = Int(exactly: number.doubleValue) else {
            fail("\(path).minutes", "expected a whole number of minutes")
            return nil
        }
        guard value > 0 else {
            fail("\(path).minutes", "minutes must be positive, got \(value)")
            return nil
        }
        return value
    }
}

/// The one rule for what counts as a usable link.
public enum WebAddress {
    public static func isValid(_ string: String) -> Bool {
        guard let parts = URLComponents(string: string),
              let scheme = parts.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = parts.host, !host.isEmpty, !host.contains(" ")
        else { return false }
        return true
    }
}

/// Foundation's JSON errors are long and vary by platform; keep the useful part.
public enum JSONErrorText {
    public static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let debug = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return debug }
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError { return describe(underlying) }
            return context.debugDescription
        }
        return ns.localizedDescription
    }
}
