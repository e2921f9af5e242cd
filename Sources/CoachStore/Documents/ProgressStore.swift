import CoachCore
import FoundationEssentials

/// progress.json: every item's status, time stamps, note, proof, time spent and own
/// estimate, keyed by item id.
///
///     {"items": {"genai.rag": {"changed": "…", "done": "…", "estimate": 90, "note": "…",
///      "proof": […], "spent": {"2026-12-01": 45}, "status": "done"}}, "version": 2}
///
/// `done`, `note`, `proof`, `spent` and `estimate` may be left out (or `null`); each is
/// written only when there is some. Version 2 added `spent` (minutes by day) and
/// `estimate`; a version 1 file loads as it is, and is kept as `backups/progress.v1.json`
/// the first time it is rewritten.
public enum ProgressStore {
    public static let kind = DocumentKind.progress
    public static let version = 2
    /// Where the version 1 file is kept when it is first rewritten.
    public static let firstReleaseBackup = "progress.v1.json"

    /// The progress of the home; empty when the file does not exist yet. With `ids`,
    /// each item id the curriculum has is kept as its string (`Curriculum.sharedID`).
    public static func load(_ home: CoachHome, ids: Curriculum? = nil) throws -> ProgressBook {
        guard let data = try AtomicFile.read(home.progressFile, limit: FileSizeLimit.study) else { return ProgressBook() }
        return try book(from: data, file: home.progressFile, ids: ids)
    }

    /// The one reader of the format: every valid spelling of it (in one pass: JSONDecoder
    /// needed about 35 ms for the 10,000 entries of a large home), every problem named
    /// with its JSON path ("items.genai.rag.status"). An id or a field written twice is
    /// refused with its path.
    static func book(from data: Data, file url: URL, ids: Curriculum? = nil) throws -> ProgressBook {
        var items: [String: ItemProgress]?
        try VersionedDocument.read(data, file: url, supported: version) { key, json, problems throws(FastJSONReader.Unsupported) in
            guard key == "items" else { return try json.skipValue() }
            guard try problems.expect(.object, "an object of item ids", at: "items", in: &json) else {
                items = [:]
                return
            }
            var read: [String: ItemProgress] = [:]
            var object = try json.beginObject()
            while let key = try json.nextStringKey(&object) {
                let id = ids?.sharedID(key) ?? key
                if read[id] != nil {
                    problems.fail("items.\(id)", JSONFile.repeatedKeyReason)
                    try json.skipValue()
                    continue
                }
                guard let entry = try itemProgress(&json, id: id, &problems) else { continue }
                read[id] = entry
            }
            items = read
        }
        guard let items else {
            throw StoreError.unreadable(file: url.path, place: "items", reason: "missing field \"items\"")
        }
        return ProgressBook(items: items)
    }

    private static func itemProgress(_ json: inout FastJSONReader, id: String,
                                     _ problems: inout DocumentProblems) throws(FastJSONReader.Unsupported) -> ItemProgress? {
        /// "items.<id>", made only for a problem.
        func place() -> String { "items.\(id)" }
        guard try problems.expect(.object, "an object with status and changed", at: place(), in: &json) else { return nil }
        var status: ItemStatus?, changed: Date?, done: Date?, note: String?, proof: [String] = []
        var spent: [StudyDay: Int] = [:], estimate: Int?
        // A field written twice is refused, with its path.
        var seen = (status: false, changed: false, done: false, note: false, proof: false, spent: false, estimate: false)
        func first(_ flag: inout Bool) -> Bool {
            defer { flag = true }
            return !flag
        }
        var object = try json.beginObject()
        while let key = try json.nextStringKey(&object) {
            let isFirst = switch key {
            case "status": first(&seen.status)
            case "changed": first(&seen.changed)
            case "done": first(&seen.done)
            case "note": first(&seen.note)
            case "proof": first(&seen.proof)
            case "spent": first(&seen.spent)
            case "estimate": first(&seen.estimate)
            default: true
            }
            guard isFirst else {
                problems.fail("\(place()).\(key)", JSONFile.repeatedKeyReason)
                try json.skipValue()
                continue
            }
            switch key {
            case "status":
                guard let text = try problems.text(at: "\(place()).status", in: &json) else { continue }
                status = ItemStatus(rawValue: text)
                if status == nil { problems.fail("\(place()).status", "unknown status \"\(text)\" (allowed: \(ItemStatus.allowedList))") }
            case "changed":
                changed = try problems.date(at: "\(place()).changed", in: &json)
            case "done":
                done = try problems.isNull(&json) ? nil : try problems.date(at: "\(place()).done", in: &json)
            case "note":
                note = try problems.isNull(&json) ? nil : try problems.text(at: "\(place()).note", in: &json)
            case "proof":
                proof = []
                if try problems.isNull(&json) { continue }
                guard try problems.expect(.array, "an array of links", at: "\(place()).proof", in: &json) else { continue }
                var array = try json.beginArray()
                var index = 0
                while try json.nextElement(&array) {
                    if let link = try problems.text(at: "\(place()).proof[\(index)]", in: &json) { proof.append(link) }
                    index += 1
                }
                if let problem = ProofLinks.problem(with: proof) { problems.fail("\(place()).proof", problem) }
            case "spent":
                if try problems.isNull(&json) { continue }
                guard try problems.expect(.object, "an object of minutes by day", at: "\(place()).spent", in: &json) else { continue }
                var days = try json.beginObject()
                while let text = try json.nextStringKey(&days) {
                    guard let day = StudyDay(text) else {
                        problems.fail("\(place()).spent.\(text)", "expected a day like 2024-05-01, found \"\(text)\"")
                        try json.skipValue()
                        continue
                    }
                    guard spent[day] == nil else {
                        problems.fail("\(place()).spent.\(text)", JSONFile.repeatedKeyReason)
                        try json.skipValue()
                        continue
                    }
                    guard let minutes = try problems.wholeNumber(at: "\(place()).spent.\(text)", in: &json) else { continue }
                    guard ItemTime.minutesRange.contains(minutes) else {
                        problems.fail("\(place()).spent.\(text)", "expected minutes from \(ItemTime.minutesRange.lowerBound) to \(ItemTime.minutesRange.upperBound), got \(minutes)")
                        continue
                    }
                    spent[day] = minutes
                }
            case "estimate":
                if try problems.isNull(&json) { continue }
                guard let minutes = try problems.wholeNumber(at: "\(place()).estimate", in: &json) else { continue }
                if ItemTime.estimateRange.contains(minutes) {
                    estimate = minutes
                } else {
                    problems.fail("\(place()).estimate", ItemTime.estimateProblem(minutes))
                }
            default:
                try json.skipValue()
            }
        }
        if status == nil { problems.fail("\(place()).status", "missing field \"status\"") }
        if changed == nil { problems.fail("\(place()).changed", "missing field \"changed\"") }
        guard let status, let changed else { return nil }
        return ItemProgress(status: status, changed: changed, done: done, note: note, proof: proof,
                            spent: spent, estimate: estimate)
    }

    public static func save(_ progress: ProgressBook, to home: CoachHome) throws {
        let url = home.progressFile
        // For a merge's open conflicts (`RecordStamps.progress`) and the version 1 backup.
        let old = try? AtomicFile.read(url, limit: FileSizeLimit.study)
        try Backups.keep(url)
        Backups.keepOlderVersion(url, data: old, current: version)
        try AtomicFile.write(Data(RecordStamps.progress(text(of: progress), old: old)), to: url)
    }

    /// The file in the house format: keys sorted, one field a line.
    static func text(of progress: ProgressBook) -> [UInt8] {
        let items = progress.items.keys.sorted().map { id -> (String, JSONWriter.Value) in
            let entry = progress.items[id]!
            var fields: [(String, JSONWriter.Value)] = [("changed", .date(entry.changed))]
            if let done = entry.done { fields.append(("done", .date(done))) }
            if let estimate = entry.estimate { fields.append(("estimate", .number(Double(estimate)))) }
            if let note = entry.note { fields.append(("note", .string(note))) }
            if !entry.proof.isEmpty { fields.append(("proof", .strings(entry.proof))) }
            if !entry.spent.isEmpty {
                let days = entry.spent.keys.sorted().map { ($0.description, JSONWriter.Value.number(Double(entry.spent[$0]!))) }
                fields.append(("spent", .object(days)))
            }
            fields.append(("status", .string(entry.status.rawValue)))
            return (id, .object(fields))
        }
        return JSONWriter.document([("items", .object(items)), ("version", .number(Double(version)))])
    }
}
