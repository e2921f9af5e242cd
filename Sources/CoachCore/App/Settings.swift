/// The learner's choices: one focus track at a time (depth before breadth), the daily
/// study goal, and how the review scheduler spaces cards.
public struct Settings: Equatable, Sendable {
    public static let defaultGoal = 45
    public static let goalRange = 5...600
    public static let retentionRange = FSRSScheduler.retentionRange
    public static let maximumIntervalRange = 1...FSRSScheduler.defaultMaximumInterval

    public var focusTrack: String?
    public var dailyGoalMinutes: Int
    /// The chance of recall a card is scheduled for (FSRS's desired retention).
    public var retention: Double
    /// The longest gap between two reviews of a card, in days.
    public var maximumInterval: Int
    /// When the learner's day begins (04:00: studying at 00:30 counts for the evening before).
    public var dayStart: DayStart
    /// Weekdays off and breaks.
    public var calendar: StudyCalendar
    /// A freeze is earned for each 7 days of a streak (at most 2 held) and spent on a
    /// missed day that would end it.
    public var streakFreezes: Bool
    /// Sync the home through git at start and after quit (`coach sync`, in the background).
    public var autoSync: Bool

    public init(focusTrack: String? = nil, dailyGoalMinutes: Int = Settings.defaultGoal,
                retention: Double = FSRSScheduler.defaultRetention,
                maximumInterval: Int = FSRSScheduler.defaultMaximumInterval,
                dayStart: DayStart = .standard, calendar: StudyCalendar = StudyCalendar(),
                streakFreezes: Bool = true, autoSync: Bool = false) {
        self.focusTrack = focusTrack
        self.dailyGoalMinutes = dailyGoalMinutes
        self.retention = retention
        self.maximumInterval = maximumInterval
        self.dayStart = dayStart
        self.calendar = calendar
        self.streakFreezes = streakFreezes
        self.autoSync = autoSync
    }

    /// The learner's days in `zone`: what every day computation is handed.
    public func days(in zone: TimeZoneRules) -> TimeZoneRules {
        zone.startingDays(at: dayStart)
    }

    /// How streaks are counted with these settings.
    public var streakRules: StreakRules {
        StreakRules(calendar: calendar, freezes: streakFreezes)
    }

    /// The scheduler these settings ask for, with fuzz; the standard one when a value is
    /// out of range (the store refuses such files, so only hand-built values get here).
    public var scheduler: FSRSScheduler {
        (try? FSRSScheduler(desiredRetention: retention, maximumInterval: maximumInterval)) ?? .standard
    }

    /// "retention must be between 0.70 and 0.97, found 0.5": nil when `value` is allowed.
    public static func retentionProblem(_ value: Double) -> String? {
        guard !retentionRange.contains(value) || !value.isFinite else { return nil }
        return "retention must be between 0.70 and 0.97, found \(value)"
    }

    public static func maximumIntervalProblem(_ value: Int) -> String? {
        guard !maximumIntervalRange.contains(value) else { return nil }
        return "maximum interval must be \(maximumIntervalRange.lowerBound)–\(maximumIntervalRange.upperBound) days, found \(value)"
    }
}
