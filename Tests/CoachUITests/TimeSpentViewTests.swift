import CoachCore
import Foundation
import Testing
@testable import CoachUI

/// Time spent at 80×24: "3h10 of 10h" on Tracks and in the detail, the question to log
/// an estimate, and the sharing of a session among its items.
@Suite struct TimeSpentViewTests {
    static func state(spent: Int, estimate: Int? = nil) -> AppState {
        var progress = ProgressBook()
        progress.addMinutes(spent, to: "alpha.two", on: StudyDay(Fixtures.day, in: .utc), at: Fixtures.day)
        if let estimate { progress.setEstimate(estimate, of: "alpha.two", at: Fixtures.day) }
        var state = AppState(curriculum: Fixtures.curriculum, progress: progress, viewport: Size(rows: 24, cols: 80))
        state.screen = .tracks
        Fixtures.apply([.focusRight, .moveDown], to: &state)
        return state
    }

    @Test func tracksShowsTheTimeSpentOfTheEstimate() {
        let lines = render(Self.state(spent: 190, estimate: 600), size: Size(rows: 24, cols: 80)).lines
        #expect(lines[4] == "                             │   [ ] Café 日本語                    3h10 of 10h")
        #expect(lines[3].hasSuffix("30m"), "an item with no time shows its estimate")
    }

    @Test func theDetailSaysTheTimeAndWhoseEstimateItIs() {
        var state = Self.state(spent: 45, estimate: 120)
        Fixtures.apply([.open], to: &state)
        let text = render(state, size: Size(rows: 24, cols: 80)).lines.joined(separator: "\n")
        #expect(text.contains("Status: todo   Time: 45m of 2h"))
        #expect(text.contains("Your estimate (shipped: 1h30): t changes it"))
    }

    @Test func theQuestionToLogAnEstimateIsAboveTheKeyBar() {
        var state = AppState(curriculum: Fixtures.curriculum, progress: ProgressBook(),
                             settings: Settings(focusTrack: "alpha", dailyGoalMinutes: 45), viewport: Size(rows: 24, cols: 80))
        state.screen = .today
        Fixtures.apply([.resize(Size(rows: 24, cols: 80)), .markDone], to: &state)
        let lines = render(state, size: Size(rows: 24, cols: 80)).lines
        let row = try! #require(lines.firstIndex { $0.contains("No time logged") })
        #expect(lines[row].hasPrefix(" No time logged on \"First thing\": log its estimate, 30m, for today? y/n"))
        #expect(row == 22, "above the key bar")
        #expect(lines[23].contains("y log the estimate") && lines[23].contains("n no time"))
    }

    @Test func theSplitListsEachItemsMinutesAndWhatIsLeft() {
        var state = AppState(curriculum: Fixtures.curriculum, progress: ProgressBook(),
                             settings: Settings(focusTrack: "alpha", dailyGoalMinutes: 45), viewport: Size(rows: 24, cols: 80))
        state.screen = .today
        let day = StudyDay(Fixtures.day, in: .utc)
        state.open(.sessionSplit(SessionSplit(day: day, minutes: 50, shares: [("alpha.one", 30), ("alpha.two", 20)])))
        Fixtures.apply([.focusLeft], to: &state)
        let lines = render(state, size: Size(rows: 24, cols: 80)).lines
        let top = try! #require(lines.firstIndex { $0.hasPrefix(" Share the 50m session among its items:") })
        #expect(lines[top + 1].hasPrefix(" ▸ First thing") && lines[top + 1].hasSuffix("29m"))
        #expect(lines[top + 2].hasPrefix("   Café 日本語") && lines[top + 2].hasSuffix("20m"))
        #expect(lines[top + 3].hasPrefix("   not credited to an item: 1m"))
        #expect(top + 3 == 22, "just above the key bar")
        #expect(lines[23].contains("←→ minutes") && lines[23].contains("Esc by time"))
    }
}
