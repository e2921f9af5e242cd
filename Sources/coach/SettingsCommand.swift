import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the focus track, the daily goal, the days off and when a day starts.",
        discussion: "With no options, prints the settings. A new goal counts from today; earlier days keep the goal they had. Breaks are set with coach break.")

    @OptionGroup var home: HomeOption
    @Option(help: ArgumentHelp("The track to study in depth (id or title; see coach tracks).", valueName: "track"),
            completion: Completions.tracks)
    var focus: String?
    @Flag(help: "Clear the focus track.") var noFocus = false
    @Option(help: ArgumentHelp("The daily goal in minutes (\(Settings.goalRange.lowerBound)–\(Settings.goalRange.upperBound)).", valueName: "minutes"))
    var goal: String?
    @Option(help: ArgumentHelp("The chance of recall reviews aim for, 0.70–0.97 (default 0.90): higher means more reviews.", valueName: "R"))
    var retention: String?
    @Option(help: ArgumentHelp("The longest gap between two reviews of a card, in days.", valueName: "days"))
    var maximumInterval: String?
    @Option(help: ArgumentHelp("When your day starts, HH:MM (default 04:00: studying at 00:30 counts for the evening before).", valueName: "time"))
    var dayStart: String?
    @Option(help: ArgumentHelp("Weekdays off, e.g. sun or sat,sun; none for no rest days. They neither count against a streak nor bring reviews.", valueName: "days"))
    var restDays: String?
    @Option(help: ArgumentHelp("Streak freezes, on or off: one earned per 7-day streak (at most 2), spent on a missed day.", valueName: "on|off"))
    var freezes: String?
    @Option(help: ArgumentHelp("Sync the home through git at start and after quit, in the background (see coach sync): on or off.", valueName: "on|off"))
    var autoSync: String?
    @Flag(help: "Print JSON.") var json = false

    struct Report: Encodable {
        var focusTrack: String?
        var focusTitle: String?
        var dailyGoalMinutes: Int
        var retention: Double
        var maximumInterval: Int
        var dayStart: String
        var restDays: [String]
        var breaks: [String]
        var streakFreezes: Bool
        var autoSync: Bool
    }

    func validate() throws {
        if focus != nil, noFocus { throw ValidationError("give --focus TRACK or --no-focus, not both") }
    }

    func run() throws {
        var context = try AppContext.load(home: home)
        var wanted = context.settings
        if noFocus { wanted.focusTrack = nil }
        if let focus { wanted.focusTrack = try context.track(named: focus).id }
        if let goal { wanted.dailyGoalMinutes = try Self.goalMinutes(goal) }
        if let retention { wanted.retention = try Self.retentionValue(retention) }
        if let maximumInterval { wanted.maximumInterval = try Self.maximumIntervalValue(maximumInterval) }
        if let dayStart { wanted.dayStart = try Self.dayStartValue(dayStart) }
        if let restDays { wanted.calendar.restDays = try Self.restDaysValue(restDays) }
        if let freezes { wanted.streakFreezes = try Self.onOff(freezes, flag: "--freezes") }
        if let autoSync { wanted.autoSync = try Self.onOff(autoSync, flag: "--auto-sync") }
        let before = context.settings
        if wanted != before {
            if wanted.dailyGoalMinutes != before.dailyGoalMinutes { try context.recoverInterruptedSession() }
            let today = context.today
            context.settings = try context.home.writingTogether {
                // Read again under the lock: only the fields asked for change. The goal
                // and its history land together or not at all.
                let current = try SettingsStore.load(context.home)
                var changed = current
                if noFocus || focus != nil { changed.focusTrack = wanted.focusTrack }
                if goal != nil, wanted.dailyGoalMinutes != current.dailyGoalMinutes {
                    changed.dailyGoalMinutes = wanted.dailyGoalMinutes
                    var journal = try JournalStore.load(context.home)
                    journal.goals.change(from: current.dailyGoalMinutes, to: changed.dailyGoalMinutes, on: today)
                    try JournalStore.save(journal, to: context.home)
                }
                if retention != nil { changed.retention = wanted.retention }
                if maximumInterval != nil { changed.maximumInterval = wanted.maximumInterval }
                if dayStart != nil { changed.dayStart = wanted.dayStart }
                if restDays != nil { changed.calendar.restDays = wanted.calendar.restDays }
                if freezes != nil { changed.streakFreezes = wanted.streakFreezes }
                if autoSync != nil { changed.autoSync = wanted.autoSync }
                if changed != current { try SettingsStore.save(changed, to: context.home) }
                return changed
            }
        }
        let settings = context.settings
        if json {
            return try JSONOutput.print(Report(focusTrack: settings.focusTrack,
                                               focusTitle: settings.focusTrack.flatMap { context.curriculum.track(id: $0)?.title },
                                               dailyGoalMinutes: settings.dailyGoalMinutes,
                                               retention: settings.retention, maximumInterval: settings.maximumInterval,
                                               dayStart: settings.dayStart.description,
                                               restDays: Weekday.ordered(settings.calendar.restDays).map(\.shortName),
                                               breaks: settings.calendar.breaks.map(\.description),
                                               streakFreezes: settings.streakFreezes,
                                               autoSync: settings.autoSync))
        }
        let focusText = Self.focusText(settings.focusTrack, context)
        if settings.focusTrack != before.focusTrack {
            print("focus track: \(Self.focusText(before.focusTrack, context)) → \(focusText)")
        } else {
            print("focus track: \(focusText)")
        }
        if settings.dailyGoalMinutes != before.dailyGoalMinutes {
            print("daily goal:  \(before.dailyGoalMinutes) → \(settings.dailyGoalMinutes) min, from today (earlier days keep the goal they had)")
        } else {
            print("daily goal:  \(settings.dailyGoalMinutes) min")
        }
        print("retention:   \(settings.retention) (reviews aim for this chance of recall)")
        print("max interval: \(settings.maximumInterval) days")
        print("day starts:  \(settings.dayStart) (earlier counts for the day before)")
        let rest = Weekday.ordered(settings.calendar.restDays).map(\.shortName)
        print("rest days:   \(rest.isEmpty ? "none" : rest.joined(separator: ","))")
        print("breaks:      \(settings.calendar.breaks.isEmpty ? "none (coach break FIRST..LAST adds one)" : settings.calendar.breaks.map(\.description).joined(separator: ", "))")
        print("freezes:     \(settings.streakFreezes ? "on" : "off")")
        print("auto-sync:   \(settings.autoSync ? "on (at start and after quit; coach sync --status shows the last)" : "off")")
        if settings.focusTrack == nil {
            print("Choose a focus track with coach settings --focus TRACK (coach tracks lists them).")
        }
    }

    static func focusText(_ id: String?, _ context: AppContext) -> String {
        guard let id else { return "none" }
        guard let track = context.curriculum.track(id: id) else { return "\(id) (not in the curriculum)" }
        return "\(track.title) (\(track.id))"
    }

    /// The desired retention as typed, or a one-line refusal naming the range.
    static func retentionValue(_ text: String) throws -> Double {
        let trimmed = text.trimmingWhitespace()
        guard let value = Double(trimmed), value.isFinite, Settings.retentionProblem(value) == nil else {
            throw CoachFailure("--retention must be a number from 0.70 to 0.97; got \"\(text)\"")
        }
        return value
    }

    static func maximumIntervalValue(_ text: String) throws -> Int {
        let range = Settings.maximumIntervalRange
        guard let value = Int(text.trimmingWhitespace()), range.contains(value) else {
            throw CoachFailure("--maximum-interval must be a whole number of days from \(range.lowerBound) to \(range.upperBound); got \"\(text)\"")
        }
        return value
    }

    static func dayStartValue(_ text: String) throws -> DayStart {
        guard let value = DayStart(text.trimmingWhitespace()) else {
            throw CoachFailure(DayStart.problem(text, flag: "--day-start"))
        }
        return value
    }

    /// "sun", "sat,sun", "none": the weekdays off; at least one weekday stays a study day.
    static func restDaysValue(_ text: String) throws -> Set<Weekday> {
        let trimmed = text.trimmingWhitespace().lowercased()
        if trimmed == "none" || trimmed.isEmpty { return [] }
        var days: Set<Weekday> = []
        for name in trimmed.split(separator: ",") {
            guard let day = Weekday(name: String(name)) else {
                throw CoachFailure("--rest-days takes weekdays separated by commas (sun, mon, tue, wed, thu, fri, sat) or none; got \(TerminalText.quoted(String(name)))")
            }
            days.insert(day)
        }
        guard days.count < Weekday.allCases.count else {
            throw CoachFailure("--rest-days must leave at least one weekday to study")
        }
        return days
    }

    static func onOff(_ text: String, flag: String) throws -> Bool {
        switch text.trimmingWhitespace().lowercased() {
        case "on", "yes", "true": return true
        case "off", "no", "false": return false
        default: throw CoachFailure("\(flag) must be on or off; got \(TerminalText.quoted(text))")
        }
    }

    /// The goal as typed, or a refusal that names the flag and the range.
    static func goalMinutes(_ text: String) throws -> Int {
        let range = Settings.goalRange
        let trimmed = text.trimmingWhitespace()
        guard trimmed.count <= 6, trimmed.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }),
              let value = Int(trimmed), range.contains(value)
        else {
            throw CoachFailure("--goal must be a whole number of minutes from \(range.lowerBound) to \(range.upperBound); got \"\(text)\"")
        }
        return value
    }
}
