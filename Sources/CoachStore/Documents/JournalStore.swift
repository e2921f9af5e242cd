import CoachCore
import FoundationEssentials

/// journal.json: every logged session and the history of the daily goal.
///
///     {"entries": [{"day": "2024-05-01", "id": 1, "items": […], "minutes": 25,
///      "note": "…", "start": "…"}], "goals": [{"from": "2024-05-01", "minutes": 45}],
///      "version": 2}
///
/// `start`, `note`, an entry's `items` and `goals` may be left out (or `null`).
/// Version 2 adds what a merge of two machines' journals needs (`RecordStamps`): each
/// session's stable `uid` and `changed` time, and `removed`, the deleted sessions' uids
/// with when they were deleted; a version 1 file loads as it is and is kept as
/// `backups/journal.v1.json` when first rewritten.
public enum JournalStore {
    public static let kind = DocumentKind.journal
    public static let version = 2

    public static func file(_ home: CoachHome) -> URL {
        home.file(kind)
    }

    /// The journal of the home; empty when the file does not exist yet.
    /// With `ids`, each item id the curriculum has is kept as its string
    /// (`Curriculum.sharedID`).
    public static func load(_ home: CoachHome, ids: Curriculum? = nil) throws -> Journal {
        let url = file(home)
        guard let data = try AtomicFile.read(url, limit: FileSizeLimit.study) else { return Journal() }
        return try journal(from: data, file: url, ids: ids)
    }

    /// The one reader of the format: every valid spelling of it, in one pass (ten years
    /// of days took JSONDecoder about 30 ms), every problem named with its JSON path
    /// ("entries[3].minutes").
    static func journal(from data: Data, file url: URL, ids: Curriculum? = nil) throws -> Journal {
        var entries: [JournalEntry]?
        var goals: [GoalHistory.Change] = []
        var seen = (entries: false, goals: false)
        try VersionedDocument.read(data, file: url, supported: version) { key, json, problems throws(FastJSONReader.Unsupported) in
            switch key {
            case "entries":
                guard try problems.once(&seen.entries, at: "entries", in: &json) else { return }
                entries = []
                guard try problems.expect(.array, "an array of sessions", at: "entries", in: &json) else { return }
                var array = try json.beginArray()
                var index = 0
                while try json.nextElement(&array) {
                    if let entry = try entry(&json, index: index, ids: ids, &problems) { entries?.append(entry) }
                    index += 1
                }
            case "goals":
                guard try problems.once(&seen.goals, at: "goals", in: &json), !(try problems.isNull(&json)) else { return }
                guard try problems.expect(.array, "an array of goal changes", at: "goals", in: &json) else { return }
                var array = try json.beginArray()
                var index = 0
                while try json.nextElement(&array) {
                    if let change = try goalChange(&json, index: index, &problems) { goals.append(change) }
                    index += 1
                }
            default:
                try json.skipValue()
            }
        }
        guard let entries else {
            throw StoreError.unreadable(file: url.path, place: "entries", reason: "missing field \"entries\"")
        }
        return try checked(entries: entries, goals: goals, file: url)
    }

    private static func entry(_ json: inout FastJSONReader, index: Int, ids: Curriculum?,
                              _ problems: inout DocumentProblems) throws(FastJSONReader.Unsupported) -> JournalEntry? {
        /// "entries[<index>]", made only for a problem.
        func place() -> String { "entries[\(index)]" }
        guard try problems.expect(.object, "an object with id, day and minutes", at: place(), in: &json) else { return nil }
        var id: Int?, day: StudyDay?, start: Date?, minutes: Int?, items: [String] = [], note: String?
        var seen = (id: false, day: false, start: false, minutes: false, items: false, note: false)
        var object = try json.beginObject()
        while let key = try json.nextStringKey(&object) {
            switch key {
            case "id":
                guard try problems.once(&seen.id, at: "\(place()).id", in: &json) else { continue }
                id = try problems.wholeNumber(at: "\(place()).id", in: &json)
            case "day":
                guard try problems.once(&seen.day, at: "\(place()).day", in: &json) else { continue }
                day = try problems.day(at: "\(place()).day", in: &json)
            case "start":
                guard try problems.once(&seen.start, at: "\(place()).start", in: &json) else { continue }
                start = try problems.isNull(&json) ? nil : try problems.date(at: "\(place()).start", in: &json)
            case "minutes":
                guard try problems.once(&seen.minutes, at: "\(place()).minutes", in: &json) else { continue }
                minutes = try problems.wholeNumber(at: "\(place()).minutes", in: &json)
            case "items":
                guard try problems.once(&seen.items, at: "\(place()).items", in: &json) else { continue }
                items = try problems.isNull(&json) ? [] : try problems.texts(at: "\(place()).items", in: &json)
                if let ids { items = items.map(ids.sharedID) }
            case "note":
                guard try problems.once(&seen.note, at: "\(place()).note", in: &json) else { continue }
                note = try problems.isNull(&json) ? nil : try problems.text(at: "\(place()).note", in: &json)
            default:
                try json.skipValue()
            }
        }
        if !seen.id { problems.fail("\(place()).id", "missing field \"id\"") }
        if !seen.day { problems.fail("\(place()).day", "missing field \"day\"") }
        if !seen.minutes { problems.fail("\(place()).minutes", "missing field \"minutes\"") }
        guard let id, let day, let minutes else { return nil }
        return JournalEntry(id: id, day: day, start: start, minutes: minutes, items: items, note: note)
    }

    private static func goalChange(_ json: inout FastJSONReader, index: Int,
                                   _ problems: inout DocumentProblems) throws(FastJSONReader.Unsupported) -> GoalHistory.Change? {
        func place() -> String { "goals[\(index)]" }
        guard try problems.expect(.object, "an object with from and minutes", at: place(), in: &json) else { return nil }
        var from: StudyDay?, minutes: Int?
        var seen = (from: false, minutes: false)
        var object = try json.beginObject()
        while let key = try json.nextStringKey(&object) {
            switch key {
            case "from":
                guard try problems.once(&seen.from, at: "\(place()).from", in: &json) else { continue }
                from = try problems.day(at: "\(place()).from", in: &json)
            case "minutes":
                guard try problems.once(&seen.minutes, at: "\(place()).minutes", in: &json) else { continue }
                minutes = try problems.wholeNumber(at: "\(place()).minutes", in: &json)
            default:
                try json.skipValue()
            }
        }
        if !seen.from { problems.fail("\(place()).from", "missing field \"from\"") }
        if !seen.minutes { problems.fail("\(place()).minutes", "missing field \"minutes\"") }
        guard let from, let minutes else { return nil }
        return GoalHistory.Change(from: from, minutes: minutes)
    }

    public static func save(_ journal: Journal, to home: CoachHome, now: Date = Date()) throws {
        let url = file(home)
        let old = try? AtomicFile.read(url, limit: FileSizeLimit.study)
        try Backups.keep(url)
        Backups.keepOlderVersion(url, data: old, current: version)
        try AtomicFile.write(Data(RecordStamps.journal(text(of: journal), old: old, now: now)), to: url)
    }

    /// The file in the house format: keys sorted, one field a line.
    static func text(of journal: Journal) -> [UInt8] {
        let entries = journal.entries.map { entry -> JSONWriter.Value in
            var fields: [(String, JSONWriter.Value)] = [
                ("day", .string(entry.day.description)), ("id", .number(Double(entry.id))),
                ("items", .strings(entry.items)), ("minutes", .number(Double(entry.minutes))),
            ]
            if let note = entry.note { fields.append(("note", .string(note))) }
            if let start = entry.start { fields.append(("start", .date(start))) }
            return .object(fields)
        }
        let goals = journal.goals.changes.map { change -> JSONWriter.Value in
            .object([("from", .string(change.from.description)), ("minutes", .number(Double(change.minutes)))])
        }
        return JSONWriter.document([("entries", .array(entries)), ("goals", .array(goals)),
                                    ("version", .number(Double(version)))])
    }

    /// What JSON cannot say: ids are distinct and positive, minutes and goals in range.
    static func checked(entries: [JournalEntry], goals: [GoalHistory.Change], file url: URL) throws -> Journal {
        var ids = Set<Int>()
        for (index, entry) in entries.enumerated() {
            guard entry.id >= 1, ids.insert(entry.id).inserted else {
                throw StoreError.unreadable(file: url.path, place: "entries[\(index)].id",
                                            reason: "must be a whole number from 1 up, used once; found \(entry.id)")
            }
            let range = JournalValidation.minutesRange
            guard range.contains(entry.minutes) else {
                throw StoreError.unreadable(file: url.path, place: "entries[\(index)].minutes",
                                            reason: "must be \(range.lowerBound)–\(range.upperBound) minutes, found \(entry.minutes)")
            }
        }
        for (index, change) in goals.enumerated() where !Settings.goalRange.contains(change.minutes) {
            throw StoreError.unreadable(file: url.path, place: "goals[\(index)].minutes",
                                        reason: "must be \(Settings.goalRange.lowerBound)–\(Settings.goalRange.upperBound) minutes, found \(change.minutes)")
        }
        return Journal(entries: entries, goals: GoalHistory(changes: goals))
    }
}
