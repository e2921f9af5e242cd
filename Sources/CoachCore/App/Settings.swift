/// The learner's choices: one focus track at a time (depth before breadth), the daily
/// study goal, and how the review scheduler spaces cards.
public struct Settings: Equatable, Codable, Sendable {
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
    /// Sync the home through git at start and after quit (`coach sync`, in the background).
    public var autoSync: Bool

    public init(focusTrack: String? = nil, dailyGoalMinutes: Int = Settings.defaultGoal,
                retention: Double = FSRSScheduler.defaultRetention,
                maximumInterval: Int = FSRSScheduler.defaultMaximumInterval, autoSync: Bool = false) {
        self.focusTrack = focusTrack
        self.dailyGoalMinutes = dailyGoalMinutes
        self.retention = retention
        self.maximumInterval = maximumInterval
        self.autoSync = autoSync
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
