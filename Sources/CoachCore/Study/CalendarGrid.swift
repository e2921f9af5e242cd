/// The calendar the History screen draws: the last weeks as columns of seven days,
/// Monday on top and Sunday at the bottom, the week holding `today` last.
///
/// Pure day arithmetic on `StudyDay`, so a month or a year that ends inside a week, or
/// a clock change, moves no day to the wrong cell. The same grid sums minutes per
/// week, so the heatmap's columns and the weekly bars always agree.
public struct CalendarGrid: Equatable, Sendable {
    public static let daysPerWeek = 7

    public let today: StudyDay
    /// Columns, oldest first; at least 1.
    public let weeks: Int
    /// The Monday that starts the first column.
    public let firstDay: StudyDay

    public init(today: StudyDay, weeks: Int) {
        self.today = today
        self.weeks = max(1, weeks)
        firstDay = Self.weekStart(of: today).adding(days: -Self.daysPerWeek * (self.weeks - 1))
    }

    /// The Monday on or before `day`.
    public static func weekStart(of day: StudyDay) -> StudyDay {
        day.adding(days: -row(of: day))
    }

    /// The row a day sits in: 0 for Monday to 6 for Sunday.
    public static func row(of day: StudyDay) -> Int {
        // Weekday numbers run from Sunday = 1, so Monday = 2 becomes 0.
        (day.weekday.rawValue + 5) % 7
    }

    /// The Monday that starts `column`.
    public func weekStart(column: Int) -> StudyDay {
        firstDay.adding(days: Self.daysPerWeek * column)
    }

    /// The day in `column` (0 is the oldest week) and `row` (0 is Monday).
    public func day(column: Int, row: Int) -> StudyDay {
        firstDay.adding(days: Self.daysPerWeek * column + row)
    }

    /// Where `day` sits in the grid, or nil when it is outside it.
    public func position(of day: StudyDay) -> (column: Int, row: Int)? {
        let offset = firstDay.days(to: day)
        guard offset >= 0, offset < Self.daysPerWeek * weeks else { return nil }
        return (offset / Self.daysPerWeek, offset % Self.daysPerWeek)
    }

    /// Days after today: the rest of the last column, drawn blank.
    public func isFuture(_ day: StudyDay) -> Bool {
        day > today
    }

    /// A month that begins inside the grid: its label goes above `column`.
    public struct MonthStart: Equatable, Sendable {
        public var column: Int
        public var year: Int
        public var month: Int

        public init(column: Int, year: Int, month: Int) {
            self.column = column
            self.year = year
            self.month = month
        }
    }

    /// The columns holding the 1st of a month, up to today, oldest first.
    public var monthStarts: [MonthStart] {
        var starts: [MonthStart] = []
        var year = firstDay.year
        var month = firstDay.month
        while true {
            guard let first = StudyDay(year: year, month: month, day: 1) else { break }
            if first > today { break }
            if let position = position(of: first) {
                starts.append(MonthStart(column: position.column, year: year, month: month))
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return starts
    }

    /// Minutes logged in each column's week, oldest first; days after today count nothing.
    public func weekTotals(_ minutesByDay: [StudyDay: Int]) -> [Int] {
        (0..<weeks).map { column in
            (0..<Self.daysPerWeek).reduce(0) { sum, row in
                let day = day(column: column, row: row)
                guard !isFuture(day) else { return sum }
                return sum + max(0, minutesByDay[day] ?? 0)
            }
        }
    }

    /// How full a day is, against the goal in force that day: 0 nothing logged,
    /// 1 under half the goal, 2 half the goal or more, 3 the goal reached (the day counts
    /// for the streak), 4 twice the goal or more. A goal of 0 or less is reached by any
    /// minutes at all — never a division by zero.
    public static func level(minutes: Int, goal: Int) -> Int {
        guard minutes > 0 else { return 0 }
        guard goal > 0 else { return 3 }
        if minutes * 2 < goal { return 1 }
        if minutes < goal { return 2 }
        if minutes < goal * 2 { return 3 }
        return 4
    }

    public static let levels = 0...4
}
