import FoundationEssentials

/// The timer running toward the goal (`S`): the minutes of the goal left when it began,
/// counted down by the session's time. At zero it rings once and counts overtime.
public struct Countdown: Equatable, Sendable {
    /// Seconds of session time at which the goal is reached.
    public let targetSeconds: TimeInterval
    /// True once zero was passed and the bell rung: it rings once.
    public private(set) var reached = false

    /// For a session that has run `elapsed` seconds on a day with `minutesToday` logged
    /// of `goal`.
    public init(goal: Int, minutesToday: Int, elapsed: TimeInterval) {
        targetSeconds = elapsed + TimeInterval(max(0, goal - minutesToday) * 60)
        // A goal met already is not rung for again.
        reached = goal <= minutesToday
    }

    /// Seconds left at `elapsed` (negative: overtime).
    public func remaining(at elapsed: TimeInterval) -> TimeInterval {
        targetSeconds - elapsed
    }

    /// True the first time `elapsed` reaches the target; false before and after.
    mutating func reach(at elapsed: TimeInterval) -> Bool {
        guard !reached, remaining(at: elapsed) <= 0 else { return false }
        reached = true
        return true
    }

    /// "12:05 left", or "+03:10 overtime".
    public func text(at elapsed: TimeInterval) -> String {
        let left = remaining(at: elapsed)
        let seconds = Int(left.magnitude.rounded(left >= 0 ? .up : .down))
        let clock = (seconds / 60 < 10 ? "0" : "") + "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        return left > 0 ? "\(clock) left" : "+\(clock) overtime"
    }
}

/// Programs the learner may put in `$COACH_HOME/hooks/`, run when something happens.
public enum Hook: String, CaseIterable, Sendable {
    case goalReached = "on-goal-reached"
}

extension StudyState {
    /// The countdown's zero, noticed at the time of the last action: ring once and run
    /// the hook.
    mutating func countdownEffects() -> [Effect] {
        guard var countdown, let timer, countdown.reach(at: timer.elapsed(at: now)) else { return [] }
        self.countdown = countdown
        return [.bell, .runHook(.goalReached)]
    }
}
