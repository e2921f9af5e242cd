import CoachCore
import Foundation
import Testing

@Suite("Streaks")
struct StreaksTests {
    /// Minutes per day from "YYYY-MM-DD" texts.
    static func minutes(_ days: [String: Int]) -> [StudyDay: Int] {
        Dictionary(uniqueKeysWithValues: days.map { (Days.day($0.key), $0.value) })
    }

    /// Each listed day has 60 minutes, against a goal of 45.
    static func streaks(_ days: [String], today: String) -> Streaks {
        Streaks(minutes: minutes(Dictionary(uniqueKeysWithValues: days.map { ($0, 60) })),
                goals: GoalHistory(), today: Days.day(today))
    }

    @Test func nothingLoggedIsNoStreak() {
        #expect(Streaks(minutes: [:], goals: GoalHistory(), today: Days.day("2024-05-10")) == Streaks())
    }

    @Test func consecutiveDaysEndingToday() {
        let streaks = Self.streaks(["2024-05-08", "2024-05-09", "2024-05-10"], today: "2024-05-10")
        #expect(streaks == Streaks(current: 3, longest: 3, atRisk: false, todayCounts: true))
    }

    @Test func endingYesterdayWhenTodayDoesNotCountYet() {
        let streaks = Self.streaks(["2024-05-08", "2024-05-09"], today: "2024-05-10")
        #expect(streaks == Streaks(current: 2, longest: 2, atRisk: false, todayCounts: false))
    }

    @Test func oneMissedDaySurvivesAndAddsNothing() {
        let streaks = Self.streaks(["2024-05-06", "2024-05-07", "2024-05-09", "2024-05-10"], today: "2024-05-10")
        #expect(streaks.current == 4, "counted days, the missed 05-08 not among them")
        #expect(streaks.longest == 4)
    }

    @Test func twoMissedDaysInARowBreakIt() {
        let streaks = Self.streaks(["2024-05-05", "2024-05-06", "2024-05-07", "2024-05-10"], today: "2024-05-10")
        #expect(streaks.current == 1)
        #expect(streaks.longest == 3)
    }

    @Test func everyOtherDayIsOneLongStreak() {
        let days = (0..<10).map { Days.day("2024-05-01").adding(days: $0 * 2).description }
        let streaks = Self.streaks(days, today: "2024-05-19")
        #expect(streaks.current == 10)
    }

    @Test func missedYesterdayIsAtRiskNotBroken() {
        let streaks = Self.streaks(["2024-05-07", "2024-05-08"], today: "2024-05-10")
        #expect(streaks == Streaks(current: 2, longest: 2, atRisk: true, todayCounts: false))
    }

    @Test func missedTheLastTwoDaysIsBroken() {
        let streaks = Self.streaks(["2024-05-06", "2024-05-07"], today: "2024-05-10")
        #expect(streaks == Streaks(current: 0, longest: 2, atRisk: false, todayCounts: false))
    }

    @Test func aDayCountsOnlyWhenItsMinutesReachTheGoal() {
        let minutes = Self.minutes(["2024-05-08": 45, "2024-05-09": 44, "2024-05-10": 50])
        let streaks = Streaks(minutes: minutes, goals: GoalHistory(), today: Days.day("2024-05-10"))
        #expect(streaks.current == 2, "44 of 45 is a missed day, and one missed day is survived")
        #expect(streaks.todayCounts)
    }

    @Test func aDaysSessionsAddUp() {
        var journal = Journal()
        journal.add(JournalEntry(day: Days.day("2024-05-10"), minutes: 20))
        journal.add(JournalEntry(day: Days.day("2024-05-10"), minutes: 25))
        #expect(Streaks(journal: journal, today: Days.day("2024-05-10")).todayCounts)
    }

    @Test func eachDayIsJudgedByTheGoalInForceThatDay() {
        var goals = GoalHistory()
        goals.set(30, from: Days.day("2024-05-01"))
        goals.set(60, from: Days.day("2024-05-06"))
        let minutes = Self.minutes(["2024-05-03": 30, "2024-05-04": 30, "2024-05-05": 30,
                                    "2024-05-06": 30, "2024-05-07": 60])
        let streaks = Streaks(minutes: minutes, goals: goals, today: Days.day("2024-05-07"))
        // 05-03…05-05 count at 30; 05-06 is a missed day at 60; 05-07 counts.
        #expect(streaks.current == 4)
        #expect(Streaks(minutes: minutes, goals: GoalHistory(changes: [.init(from: Days.day("2024-05-01"), minutes: 60)]),
                        today: Days.day("2024-05-07")).current == 1, "with 60 all along, only 05-07 counts")
    }

    @Test func daysAfterTodayAreLeftOut() {
        let streaks = Self.streaks(["2024-05-09", "2024-05-11", "2024-05-12"], today: "2024-05-10")
        #expect(streaks == Streaks(current: 1, longest: 1, atRisk: false, todayCounts: false))
    }

    @Test func acrossAMonthEnd() {
        #expect(Self.streaks(["2024-01-30", "2024-01-31", "2024-02-01"], today: "2024-02-01").current == 3)
        #expect(Self.streaks(["2024-02-28", "2024-03-01"], today: "2024-03-01").current == 2,
                "29 February 2024 is the one missed day")
        #expect(Self.streaks(["2023-02-27", "2023-03-01"], today: "2023-03-01").current == 2,
                "28 February 2023 is the one missed day")
        #expect(Self.streaks(["2023-02-28", "2023-03-01"], today: "2023-03-01").current == 2)
        #expect(Self.streaks(["2024-04-29", "2024-05-02"], today: "2024-05-02").current == 1,
                "04-30 and 05-01 missed: two in a row")
    }

    @Test func acrossAYearEnd() {
        #expect(Self.streaks(["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"], today: "2025-01-02").current == 4)
        #expect(Self.streaks(["2024-12-30", "2025-01-01"], today: "2025-01-01").current == 2, "31 December missed")
        #expect(Self.streaks(["2024-12-30", "2025-01-02"], today: "2025-01-02").current == 1)
        #expect(Self.streaks(["2024-12-30", "2024-12-31"], today: "2025-01-01").current == 2, "through New Year's Eve")
    }

    /// Sessions timed on the eve, the night and the evening of a clock change, logged
    /// through the timer in that zone, make three days in a row. (New York's 23:30 is
    /// already the next day in UTC, so a clock-blind count would get it wrong.)
    @Test(arguments: [("Europe/Berlin", "2024-03-31"), ("Europe/Berlin", "2024-10-27"),
                      ("America/New_York", "2024-03-10"), ("America/New_York", "2024-11-03")])
    func acrossADaylightSavingChange(zone: String, changeDay: String) throws {
        let tz = Zones.named(zone)
        let day = Days.day(changeDay)
        let eve = day.adding(days: -1), next = day.adding(days: 1)
        var journal = Journal()
        for (on, hour, minute) in [(eve, 23, 30), (day, 0, 10), (day, 23, 15), (next, 23, 30)] {
            let start = Days.moment(on.year, on.month, on.day, hour, minute, in: tz)
            let timer = SessionTimer.start(at: start)
            journal.add(try #require(timer.finish(at: start.addingTimeInterval(25 * 60), timeZone: tz)))
        }
        #expect(journal.minutesByDay == [eve: 25, day: 50, next: 25])
        journal.goals.set(25, from: eve)
        let streaks = Streaks(journal: journal, today: next)
        #expect(streaks == Streaks(current: 3, longest: 3, atRisk: false, todayCounts: true))
        // Today is the day after: measured in the zone's own days, not in 24-hour steps.
        let today = StudyDay(next.adding(days: 1).start(in: tz).addingTimeInterval(60), in: tz)
        #expect(Streaks(journal: journal, today: today).current == 3)
    }
}

/// Goals by day live in Streaks.swift; nested here so a filter on Streaks runs them.
extension StreaksTests {
    @Suite("GoalHistory")
    struct GoalHistoryTests {
        @Test func withoutChangesItIsTheDefaultGoal() {
            #expect(GoalHistory().goal(on: Days.day("2024-05-01")) == Settings.defaultGoal)
        }

        @Test func theGoalInForceOnADay() {
            let goals = GoalHistory(changes: [.init(from: Days.day("2024-06-01"), minutes: 60),
                                              .init(from: Days.day("2024-05-01"), minutes: 30)])
            #expect(goals.changes.map(\.minutes) == [30, 60], "oldest first")
            #expect(goals.goal(on: Days.day("2024-04-01")) == 30, "before the first change: the first goal")
            #expect(goals.goal(on: Days.day("2024-05-01")) == 30)
            #expect(goals.goal(on: Days.day("2024-05-31")) == 30)
            #expect(goals.goal(on: Days.day("2024-06-01")) == 60)
            #expect(goals.goal(on: Days.day("2030-01-01")) == 60)
        }

        @Test func setRecordsAChangeOnlyWhenTheGoalChanges() {
            var goals = GoalHistory()
            goals.set(45, from: Days.day("2024-05-01"))
            goals.set(45, from: Days.day("2024-05-02"))
            #expect(goals.changes == [.init(from: Days.day("2024-05-01"), minutes: 45)])
            goals.set(60, from: Days.day("2024-05-03"))
            goals.set(90, from: Days.day("2024-05-03"))
            #expect(goals.changes.map(\.minutes) == [45, 90], "one change a day: the last one")
            goals.set(45, from: Days.day("2024-05-03"))
            #expect(goals.changes.map(\.minutes) == [45], "changed back the same day: no change")
        }

        @Test func manyChangesAreFoundByDay() {
            let first = Days.day("2020-01-01")
            let goals = GoalHistory(changes: (0..<500).map { .init(from: first.adding(days: $0 * 3), minutes: 5 + $0) })
            for index in [0, 1, 2, 250, 498, 499] {
                let from = first.adding(days: index * 3)
                #expect(goals.goal(on: from) == 5 + index)
                #expect(goals.goal(on: from.adding(days: 2)) == 5 + index)
            }
        }

        @Test func sameDayChangesInTheInputKeepTheLast() {
            let day = Days.day("2024-05-01")
            let goals = GoalHistory(changes: [.init(from: day, minutes: 30), .init(from: day, minutes: 50)])
            #expect(goals.changes == [.init(from: day, minutes: 50)])
        }
    }
}
