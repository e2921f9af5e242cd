import FoundationEssentials

/// A break: days off from the first to the last, both included ("2026-12-20..2026-12-27").
public struct StudyBreak: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let first: StudyDay
    public let last: StudyDay

    public static let longest = 366

    public init?(first: StudyDay, last: StudyDay) {
        guard first <= last, first.days(to: last) < Self.longest else { return nil }
        self.first = first
        self.last = last
    }

    /// "2026-12-20..2026-12-27", or one day "2026-12-24"; nil otherwise.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        if let day = StudyDay(trimmed) {
            self.init(first: day, last: day)
            return
        }
        guard let (a, b) = Self.ends(trimmed), let first = StudyDay(a), let last = StudyDay(b) else { return nil }
        self.init(first: first, last: last)
    }

    /// "A..B" → ("A", "B").
    static func ends(_ text: String) -> (String, String)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[2]))
    }

    public var days: Int { first.days(to: last) + 1 }

    public func contains(_ day: StudyDay) -> Bool { first <= day && day <= last }

    public var description: String { first == last ? "\(first)" : "\(first)..\(last)" }

    public static func < (a: StudyBreak, b: StudyBreak) -> Bool { (a.first, a.last) < (b.first, b.last) }

    /// What `init?(_:)` refused, in one line naming what is allowed.
    public static func problem(_ text: String) -> String {
        let shown = TerminalText.quoted(String(text.prefix(60)))
        let trimmed = text.trimmingWhitespace()
        if let (a, b) = ends(trimmed), let first = StudyDay(a), let last = StudyDay(b) {
            if last < first { return "a break must end on or after its first day; got \(shown)" }
            return "a break is at most \(longest) days; got \(shown) (\(first.days(to: last) + 1) days)"
        }
        return "a break is FIRST..LAST, days as YYYY-MM-DD (e.g. 2026-12-20..2026-12-27), or one day; got \(shown)"
    }
}

/// The days the learner does not study: weekdays off and breaks. A day off neither
/// counts against a streak nor brings reviews (they move to the days after it, see
/// `LoadSmoothing`), and the first day back asks for half the goal.
public struct StudyCalendar: Equatable, Sendable {
    public enum Off: Equatable, Sendable {
        case restDay
        case onBreak(StudyBreak)
    }

    public var restDays: Set<Weekday>
    /// Sorted, may overlap.
    public var breaks: [StudyBreak]

    public init(restDays: Set<Weekday> = [], breaks: [StudyBreak] = []) {
        self.restDays = restDays
        self.breaks = breaks.sorted()
    }

    /// Why `day` is a day off, or nil when it is a study day. A break wins over a rest day.
    public func off(_ day: StudyDay) -> Off? {
        if let found = breaks.first(where: { $0.contains(day) }) { return .onBreak(found) }
        return restDays.contains(day.weekday) ? .restDay : nil
    }

    public func isOff(_ day: StudyDay) -> Bool { off(day) != nil }

    /// True when every weekday is off: then no day is, or nothing could ever be studied.
    var everyWeekdayOff: Bool { restDays.count == Weekday.allCases.count }

    /// The days off in a row that end the day before `day` (oldest first); empty when the
    /// day before is a study day. At most a year is looked at.
    public func daysOff(before day: StudyDay) -> ClosedRange<StudyDay>? {
        var first = day
        while day.days(to: first) > -StudyBreak.longest, isOff(first.adding(days: -1)) { first = first.adding(days: -1) }
        return first == day ? nil : first...day.adding(days: -1)
    }

    /// The first day back: a study day after at least one break day (rest days alone are
    /// part of the week, not a return).
    public func isFirstDayBack(_ day: StudyDay) -> Bool {
        guard !isOff(day), let run = daysOff(before: day) else { return false }
        return breaks.contains { $0.last >= run.lowerBound && $0.first <= run.upperBound }
    }

    /// The goal of `day` for a learner whose goal is `goal`: nothing on a day off, half of
    /// it (at least 5 minutes, in whole steps of 5) on the first day back from a break.
    public func goal(on day: StudyDay, normal goal: Int) -> Int {
        if isOff(day) { return 0 }
        guard isFirstDayBack(day), goal > 0 else { return goal }
        return max(5, (goal / 2 + 4) / 5 * 5)
    }

    /// True when `minutes` logged on `day` meet its goal: always on a day off, where
    /// nothing is asked (`coach status --check` stays quiet then).
    public func goalMet(minutes: Int, goal: Int, on day: StudyDay) -> Bool {
        minutes >= self.goal(on: day, normal: goal)
    }

    /// The study days from `day` on (`day` included when it is one), `count` of them; fewer
    /// only when every weekday is off.
    public func studyDays(from day: StudyDay, count: Int) -> [StudyDay] {
        guard !everyWeekdayOff else { return [] }
        var days: [StudyDay] = [], next = day
        while days.count < count {
            if !isOff(next) { days.append(next) }
            next = next.adding(days: 1)
        }
        return days
    }

    /// A break added; the same list when it is there already.
    public func adding(_ studyBreak: StudyBreak) -> StudyCalendar {
        guard !breaks.contains(studyBreak) else { return self }
        return StudyCalendar(restDays: restDays, breaks: breaks + [studyBreak])
    }

    /// A break taken out, or why not: there is no such break (the ones there are, named).
    public func removing(_ studyBreak: StudyBreak) -> Result<StudyCalendar, Refusal> {
        guard breaks.contains(studyBreak) else {
            let known = breaks.map(\.description)
            return .failure(Refusal(message: "there is no break \(studyBreak)"
                + (known.isEmpty ? "; there are none" : "; there are: " + known.joined(separator: ", "))))
        }
        return .success(StudyCalendar(restDays: restDays, breaks: breaks.filter { $0 != studyBreak }))
    }

    public struct Refusal: Error, Equatable {
        public var message: String
    }
}

extension Weekday {
    /// "sun", "mon", …: how settings and the command line write a weekday.
    public var shortName: String {
        switch self {
        case .sunday: "sun"
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        }
    }

    /// "sun", "Sunday", "SUN": nil for anything else.
    public init?(name: String) {
        let lower = name.trimmingWhitespace().lowercased()
        guard lower.count >= 3, let found = Weekday.allCases.first(where: {
            lower.hasPrefix($0.shortName) && "\($0)".hasPrefix(lower)
        }) else { return nil }
        self = found
    }

    /// Weekdays as written in settings: Monday first, as the week is shown.
    public static func ordered(_ days: Set<Weekday>) -> [Weekday] {
        days.sorted { ($0.rawValue + 5) % 7 < ($1.rawValue + 5) % 7 }
    }
}
