import CoachCore
import Testing

@Suite("GoalChange")
struct GoalChangeTests {
    /// Raising the goal for the first time must not judge last month by the new goal.
    @Test func theFirstChangeKeepsTheOldGoalForEarlierDays() {
        var goals = GoalHistory()
        goals.change(from: 45, to: 60, on: Days.day("2024-05-10"))
        #expect(goals.goal(on: Days.day("2024-04-01")) == 45)
        #expect(goals.goal(on: Days.day("2024-05-09")) == 45)
        #expect(goals.goal(on: Days.day("2024-05-10")) == 60)
        #expect(goals.goal(on: Days.day("2024-06-01")) == 60)

        let minutes = [Days.day("2024-05-08"): 45, Days.day("2024-05-09"): 50, Days.day("2024-05-10"): 60]
        #expect(Streaks(minutes: minutes, goals: goals, today: Days.day("2024-05-10")).current == 3)
    }

    @Test func laterChangesOnlyMoveTheGoalFromTheirDay() {
        var goals = GoalHistory()
        goals.change(from: 45, to: 60, on: Days.day("2024-05-10"))
        goals.change(from: 60, to: 30, on: Days.day("2024-06-01"))
        #expect(goals.changes.map(\.minutes) == [45, 60, 30])
        #expect(goals.goal(on: Days.day("2024-05-31")) == 60)
        #expect(goals.goal(on: Days.day("2024-06-01")) == 30)
    }

    @Test func twoChangesOnOneDayKeepTheLast() {
        var goals = GoalHistory()
        goals.change(from: 45, to: 60, on: Days.day("2024-05-10"))
        goals.change(from: 60, to: 20, on: Days.day("2024-05-10"))
        #expect(goals.goal(on: Days.day("2024-05-09")) == 45)
        #expect(goals.goal(on: Days.day("2024-05-10")) == 20)
        goals.change(from: 20, to: 45, on: Days.day("2024-05-10"))
        #expect(goals.goal(on: Days.day("2024-05-10")) == 45)
    }

    @Test func noChangeRecordsNothingNew() {
        var goals = GoalHistory()
        goals.change(from: 45, to: 45, on: Days.day("2024-05-10"))
        #expect(goals.goal(on: Days.day("2024-01-01")) == 45)
        #expect(goals.changes.count <= 1)
    }
}
