/// The daily goal as it changed over time, so a past day is judged by the goal the
/// learner had then — raising the goal today does not break last month's streak.
public struct GoalHistory: Equatable, Codable, Sendable {
    public struct Change: Equatable, Codable, Sendable {
        /// The first day this goal was in force.
        public var from: StudyDay
        public var minutes: Int

        public init(from: StudyDay, minutes: Int) {
            self.from = from
            self.minutes = minutes
        }
    }

    /// Oldest first, at most one a day.
    public private(set) var changes: [Change]

    public init(changes: [Change] = []) {
        var byDay: [StudyDay: Int] = [:]
        for change in changes { byDay[change.from] = change.minutes }  // the last one of a day wins
        self.changes = byDay.map { Change(from: $0.key, minutes: $0.value) }.sorted { $0.from < $1.from }
    }

    /// The goal in force on `day`. Before the first change, the first goal (days logged
    /// before goals were recorded are judged by the earliest goal known); with no
    /// change at all, the default goal.
    public func goal(on day: StudyDay) -> Int {
        guard let first = changes.first else { return Settings.defaultGoal }
        guard day >= first.from else { return first.minutes }
        // The last change on or before `day`: binary search, the list grows for years.
        var low = 0, high = changes.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if changes[middle].from <= day { low = middle } else { high = middle - 1 }
        }
        return changes[low].minutes
    }

    /// Records that `minutes` is the goal from `day` on. Nothing changes when it is the
    /// goal in force that day already, so calling this with the settings' goal at every
    /// start is safe. Changes after `day` are kept.
    public mutating func set(_ minutes: Int, from day: StudyDay) {
        changes.removeAll { $0.from == day }
        if !changes.isEmpty, goal(on: day) == minutes { return }
        let index = changes.firstIndex { $0.from > day } ?? changes.endIndex
        changes.insert(Change(from: day, minutes: minutes), at: index)
    }
}

/// The learner's streaks. A day counts when its logged minutes reach the goal in force
/// that day. A streak survives one missed day but never two in a row, and its length is
/// the number of days that counted (a missed day in the middle adds nothing).
public struct Streaks: Equatable, Sendable {
    /// The streak still alive today: its last counted day is today, yesterday, or the
    /// day before yesterday (then yesterday was the one missed day it may have, and
    /// it is at risk: it ends unless today counts). 0 when there is none.
    public var current: Int
    public var longest: Int
    /// True when the current streak ends unless today counts.
    public var atRisk: Bool
    /// True when today's minutes reach today's goal already.
    public var todayCounts: Bool

    public init(current: Int = 0, longest: Int = 0, atRisk: Bool = false, todayCounts: Bool = false) {
        self.current = current
        self.longest = longest
        self.atRisk = atRisk
        self.todayCounts = todayCounts
    }

    /// Streaks as of `today` from the minutes logged per day. Days after `today` (a
    /// clock set wrong, another time zone) are left out.
    public init(minutes: [StudyDay: Int], goals: GoalHistory, today: StudyDay) {
        let counted = minutes
            .filter { $0.key <= today && $0.value > 0 && $0.value >= goals.goal(on: $0.key) }
            .keys.sorted()
        var longest = 0, run = 0
        var previous: StudyDay?
        for day in counted {
            if let previous, previous.days(to: day) <= 2 { run += 1 } else { run = 1 }
            longest = max(longest, run)
            previous = day
        }
        let gap = previous.map { $0.days(to: today) } ?? Int.max
        let alive = gap <= 2
        self.init(current: alive ? run : 0, longest: longest, atRisk: alive && gap == 2,
                  todayCounts: gap == 0)
    }

    public init(journal: Journal, today: StudyDay) {
        self.init(minutes: journal.minutesByDay, goals: journal.goals, today: today)
    }
}
