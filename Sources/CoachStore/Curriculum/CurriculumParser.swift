import CoachCore
import FoundationEssentials

/// Turns one track file into a `Track`, reporting every problem at once with its JSON
/// path.
///
/// Two paths give the same answers. The fast one reads a plain, valid file straight from
/// its bytes (`FastJSONReader`) and gives up at the first thing it does not expect. The
/// exact one walks the file's values (`JSONValue`: what JSONSerialization made, without
/// Foundation's NSNumber and NSDictionary) by hand, because `JSONDecoder` stops at the
/// first error and cannot say "empty title" or "bad URL"; it runs whenever the fast one
/// gives up, so every problem is found and worded by it alone.
public enum CurriculumParser {
    public static func parseTrack(_ data: Data, file: String) -> (track: Track?, problems: [CurriculumProblem]) {
        if let track = fastTrack(data) { return (track, []) }
        return exactParse(data, file: file)
    }

    /// The fast path: the track when the file is plain JSON without a single problem,
    /// nil when the exact path must decide.
    static func fastTrack(_ data: Data) -> Track? {
        FastJSONReader.read(data) { json throws(FastJSONReader.Unsupported) in try json.track() }
    }

    /// The minutes an item may take: far above any real one (the longest is 600), low
    /// enough that no sum of them can overflow.
    public static let itemMinutesRange = 1...10_000

    /// The exact path, on its own: every problem with its path and message.
    static func exactParse(_ data: Data, file: String) -> (track: Track?, problems: [CurriculumProblem]) {
        // JSONSerialization keeps one of two equal keys without a word, and nests without
        // a limit: the tree reader refuses both first, with the path.
        do {
            _ = try JSONTree.read(data)
        } catch {
            switch error {
            case .repeatedKey(let path):
                let spelled = "$." + path.replacingText(".[", with: "[")
                return (nil, [CurriculumProblem(file: file, path: spelled, message: JSONFile.repeatedKeyReason)])
            case .syntax(let syntax) where syntax.reason.description.hasPrefix("nesting"):
                return (nil, [CurriculumProblem(file: file, path: "$", message: "not valid JSON (\(syntax.reason))")])
            case .syntax:
                break  // the value reader below words it, as it always has
            }
        }
        let root: Any
        do {
            root = try FastJSONReader.read(data, grammar: .complete) { json throws(FastJSONReader.Unsupported) in
                try json.anyValue()
            }
        } catch {
            return (nil, [CurriculumProblem(file: file, path: "$", message: "not valid JSON (\(JSONErrorText.describe(error)))")])
        }
        // JSONSerialization's rule: a file is an object or an array.
        guard root is [String: Any] || root is [Any] else {
            return (nil, [CurriculumProblem(file: file, path: "$", message: "not valid JSON (the top level is not an object or an array)")])
        }
        var walker = Walker(file: file)
        let track = walker.track(root)
        return (walker.problems.isEmpty ? track : nil, walker.problems)
    }

    /// Problems that only show across files: an item id used twice.
    public static func duplicateIDs(in tracks: [(file: String, track: Track)]) -> [CurriculumProblem] {
        var seen: [String: String] = [:]
        seen.reserveCapacity(tracks.reduce(0) { count, entry in
            entry.track.sections.reduce(count + 1) { $0 + $1.items.count }
        })
        var problems: [CurriculumProblem] = []
        for (file, track) in tracks {
            // One lookup for the usual case, a new id; a repeated one puts the first file back.
            let trackKey = "track:" + track.id
            if let first = seen.updateValue(file, forKey: trackKey) {
                seen[trackKey] = first
                problems.append(CurriculumProblem(file: file, path: "$.id", message: "duplicate track id \"\(track.id)\" (first in \(first))"))
            }
            for (s, section) in track.sections.enumerated() {
                for (i, item) in section.items.enumerated() {
                    if let first = seen.updateValue(file, forKey: item.id) {
                        seen[item.id] = first
                        problems.append(CurriculumProblem(
                            file: file, path: "$.sections[\(s)].items[\(i)].id",
                            message: "duplicate item id \"\(item.id)\" (first in \(first))"))
                    }
                }
            }
        }
        return problems
    }
}

/// Where a value sits in a track file. Spelled out as a JSON path ("$.sections[0].items[3]")
/// only when a problem is reported, so a valid file builds no path strings.
private struct Place {
    var section: Int?
    var item: Int?
    var resource: Int?
    /// A prompt or drill of the item: "prompts[1]", "drills[0]".
    var part: String?

    var path: String {
        var text = "$"
        if let section { text += ".sections[\(section)]" }
        if let item { text += ".items[\(item)]" }
        if let resource { text += ".resources[\(resource)]" }
        if let part { text += "." + part }
        return text
    }
}

private struct Walker {
    let file: String
    var problems: [CurriculumProblem] = []

    mutating func fail(_ place: Place, _ message: String) {
        problems.append(CurriculumProblem(file: file, path: place.path, message: message))
    }

    mutating func fail(_ place: Place, _ key: String, _ message: String) {
        problems.append(CurriculumProblem(file: file, path: "\(place.path).\(key)", message: message))
    }

    mutating func track(_ value: Any) -> Track? {
        let place = Place()
        guard let object = value as? [String: Any] else {
            fail(place, "expected an object with id, title and sections")
            return nil
        }
        let id = text(object, "id", at: place)
        let title = text(object, "title", at: place)
        let summary = (object["summary"] as? String) ?? ""
        var sections: [Section] = []
        if let list = array(object, "sections", at: place) {
            sections.reserveCapacity(list.count)
            for (index, entry) in list.enumerated() {
                if let section = section(entry, at: Place(section: index)) { sections.append(section) }
            }
        }
        guard let id, let title else { return nil }
        return Track(id: id, title: title, summary: summary, sections: sections)
    }

    mutating func section(_ value: Any, at place: Place) -> Section? {
        guard let object = value as? [String: Any] else {
            fail(place, "expected an object with title and items")
            return nil
        }
        let title = text(object, "title", at: place)
        var items: [Item] = []
        if let list = array(object, "items", at: place) {
            items.reserveCapacity(list.count)
            for (index, entry) in list.enumerated() {
                if let item = item(entry, at: Place(section: place.section, item: index)) { items.append(item) }
            }
        }
        guard let title else { return nil }
        return Section(title: title, items: items)
    }

    mutating func item(_ value: Any, at place: Place) -> Item? {
        guard let object = value as? [String: Any] else {
            fail(place, "expected an object with id, title, summary and minutes")
            return nil
        }
        let id = text(object, "id", at: place)
        let title = text(object, "title", at: place)
        let summary = (object["summary"] as? String) ?? ""
        let minutes = self.minutes(object, at: place)
        var resources: [Resource] = []
        if object["resources"] != nil, let list = array(object, "resources", at: place) {
            resources.reserveCapacity(list.count)
            for (index, entry) in list.enumerated() {
                let at = Place(section: place.section, item: place.item, resource: index)
                if let resource = resource(entry, at: at) { resources.append(resource) }
            }
        }
        let prompts = list(object, "prompts", at: place) { walker, entry, at in walker.prompt(entry, at: at) }
        let selfCheck = object["selfCheck"] == nil ? [] : lines(object, "selfCheck", at: place, naming: "entry")
        let drills = list(object, "drills", at: place) { walker, entry, at in walker.drill(entry, at: at) }
        guard let id, let title, let minutes, let selfCheck else { return nil }
        return Item(id: id, title: title, summary: summary, minutes: minutes, resources: resources,
                    prompts: prompts, selfCheck: selfCheck, drills: drills)
    }

    /// An optional array of objects ("prompts", "drills"): each entry read by `read` at
    /// its own place; missing means none.
    mutating func list<T>(_ object: [String: Any], _ key: String, at place: Place,
                          _ read: (inout Walker, Any, Place) -> T?) -> [T] {
        guard object[key] != nil, let entries = array(object, key, at: place) else { return [] }
        var values: [T] = []
        for (index, entry) in entries.enumerated() {
            var at = place
            at.part = "\(key)[\(index)]"
            if let value = read(&self, entry, at) { values.append(value) }
        }
        return values
    }

    mutating func prompt(_ value: Any, at place: Place) -> RecallPrompt? {
        guard let object = value as? [String: Any] else {
            fail(place, "expected an object with question and points")
            return nil
        }
        let question = text(object, "question", at: place)
        let points = lines(object, "points", at: place, naming: "point")
        guard let question, let points else { return nil }
        return RecallPrompt(question: question, points: points)
    }

    mutating func drill(_ value: Any, at place: Place) -> Drill? {
        guard let object = value as? [String: Any] else {
            fail(place, "expected an object with kind, question and rubric")
            return nil
        }
        var kind: DrillKind?
        if let raw = text(object, "kind", at: place) {
            kind = DrillKind(rawValue: raw)
            if kind == nil {
                let allowed = DrillKind.allCases.map(\.rawValue).joined(separator: ", ")
                fail(place, "kind", "unknown drill kind \"\(raw)\" (allowed: \(allowed))")
            }
        }
        let question = text(object, "question", at: place)
        let rubric = lines(object, "rubric", at: place, naming: "rubric entry")
        guard let kind, let question, let rubric else { return nil }
        return Drill(kind: kind, question: question, rubric: rubric)
    }

    /// A required, non-empty array of non-blank strings (points, a rubric, a self-check).
    mutating func lines(_ object: [String: Any], _ key: String, at place: Place, naming: String) -> [String]? {
        guard let entries = array(object, key, at: place) else { return nil }
        guard !entries.isEmpty else {
            fail(place, key, "\(key) must list at least one \(naming)")
            return nil
        }
        var lines: [String] = []
        var valid = true
        for (index, entry) in entries.enumerated() {
            if let line = entry as? String, !BlankText.isBlank(line) {
                lines.append(line)
            } else {
                fail(place, "\(key)[\(index)]", entry is String ? "empty \(naming)" : "expected a string")
                valid = false
            }
        }
        return valid ? lines : nil
    }

    mutating func resource(_ value: Any, at place: Place) -> Resource? {
        guard let object = value as? [String: Any] else {
            fail(place, "expected an object with title and kind")
            return nil
        }
        let title = text(object, "title", at: place)
        var kind: ResourceKind?
        if let raw = text(object, "kind", at: place) {
            kind = ResourceKind(rawValue: raw)
            if kind == nil {
                let allowed = ResourceKind.allCases.map(\.rawValue).joined(separator: ", ")
                fail(place, "kind", "unknown kind \"\(raw)\" (allowed: \(allowed))")
            }
        }
        var url: String?
        if let raw = object["url"] {
            if let string = raw as? String, WebAddress.isValid(string) {
                url = string
            } else {
                fail(place, "url", "malformed URL \(String(describing: raw)) (expected http:// or https:// with a host)")
            }
        }
        guard let title, let kind else { return nil }
        return Resource(title: title, kind: kind, url: url)
    }

    /// A required, non-empty string field.
    mutating func text(_ object: [String: Any], _ key: String, at place: Place) -> String? {
        guard let raw = object[key] else {
            fail(place, key, "missing field \"\(key)\"")
            return nil
        }
        guard let string = raw as? String else {
            fail(place, key, "expected a string")
            return nil
        }
        guard !BlankText.isBlank(string) else {
            fail(place, key, "empty \(key)")
            return nil
        }
        return string
    }

    mutating func array(_ object: [String: Any], _ key: String, at place: Place) -> [Any]? {
        guard let raw = object[key] else {
            fail(place, key, "missing field \"\(key)\"")
            return nil
        }
        guard let list = raw as? [Any] else {
            fail(place, key, "expected an array")
            return nil
        }
        return list
    }

    mutating func minutes(_ object: [String: Any], at place: Place) -> Int? {
        guard let raw = object["minutes"] else {
            fail(place, "minutes", "missing field \"minutes\"")
            return nil
        }
        // Numbers are Doubles and true/false Bools, so neither passes for the other.
        guard let number = raw as? Double, number.rounded() == number else {
            fail(place, "minutes", "expected a whole number of minutes")
            return nil
        }
        // Checked as a Double first: a 19-digit number must not reach Int arithmetic.
        let range = CurriculumParser.itemMinutesRange
        guard number >= Double(range.lowerBound), number <= Double(range.upperBound), let value = Int(exactly: number)
        else {
            let shown = NumberText.plain(number)
            fail(place, "minutes", "minutes must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(shown.count > 40 ? String(shown.prefix(40)) + "…" : shown)")
            return nil
        }
        return value
    }
}

/// A JSON null among the exact path's values.
private struct JSONNull {}

private extension FastJSONReader {
    /// Any value as the exact path walks it: [String: Any] (the last of a repeated key
    /// wins), [Any], String, Double, Bool or JSONNull.
    mutating func anyValue(depth: Int = 0) throws(Unsupported) -> Any {
        // As deep as JSONSerialization went; deeper would only exhaust the stack.
        guard depth < 512 else { throw Unsupported() }
        switch peekKind() {
        case .object:
            var result: [String: Any] = [:]
            var object = try beginObject()
            while let key = try nextStringKey(&object) { result[key] = try anyValue(depth: depth + 1) }
            return result
        case .array:
            var result: [Any] = []
            var array = try beginArray()
            while try nextElement(&array) { result.append(try anyValue(depth: depth + 1)) }
            return result
        case .string: return try string()
        case .number: return try number()
        case .bool, .null: return try boolOrNull().map { $0 as Any } ?? JSONNull()
        case .invalid: try skipValue()
        }
        throw Unsupported()
    }
}

/// The fast path of `CurriculumParser.parseTrack`: the same shape and rules as `Walker`,
/// read straight from the bytes. Anything the walker would report — and anything merely
/// unusual, such as a repeated key or minutes written as 30.0 — gives up instead.
private extension FastJSONReader {
    mutating func track() throws(Unsupported) -> Track {
        var id: String?, title: String?, summary: String?, sections: [Section]?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "id") {
                try Self.first(id)
                id = try requiredText()
            } else if self.key(key, is: "title") {
                try Self.first(title)
                title = try requiredText()
            } else if self.key(key, is: "summary") {
                try Self.first(summary)
                summary = try string()
            } else if self.key(key, is: "sections") {
                try Self.first(sections)
                sections = try list { json throws(Unsupported) in try json.section() }
            } else {
                try skipValue()
            }
        }
        guard let id, let title, let sections else { throw Unsupported() }
        return Track(id: id, title: title, summary: summary ?? "", sections: sections)
    }

    mutating func section() throws(Unsupported) -> Section {
        var title: String?, items: [Item]?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "title") {
                try Self.first(title)
                title = try requiredText()
            } else if self.key(key, is: "items") {
                try Self.first(items)
                items = try list { json throws(Unsupported) in try json.item() }
            } else {
                try skipValue()
            }
        }
        guard let title, let items else { throw Unsupported() }
        return Section(title: title, items: items)
    }

    mutating func item() throws(Unsupported) -> Item {
        var id: String?, title: String?, summary: String?, minutes: Int?, resources: [Resource]?
        var prompts: [RecallPrompt]?, selfCheck: [String]?, drills: [Drill]?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "id") {
                try Self.first(id)
                id = try requiredText()
            } else if self.key(key, is: "title") {
                try Self.first(title)
                title = try requiredText()
            } else if self.key(key, is: "summary") {
                try Self.first(summary)
                summary = try string()
            } else if self.key(key, is: "minutes") {
                try Self.first(minutes)
                let value = try plainInteger()
                guard CurriculumParser.itemMinutesRange.contains(value) else { throw Unsupported() }
                minutes = value
            } else if self.key(key, is: "resources") {
                try Self.first(resources)
                resources = try list { json throws(Unsupported) in try json.resource() }
            } else if self.key(key, is: "prompts") {
                try Self.first(prompts)
                prompts = try list { json throws(Unsupported) in try json.prompt() }
            } else if self.key(key, is: "selfCheck") {
                try Self.first(selfCheck)
                selfCheck = try lines()
            } else if self.key(key, is: "drills") {
                try Self.first(drills)
                drills = try list { json throws(Unsupported) in try json.drill() }
            } else {
                try skipValue()
            }
        }
        guard let id, let title, let minutes else { throw Unsupported() }
        return Item(id: id, title: title, summary: summary ?? "", minutes: minutes, resources: resources ?? [],
                    prompts: prompts ?? [], selfCheck: selfCheck ?? [], drills: drills ?? [])
    }

    mutating func prompt() throws(Unsupported) -> RecallPrompt {
        var question: String?, points: [String]?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "question") {
                try Self.first(question)
                question = try requiredText()
            } else if self.key(key, is: "points") {
                try Self.first(points)
                points = try lines()
            } else {
                try skipValue()
            }
        }
        guard let question, let points else { throw Unsupported() }
        return RecallPrompt(question: question, points: points)
    }

    mutating func drill() throws(Unsupported) -> Drill {
        var kind: DrillKind?, question: String?, rubric: [String]?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "kind") {
                try Self.first(kind)
                guard let known = DrillKind(rawValue: try requiredText()) else { throw Unsupported() }
                kind = known
            } else if self.key(key, is: "question") {
                try Self.first(question)
                question = try requiredText()
            } else if self.key(key, is: "rubric") {
                try Self.first(rubric)
                rubric = try lines()
            } else {
                try skipValue()
            }
        }
        guard let kind, let question, let rubric else { throw Unsupported() }
        return Drill(kind: kind, question: question, rubric: rubric)
    }

    /// A non-empty array of non-blank strings, as `Walker.lines` requires.
    mutating func lines() throws(Unsupported) -> [String] {
        let list = try self.list { json throws(Unsupported) in try json.requiredText() }
        guard !list.isEmpty else { throw Unsupported() }
        return list
    }

    mutating func resource() throws(Unsupported) -> Resource {
        var title: String?, kind: ResourceKind?, url: String?
        var object = try beginObject()
        while let key = try nextKey(&object) {
            if self.key(key, is: "title") {
                try Self.first(title)
                title = try requiredText()
            } else if self.key(key, is: "kind") {
                try Self.first(kind)
                guard let known = ResourceKind(rawValue: try requiredText()) else { throw Unsupported() }
                kind = known
            } else if self.key(key, is: "url") {
                try Self.first(url)
                let address = try string()
                guard WebAddress.isValid(address) else { throw Unsupported() }
                url = address
            } else {
                try skipValue()
            }
        }
        guard let title, let kind else { throw Unsupported() }
        return Resource(title: title, kind: kind, url: url)
    }

    /// A string that is not blank, as `Walker.text` requires.
    mutating func requiredText() throws(Unsupported) -> String {
        let text = try string()
        guard !BlankText.isBlank(text) else { throw Unsupported() }
        return text
    }

    /// A key seen twice gives up: the exact path's answer (the last one wins) decides.
    static func first<T>(_ slot: T?) throws(Unsupported) {
        guard slot == nil else { throw Unsupported() }
    }
}
