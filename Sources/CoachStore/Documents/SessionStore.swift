import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// session.json: the session timer while a session is under way. The shell saves it
/// as it goes, so a session that was running when Coach quit or was killed is found at
/// the next start and logged; the file is removed once the session is logged.
///
///     {"timer": {"accumulatedSeconds": 90.5, "items": […], "lastSeen": "…",
///      "runningSince": "…", "started": "…"}, "version": 1}
///
/// `runningSince` is left out (or `null`) while the timer is paused.
public enum SessionStore {
    public static let kind = DocumentKind.session
    public static let version = 1

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
        var seen = (started: false, seconds: false, runningSince: false, lastSeen: false, items: false)
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
                            lastSeen: lastSeen, items: items)
    }

    /// Saved without a backup: the file lives only while a session runs.
    public static func save(_ timer: SessionTimer, to home: CoachHome) throws {
        try AtomicFile.write(Data(text(of: timer)), to: file(home))
    }

    /// The file in the house format: keys sorted, one field a line.
    static func text(of timer: SessionTimer) -> [UInt8] {
        var fields: [(String, JSONWriter.Value)] = [
            ("accumulatedSeconds", .number(timer.accumulatedSeconds)), ("items", .strings(timer.items)),
            ("lastSeen", .date(timer.lastSeen)),
        ]
        if let running = timer.runningSince { fields.append(("runningSince", .date(running))) }
        fields.append(("started", .date(timer.started)))
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
