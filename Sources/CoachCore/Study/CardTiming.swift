import FoundationEssentials

/// The minutes a card takes, measured from the learner's own timed reviews: the plan
/// counts cards due times this, so a learner who answers in a minute is not planned 1.5.
public enum CardTiming {
    /// A review that took longer than this was left open (a phone call, lunch): ignored.
    public static let longestSeconds: Double = 600
    /// The newest timed reviews the average is taken over, so it follows the learner.
    public static let window = 50

    /// Mean minutes per card of the newest `window` timed reviews within the cap; nil
    /// when there are none yet.
    public static func measuredMinutes(_ log: [CardReviewEntry]) -> Double? {
        var seconds: [Double] = []
        for entry in log.reversed() {
            guard let value = entry.seconds, value.isFinite, value > 0, value <= longestSeconds else { continue }
            seconds.append(value)
            if seconds.count == window { break }
        }
        guard !seconds.isEmpty else { return nil }
        return seconds.reduce(0, +) / Double(seconds.count) / 60
    }
}

extension ReviewBook {
    /// The plan's minutes per card: measured, or `DailyPlan.minutesPerCard` until a review is timed.
    public var minutesPerCard: Double {
        CardTiming.measuredMinutes(log) ?? DailyPlan.minutesPerCard
    }
}
