import CoachCore
import FoundationEssentials

/// settings.json: the focus track, the daily goal, the review scheduler's desired
/// retention and maximum interval, and (version 2) when the day starts, the weekdays off,
/// the breaks and whether streak freezes are on.
///
///     {"breaks": [{"first": "2026-12-20", "last": "2026-12-27"}], "dailyGoalMinutes": 45,
///      "dayStart": "04:00", "focusTrack": "ai-product", "restDays": ["sun"],
///      "streakFreezes": true, "version": 2}
///
/// Any may be left out (or `null`): no focus track, the default goal, FSRS's defaults,
/// days from 04:00, no days off, freezes on. A version 1 file reads the same way and is
/// kept as `backups/settings.v1.json` when first rewritten.
public enum SettingsStore {
    public static let kind = DocumentKind.settings
    public static let version = 2
    public static let firstReleaseBackup = "settings.v1.json"

    public static func file(_ home: CoachHome) -> URL {
        home.file(kind)
    }

    /// The settings of the home; the defaults when the file does not exist yet.
    public static func load(_ home: CoachHome) throws -> Settings {
        guard let data = try AtomicFile.read(path: home.path(inside: kind.fileName), limit: FileSizeLimit.small) else {
            return Settings()
        }
        return try settings(from: data, file: file(home))
    }

    /// The one reader of the format: every valid spelling of it, every problem named
    /// with its JSON path.
    static func settings(from data: Data, file url: URL) throws -> Settings {
        var focusTrack: String?, goal: Int?, retention: Double?, maximumInterval: Int?, autoSync: Bool?
        var dayStart: DayStart?, restDays: Set<Weekday> = [], breaks: [StudyBreak] = [], freezes: Bool?
        var seen = (focusTrack: false, goal: false, retention: false, maximumInterval: false)
        var seenDays = (dayStart: false, restDays: false, breaks: false, freezes: false, autoSync: false)
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
            case "dayStart":
                guard try problems.once(&seenDays.dayStart, at: "dayStart", in: &json), !(try problems.isNull(&json)),
                      let text = try problems.text(at: "dayStart", in: &json) else { return }
                dayStart = DayStart(text)
                if dayStart == nil { problems.fail("dayStart", "expected a time from 00:00 to 23:59, found \"\(text)\"") }
            case "restDays":
                guard try problems.once(&seenDays.restDays, at: "restDays", in: &json), !(try problems.isNull(&json)) else { return }
                for (index, name) in try problems.texts(at: "restDays", in: &json).enumerated() {
                    guard let day = Weekday(name: name) else {
                        problems.fail("restDays[\(index)]", "expected a weekday (sun, mon, tue, wed, thu, fri, sat), found \"\(name)\"")
                        continue
                    }
                    restDays.insert(day)
                }
                if restDays.count == Weekday.allCases.count {
                    problems.fail("restDays", "at least one weekday must be a study day")
                }
            case "breaks":
                guard try problems.once(&seenDays.breaks, at: "breaks", in: &json), !(try problems.isNull(&json)) else { return }
                breaks = try Self.breaks(&json, &problems)
            case "streakFreezes":
                guard try problems.once(&seenDays.freezes, at: "streakFreezes", in: &json), !(try problems.isNull(&json)),
                      try problems.expect(.bool, "true or false", at: "streakFreezes", in: &json) else { return }
                freezes = try json.boolOrNull()
            case "autoSync":
                guard try problems.once(&seenDays.autoSync, at: "autoSync", in: &json) else { return }
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
                        dayStart: dayStart ?? .standard, calendar: StudyCalendar(restDays: restDays, breaks: breaks),
                        streakFreezes: freezes ?? true, autoSync: autoSync ?? false)
    }

    /// [{"first": "2026-12-20", "last": "2026-12-27"}, …]
    private static func breaks(_ json: inout FastJSONReader, _ problems: inout DocumentProblems)
    throws(FastJSONReader.Unsupported) -> [StudyBreak] {
        var breaks: [StudyBreak] = []
        guard try problems.expect(.array, "an array of breaks", at: "breaks", in: &json) else { return breaks }
        var array = try json.beginArray()
        var index = 0
        while try json.nextElement(&array) {
            defer { index += 1 }
            guard try problems.expect(.object, "a break {\"first\": DAY, \"last\": DAY}", at: "breaks[\(index)]", in: &json)
            else { continue }
            var object = try json.beginObject()
            var first: StudyDay?, last: StudyDay?
            while let key = try json.nextStringKey(&object) {
                switch key {
                case "first" where first == nil: first = try problems.day(at: "breaks[\(index)].first", in: &json)
                case "last" where last == nil: last = try problems.day(at: "breaks[\(index)].last", in: &json)
                case "first", "last":
                    problems.fail("breaks[\(index)].\(key)", JSONFile.repeatedKeyReason)
                    try json.skipValue()
                default: try json.skipValue()
                }
            }
            guard let first, let last else {
                problems.fail("breaks[\(index)]", "a break needs \"first\" and \"last\" days")
                continue
            }
            guard let found = StudyBreak(first: first, last: last) else {
                problems.fail("breaks[\(index)]", StudyBreak.problem("\(first)..\(last)"))
                continue
            }
            breaks.append(found)
        }
        return breaks
    }

    public static func save(_ settings: Settings, to home: CoachHome, now: Date = Date()) throws {
        let url = file(home)
        let old = try? AtomicFile.read(url, limit: FileSizeLimit.small)
        try Backups.keep(url)
        Backups.keepOlderVersion(url, data: old, current: version)
        try AtomicFile.write(Data(RecordStamps.settings(text(of: settings), old: old, now: now)), to: url)
    }

    /// The file in the house format: keys sorted, one field a line. The scheduler's
    /// settings and the days (start, rest days, breaks, freezes) are left out at their
    /// defaults.
    static func text(of settings: Settings) -> [UInt8] {
        var fields: [(String, JSONWriter.Value)] = settings.autoSync ? [("autoSync", .bool(true))] : []
        let calendar = settings.calendar
        if !calendar.breaks.isEmpty {
            fields.append(("breaks", .array(calendar.breaks.map {
                .object([("first", .string("\($0.first)")), ("last", .string("\($0.last)"))])
            })))
        }
        fields.append(("dailyGoalMinutes", .number(Double(settings.dailyGoalMinutes))))
        if settings.dayStart != .standard { fields.append(("dayStart", .string(settings.dayStart.description))) }
        if let track = settings.focusTrack { fields.append(("focusTrack", .string(track))) }
        if settings.maximumInterval != FSRSScheduler.defaultMaximumInterval {
            fields.append(("maximumInterval", .number(Double(settings.maximumInterval))))
        }
        if !calendar.restDays.isEmpty {
            fields.append(("restDays", .strings(Weekday.ordered(calendar.restDays).map(\.shortName))))
        }
        if settings.retention != FSRSScheduler.defaultRetention { fields.append(("retention", .number(settings.retention))) }
        if !settings.streakFreezes { fields.append(("streakFreezes", .bool(false))) }
        fields.append(("version", .number(Double(version))))
        return JSONWriter.document(fields)
    }
}
