import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// session.json: the session timer while a session is under way. The shell saves it
/// as it goes, so a session that was running when Coach quit or was killed is found at
/// the next start and logged; the file is removed once the session is logged.
///
///     {"timer": {"accumulatedSeconds": 90.5, "items": […], "itemSeconds": {"genai.rag": 80},
///      "lastSeen": "…", "runningSince": "…", "started": "…", "studySince": "…",
///      "studying": "genai.rag"}, "version": 2}
///
/// `runningSince` is left out (or `null`) while the timer is paused. Version 2 added the
/// time on each item (`itemSeconds`, `studying`, `studySince`, each optional); a version
/// 1 file loads with none.
public enum SessionStore {
    public static let kind = DocumentKind.session
    public static let version = 2

    public static func file(_ home: CoachHome) -> URL {
        home.file(kind)
    }

    /// The saved timer; nil when no session is under way.
    public static func load(_ home: CoachHome) throws -> SessionTimer? {
        let url = file(home)
        guard let data = try AtomicFile.read(url, limit: FileSizeLimit.small) else { return nil }
        return try timer(from: data, file: url)
    }

    /// The one reader of the format: every valid spelling of it, every problem named
    /// with its JSON path ("timer.accumulatedSeconds").
    static func timer(from data: Data, file url: URL) throws -> SessionTimer {
        var timer: SessionTimer?
        var seen = false
        try VersionedDocument.read(data, file: url, supported: version) { key, json, problems throws(FastJSONReader.Unsupported) in
            guard key == "timer" else { return try json.skipValue() }
            guard try problems.once(&seen, at: "timer", in: &json) else { return }
            timer = try readTimer(&json, &problems)
        }
        guard let timer else {
            throw StoreError.unreadable(file: url.path, place: "timer", reason: "missing field \"timer\"")
        }
        return timer
    }

    private static func readTimer(_ json: inout FastJSONReader,
                                  _ problems: inout DocumentProblems) throws(FastJSONReader.Unsupported) -> SessionTimer? {
        guard try problems.expect(.object, "an object with started, accumulatedSeconds, lastSeen and items",
                                  at: "timer", in: &json) else { return nil }
        var started: Date?, seconds: Double?, runningSince: Date?, lastSeen: Date?, items: [String]?
        var itemSeconds: [String: Double] = [:], studying: String?, studySince: Date?
        var seen = (started: false, seconds: false, runningSince: false, lastSeen: false, items: false)
        var seenToo = (itemSeconds: false, studying: false, studySince: false)
        var object = try json.beginObject()
        while let key = try json.nextStringKey(&object) {
            switch key {
            case "started":
                guard try problems.once(&seen.started, at: "timer.started", in: &json) else { continue }
                started = try problems.date(at: "timer.started", in: &json)
            case "accumulatedSeconds":
                guard try problems.once(&seen.seconds, at: "timer.accumulatedSeconds", in: &json) else { continue }
                seconds = try problems.number(at: "timer.accumulatedSeconds", in: &json)
                if let value = seconds, value < 0 {
                    problems.fail("timer.accumulatedSeconds", "must be a number of seconds ≥ 0, found \(JSONWriter.number(value))")
                }
            case "runningSince":
                guard try problems.once(&seen.runningSince, at: "timer.runningSince", in: &json) else { continue }
                runningSince = try problems.isNull(&json) ? nil : try problems.date(at: "timer.runningSince", in: &json)
            case "lastSeen":
                guard try problems.once(&seen.lastSeen, at: "timer.lastSeen", in: &json) else { continue }
                lastSeen = try problems.date(at: "timer.lastSeen", in: &json)
            case "items":
                guard try problems.once(&seen.items, at: "timer.items", in: &json) else { continue }
                items = try problems.texts(at: "timer.items", in: &json)
            case "itemSeconds":
                guard try problems.once(&seenToo.itemSeconds, at: "timer.itemSeconds", in: &json) else { continue }
                if try problems.isNull(&json) { continue }
                guard try problems.expect(.object, "an object of seconds by item", at: "timer.itemSeconds", in: &json) else { continue }
                var object = try json.beginObject()
                while let id = try json.nextStringKey(&object) {
                    guard itemSeconds[id] == nil else {
                        problems.fail("timer.itemSeconds.\(id)", JSONFile.repeatedKeyReason)
                        try json.skipValue()
                        continue
                    }
                    guard let value = try problems.number(at: "timer.itemSeconds.\(id)", in: &json) else { continue }
                    if value < 0 {
                        problems.fail("timer.itemSeconds.\(id)", "must be a number of seconds ≥ 0, found \(JSONWriter.number(value))")
                    } else {
                        itemSeconds[id] = value
                    }
                }
            case "studying":
                guard try problems.once(&seenToo.studying, at: "timer.studying", in: &json) else { continue }
                studying = try problems.isNull(&json) ? nil : try problems.text(at: "timer.studying", in: &json)
            case "studySince":
                guard try problems.once(&seenToo.studySince, at: "timer.studySince", in: &json) else { continue }
                studySince = try problems.isNull(&json) ? nil : try problems.date(at: "timer.studySince", in: &json)
            default:
                try json.skipValue()
            }
        }
        for (name, isThere) in [("started", seen.started), ("accumulatedSeconds", seen.seconds),
                                ("lastSeen", seen.lastSeen), ("items", seen.items)] where !isThere {
            problems.fail("timer.\(name)", "missing field \"\(name)\"")
        }
        guard let started, let seconds, let lastSeen, let items else { return nil }
        return SessionTimer(started: started, accumulatedSeconds: seconds, runningSince: runningSince,
                            lastSeen: lastSeen, items: items, itemSeconds: itemSeconds, studying: studying,
                            studySince: studySince)
    }

    /// Saved without a backup: the file lives only while a session runs.
    public static func save(_ timer: SessionTimer, to home: CoachHome) throws {
        try AtomicFile.write(Data(text(of: timer)), to: file(home))
    }

    /// The file in the house format: keys sorted, one field a line.
    static func text(of timer: SessionTimer) -> [UInt8] {
        var fields: [(String, JSONWriter.Value)] = [
            ("accumulatedSeconds", .number(timer.accumulatedSeconds)),
        ]
        if !timer.itemSeconds.isEmpty {
            fields.append(("itemSeconds", .object(timer.itemSeconds.keys.sorted().map { ($0, .number(timer.itemSeconds[$0]!)) })))
        }
        fields.append(("items", .strings(timer.items)))
        fields.append(("lastSeen", .date(timer.lastSeen)))
        if let running = timer.runningSince { fields.append(("runningSince", .date(running))) }
        fields.append(("started", .date(timer.started)))
        if let since = timer.studySince { fields.append(("studySince", .date(since))) }
        if let studying = timer.studying { fields.append(("studying", .string(studying))) }
        return JSONWriter.document([("timer", .object(fields)), ("version", .number(Double(version)))])
    }

    /// Removes the saved timer once its session is logged (or thrown away); nothing to
    /// do when there is none.
    public static func clear(_ home: CoachHome) throws {
        let url = file(home)
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw StoreError.io(file: url.path, reason: "cannot remove it: \(String(cString: strerror(errno)))")
        }
    }
}
