import CoachCore
import FoundationEssentials

/// settings.json: the focus track, the daily goal, and the review scheduler's desired
/// retention and maximum interval.
///
///     {"dailyGoalMinutes": 45, "focusTrack": "ai-product", "version": 1}
///
/// Any may be left out (or `null`): no focus track, the default goal, FSRS's defaults.
/// `changed` (written once a file is rewritten) says when each key last changed, for a
/// merge of two machines' settings (`RecordStamps`). It is optional and a reader that
/// does not know it loses nothing, so the version stays 1: a Coach that drops it on a
/// save only makes that machine's changes look older to the next merge.
public enum SettingsStore {
    public static let kind = DocumentKind.settings
    public static let version = 1

    public static func file(_ home: CoachHome) -> URL {
        home.file(kind)
    }

    /// The settings of the home; the defaults when the file does not exist yet.
    public static func load(_ home: CoachHome) throws -> Settings {
        let url = file(home)
        guard let data = try AtomicFile.read(url, limit: FileSizeLimit.small) else { return Settings() }
        return try settings(from: data, file: url)
    }

    /// The one reader of the format: every valid spelling of it, every problem named
    /// with its JSON path.
    static func settings(from data: Data, file url: URL) throws -> Settings {
        var focusTrack: String?, goal: Int?, retention: Double?, maximumInterval: Int?, autoSync: Bool?
        var seen = (focusTrack: false, goal: false, retention: false, maximumInterval: false, autoSync: false)
        try VersionedDocument.read(data, file: url, supported: version) { key, json, problems throws(FastJSONReader.Unsupported) in
            switch key {
            case "focusTrack":
                guard try problems.once(&seen.focusTrack, at: "focusTrack", in: &json) else { return }
                focusTrack = try problems.isNull(&json) ? nil : try problems.text(at: "focusTrack", in: &json)
            case "dailyGoalMinutes":
                guard try problems.once(&seen.goal, at: "dailyGoalMinutes", in: &json) else { return }
                goal = try problems.isNull(&json) ? nil : try problems.wholeNumber(at: "dailyGoalMinutes", in: &json)
            case "retention":
                guard try problems.once(&seen.retention, at: "retention", in: &json) else { return }
                retention = try problems.isNull(&json) ? nil : try problems.number(at: "retention", in: &json)
            case "maximumInterval":
                guard try problems.once(&seen.maximumInterval, at: "maximumInterval", in: &json) else { return }
                maximumInterval = try problems.isNull(&json) ? nil : try problems.wholeNumber(at: "maximumInterval", in: &json)
            case "autoSync":
                guard try problems.once(&seen.autoSync, at: "autoSync", in: &json) else { return }
                if try problems.isNull(&json) { return }
                guard json.peekKind() == .bool else {
                    problems.fail("autoSync", "expected true or false, found \(json.peekKind().name)")
                    return try json.skipValue()
                }
                autoSync = try json.boolOrNull()
            default:
                try json.skipValue()
            }
        }
        let minutes = goal ?? Settings.defaultGoal
        guard Settings.goalRange.contains(minutes) else {
            throw StoreError.unreadable(file: url.path, place: "dailyGoalMinutes",
                                        reason: "must be \(Settings.goalRange.lowerBound)–\(Settings.goalRange.upperBound) minutes, found \(minutes)")
        }
        let desired = retention ?? FSRSScheduler.defaultRetention
        if let problem = Settings.retentionProblem(desired) {
            throw StoreError.unreadable(file: url.path, place: "retention", reason: problem)
        }
        let longest = maximumInterval ?? FSRSScheduler.defaultMaximumInterval
        if let problem = Settings.maximumIntervalProblem(longest) {
            throw StoreError.unreadable(file: url.path, place: "maximumInterval", reason: problem)
        }
        return Settings(focusTrack: focusTrack, dailyGoalMinutes: minutes, retention: desired, maximumInterval: longest,
                        autoSync: autoSync ?? false)
    }

    public static func save(_ settings: Settings, to home: CoachHome, now: Date = Date()) throws {
        let url = file(home)
        let old = try? AtomicFile.read(url, limit: FileSizeLimit.small)
        try Backups.keep(url)
        Backups.keepOlderVersion(url, data: old, current: version)
        try AtomicFile.write(Data(RecordStamps.settings(text(of: settings), old: old, now: now)), to: url)
    }

    /// The file in the house format: keys sorted, one field a line. The scheduler's
    /// settings are left out at their defaults, so a file written before they existed is
    /// written back unchanged.
    static func text(of settings: Settings) -> [UInt8] {
        var fields: [(String, JSONWriter.Value)] = settings.autoSync ? [("autoSync", .bool(true))] : []
        fields.append(("dailyGoalMinutes", .number(Double(settings.dailyGoalMinutes))))
        if let track = settings.focusTrack { fields.append(("focusTrack", .string(track))) }
        if settings.maximumInterval != FSRSScheduler.defaultMaximumInterval {
            fields.append(("maximumInterval", .number(Double(settings.maximumInterval))))
        }
        if settings.retention != FSRSScheduler.defaultRetention { fields.append(("retention", .number(settings.retention))) }
        fields.append(("version", .number(Double(version))))
        return JSONWriter.document(fields)
    }
}
