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

/// What a streak is counted with besides the minutes: the days off, and whether freezes
/// are earned and spent.
public struct StreakRules: Equatable, Sendable {
    public var calendar: StudyCalendar
    public var freezes: Bool

    /// One freeze for each this many counted days of a streak.
    public static let daysPerFreeze = 7
    public static let mostFreezesHeld = 2
    /// No days off, no freezes: a streak survives one missed day, never two in a row.
    public static let plain = StreakRules(calendar: StudyCalendar(), freezes: false)

    public init(calendar: StudyCalendar, freezes: Bool) {
        self.calendar = calendar
        self.freezes = freezes
    }
}

/// The learner's streaks. A day counts when its logged minutes reach the goal in force
/// that day (half of it on the first day back from a break). A streak survives one missed
/// day but never two in a row, and its length is the number of days that counted (a
/// missed day in the middle adds nothing). Days off (rest days, breaks) are passed over:
/// they neither count nor are missed. With freezes, each 7 counted days of a streak earn
/// one (at most 2 held), and a missed day that would end the streak spends one instead.
public struct Streaks: Equatable, Sendable {
    /// The streak still alive today. 0 when there is none.
    public var current: Int
    public var longest: Int
    /// True when the current streak ends unless today counts (yesterday was missed and
    /// no freeze is held to cover today).
    public var atRisk: Bool
    /// True when today's minutes reach today's goal already.
    public var todayCounts: Bool
    /// Freezes held now.
    public var freezes: Int
    /// Missed days a freeze covered, oldest first.
    public var frozenDays: [StudyDay]

    public init(current: Int = 0, longest: Int = 0, atRisk: Bool = false, todayCounts: Bool = false,
                freezes: Int = 0, frozenDays: [StudyDay] = []) {
        self.current = current
        self.longest = longest
        self.atRisk = atRisk
        self.todayCounts = todayCounts
        self.freezes = freezes
        self.frozenDays = frozenDays
    }

    /// Streaks as of `today` from the minutes logged per day. Days after `today` (a
    /// clock set wrong, another time zone) are left out.
    public init(minutes: [StudyDay: Int], goals: GoalHistory, today: StudyDay, rules: StreakRules = .plain) {
        let calendar = rules.calendar
        func counts(_ day: StudyDay) -> Bool {
            guard let logged = minutes[day], logged > 0 else { return false }
            let goal = goals.goal(on: day)
            return logged >= (calendar.isOff(day) ? goal : calendar.goal(on: day, normal: goal))
        }
        guard let first = minutes.keys.filter({ $0 <= today && counts($0) }).min() else {
            self.init()
            return
        }
        var run = 0, longest = 0, missedInRow = 0, sinceFreeze = 0, held = 0
        var frozen: [StudyDay] = []
        var day = first
        while day <= today {
            defer { day = day.adding(days: 1) }
            if counts(day) {
                run += 1
                longest = max(longest, run)
                missedInRow = 0
                sinceFreeze += 1
                if rules.freezes, sinceFreeze == StreakRules.daysPerFreeze {
                    held = min(StreakRules.mostFreezesHeld, held + 1)
                    sinceFreeze = 0
                }
            } else if day == today || calendar.isOff(day) || run == 0 {
                continue  // today is not over; a day off is passed over; no streak to end
            } else if missedInRow == 0 {
                missedInRow = 1
            } else if held > 0 {
                held -= 1
                frozen.append(day)
            } else {
                run = 0
                missedInRow = 0
                sinceFreeze = 0
            }
        }
        let todayCounts = counts(today)
        self.init(current: run, longest: longest,
                  atRisk: run > 0 && missedInRow == 1 && !todayCounts && !calendar.isOff(today) && held == 0,
                  todayCounts: todayCounts, freezes: held, frozenDays: frozen)
    }

    public init(journal: Journal, today: StudyDay, rules: StreakRules = .plain) {
        self.init(minutes: journal.minutesByDay, goals: journal.goals, today: today, rules: rules)
    }
}
