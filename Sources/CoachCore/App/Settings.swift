/// The learner's choices: one focus track at a time (depth before breadth) and the
/// daily study goal.
public struct Settings: Equatable, Codable, Sendable {
    public static let defaultGoal = 45
    public static let goalRange = 5...600

    public var focusTrack: String?
    public var dailyGoalMinutes: Int

    public init(focusTrack: String? = nil, dailyGoalMinutes: Int = Settings.defaultGoal) {
        self.focusTrack = focusTrack
        self.dailyGoalMinutes = dailyGoalMinutes
    }
}
