import CoachCore
import Testing

@Suite("CalendarGrid")
struct CalendarGridTests {
    static func day(_ text: String) -> StudyDay {
        guard let day = StudyDay(text) else { fatalError("bad day \(text)") }
        return day
    }

    @Test func weeksStartOnMonday() {
        #expect(CalendarGrid.weekStart(of: Self.day("2026-11-23")) == Self.day("2026-11-23"), "a Monday")
        #expect(CalendarGrid.weekStart(of: Self.day("2026-11-29")) == Self.day("2026-11-23"), "a Sunday")
        #expect(CalendarGrid.weekStart(of: Self.day("2027-01-01")) == Self.day("2026-12-28"), "across the year's end")
        #expect(CalendarGrid.weekStart(of: Self.day("2028-03-01")) == Self.day("2028-02-28"), "across a leap day")
        #expect(CalendarGrid.row(of: Self.day("2026-11-23")) == 0)
        #expect(CalendarGrid.row(of: Self.day("2026-11-28")) == 5)
        #expect(CalendarGrid.row(of: Self.day("2026-11-29")) == 6)
    }

    @Test func lastColumnHoldsTodaysWeek() {
        let grid = CalendarGrid(today: Self.day("2026-11-25"), weeks: 20)
        #expect(grid.firstDay == Self.day("2026-07-13"))
        #expect(grid.day(column: 0, row: 0) == Self.day("2026-07-13"))
        #expect(grid.day(column: 19, row: 2) == Self.day("2026-11-25"))
        #expect(grid.day(column: 19, row: 6) == Self.day("2026-11-29"))
        #expect(grid.weekStart(column: 19) == Self.day("2026-11-23"))
        #expect(grid.position(of: Self.day("2026-11-25"))! == (19, 2))
        #expect(grid.position(of: Self.day("2026-07-12")) == nil, "the Sunday before the first column")
        #expect(grid.position(of: Self.day("2026-11-30")) == nil, "the Monday after the last column")
        #expect(grid.isFuture(Self.day("2026-11-26")))
        #expect(!grid.isFuture(Self.day("2026-11-25")))
    }

    @Test func everyDayHasOneCell() {
        let grid = CalendarGrid(today: Self.day("2027-01-05"), weeks: 20)
        var day = grid.firstDay
        for column in 0..<20 {
            for row in 0..<7 {
                #expect(grid.day(column: column, row: row) == day)
                #expect(grid.position(of: day)! == (column, row))
                day = day.adding(days: 1)
            }
        }
    }

    @Test func atLeastOneWeek() {
        let grid = CalendarGrid(today: Self.day("2026-11-23"), weeks: 0)
        #expect(grid.weeks == 1)
        #expect(grid.firstDay == Self.day("2026-11-23"))
    }

    @Test func monthStartsLabelTheirColumn() {
        let grid = CalendarGrid(today: Self.day("2026-11-23"), weeks: 20)
        #expect(grid.monthStarts == [
            .init(column: 2, year: 2026, month: 8),  // Sat 1 Aug
            .init(column: 7, year: 2026, month: 9),  // Tue 1 Sep
            .init(column: 11, year: 2026, month: 10),  // Thu 1 Oct
            .init(column: 15, year: 2026, month: 11),  // Sun 1 Nov
        ])
    }

    @Test func monthStartsAcrossTheYearsEnd() {
        let grid = CalendarGrid(today: Self.day("2027-01-05"), weeks: 20)
        #expect(grid.firstDay == Self.day("2026-08-24"))
        #expect(grid.monthStarts == [
            .init(column: 1, year: 2026, month: 9),
            .init(column: 5, year: 2026, month: 10),
            .init(column: 9, year: 2026, month: 11),
            .init(column: 14, year: 2026, month: 12),
            .init(column: 18, year: 2027, month: 1),
        ])
    }

    @Test func aMonthStartingOnTheFirstDayIsLabelled() {
        // 2026-06-01 is a Monday: the first column starts the month.
        let grid = CalendarGrid(today: Self.day("2026-06-10"), weeks: 2)
        #expect(grid.firstDay == Self.day("2026-06-01"))
        #expect(grid.monthStarts == [.init(column: 0, year: 2026, month: 6)])
    }

    @Test func aMonthStartingAfterTodayIsNotLabelled() {
        let grid = CalendarGrid(today: Self.day("2026-11-30"), weeks: 1)  // Mon; Tue 1 Dec is in the column
        #expect(grid.monthStarts.isEmpty)
    }

    @Test func weekTotalsSumEachColumn() {
        let grid = CalendarGrid(today: Self.day("2027-01-05"), weeks: 3)
        // Columns: 2026-12-21, 2026-12-28, 2027-01-04.
        let minutes: [StudyDay: Int] = [
            Self.day("2026-12-20"): 500,  // before the grid
            Self.day("2026-12-21"): 30,
            Self.day("2026-12-27"): 15,
            Self.day("2026-12-31"): 45,
            Self.day("2027-01-01"): 20,  // same week, new year
            Self.day("2027-01-05"): 10,
            Self.day("2027-01-06"): 999,  // tomorrow: not counted
        ]
        #expect(grid.weekTotals(minutes) == [45, 65, 10])
        #expect(grid.weekTotals([:]) == [0, 0, 0])
    }

    @Test func levelsFollowTheGoal() {
        #expect(CalendarGrid.level(minutes: 0, goal: 45) == 0)
        #expect(CalendarGrid.level(minutes: 1, goal: 45) == 1)
        #expect(CalendarGrid.level(minutes: 22, goal: 45) == 1)
        #expect(CalendarGrid.level(minutes: 23, goal: 45) == 2)
        #expect(CalendarGrid.level(minutes: 44, goal: 45) == 2)
        #expect(CalendarGrid.level(minutes: 45, goal: 45) == 3, "the day counts for the streak")
        #expect(CalendarGrid.level(minutes: 89, goal: 45) == 3)
        #expect(CalendarGrid.level(minutes: 90, goal: 45) == 4)
        #expect(CalendarGrid.level(minutes: 1440, goal: 600) == 4)
    }

    @Test func levelsNeverDivideByZero() {
        #expect(CalendarGrid.level(minutes: 0, goal: 0) == 0)
        #expect(CalendarGrid.level(minutes: 5, goal: 0) == 3)
        #expect(CalendarGrid.level(minutes: 5, goal: -10) == 3)
        #expect(CalendarGrid.level(minutes: -5, goal: 45) == 0)
    }
}
