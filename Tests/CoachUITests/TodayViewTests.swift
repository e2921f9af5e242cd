import CoachCore
import Foundation
import Testing
@testable import CoachUI

/// A fixed day, 2026-11-23 (a Monday) at 10:00 UTC, and a plan with every kind of entry.
enum TodayFixtures {
    static let utc = TimeZoneRules.utc
    static let today = StudyDay(year: 2026, month: 11, day: 23)!
    static let now = today.start(in: utc).addingTimeInterval(10 * 3600)

    static let titles = [
        "genai.prompting": "Prompt engineering",
        "genai.evals": "Evaluating model output",
        "genai.rag": "Retrieval-augmented generation",
        "genai.agents": "Agents and tool use",
        "career.cafe": "Café 日本語 meetup",
    ]

    static let plan = DailyPlan(entries: [
        .init(kind: .review, itemID: "genai.prompting", minutes: 10, finished: true),
        .init(kind: .review, itemID: "genai.evals", minutes: 10),
        .init(kind: .focus, itemID: "genai.rag", minutes: 30),
        .init(kind: .explore, itemID: "career.cafe", minutes: 10),
    ], goal: 60, reviewsDue: 2, reviewsWaiting: 1)

    static func model(plan: DailyPlan = plan, timer: SessionTimer? = nil, streak: Streaks = Streaks(current: 5, longest: 12),
                      minutesToday: Int = 20, selected: Int = 2, focus: String? = "Generative AI") -> TodayModel {
        TodayModel(plan: plan, titles: titles, timer: timer, now: now, streak: streak, minutesToday: minutesToday,
                   list: ListCursor(selected: selected), focusTrackTitle: focus)
    }

    /// The view between a title row and a key-bar row, as the app frames it.
    static func render(_ model: TodayModel, rows: Int = 24, cols: Int = 80) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(rows: rows, cols: cols))
        TodayView.draw(model, in: Rect(buffer.size, top: 1, bottom: rows - 1), into: &buffer)
        return buffer
    }

    /// A timer started `seconds` before `now`, still running.
    static func running(_ seconds: TimeInterval) -> SessionTimer {
        SessionTimer.start(at: now.addingTimeInterval(-seconds))
    }
}

@Suite struct TodayViewTests {
    typealias F = TodayFixtures

    @Test func rendersTheWholeScreenAt80x24() {
        var timer = F.running(12 * 60 + 34)
        timer.touch("genai.rag")
        let lines = F.render(F.model(timer: timer)).lines
        #expect(Array(lines[0...13]) == [
            "",
            " Streak 5 days · longest 12 days                                ↻ 2 reviews due",
            " Today  20m of 1h  █████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░ 33%",
            "",
            " Session  12:34  running · s pauses · f finishes                 1 item touched",
            "",
            " Today's plan · focus: Generative AI",
            "   [x] ↻ review   Prompt engineering                                        10m",
            "   [ ] ↻ review   Evaluating model output                                   10m",
            " ▸ [ ] ★ focus    Retrieval-augmented generation                            30m",
            "   [ ] ◇ explore  Café 日本語 meetup                                        10m",
            " ──────────────────────────────────────────────────────────────────────────────",
            " 1 of 4 done · 10m                                          Total 1h of 1h goal",
            " ↻ 1 more review waits for another day: reviews take at most half the goal.",
        ])
        #expect(lines[14...].allSatisfy { $0.isEmpty })
    }

    @Test func aWideWindowKeepsRowsReadable() {
        let buffer = F.render(F.model(timer: F.running(754)), rows: 48, cols: 160)
        let lines = buffer.lines
        #expect(lines[1] == " Streak 5 days · longest 12 days" + String(repeating: " ", count: 54) + "↻ 2 reviews due")
        #expect(lines[4] == " Session  12:34  running · s pauses · f finishes")
        #expect(lines[9] == " ▸ [ ] ★ focus    Retrieval-augmented generation" + String(repeating: " ", count: 50) + "30m")
        #expect(lines[12].hasSuffix("Total 1h of 1h goal"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 1 + TodayView.maxWidth })
    }

    @Test func selectedRowIsHighlighted() {
        let buffer = F.render(F.model(selected: 1))
        #expect(buffer.line(8).hasPrefix(" ▸ [ ] ↻ review"))
        #expect((1...78).allSatisfy { buffer[8, $0].style.reverse })
        #expect(!buffer[7, 5].style.reverse && !buffer[9, 5].style.reverse)
        #expect(buffer[7, 3].style.role == .good, "a finished entry's tick")
    }

    @Test func selectionPastTheEndSelectsTheLastEntry() {
        let buffer = F.render(F.model(selected: 99))
        #expect(buffer.line(10).hasPrefix(" ▸ [ ] ◇ explore"))
    }

    @Test func estimatesLineUpWhateverTheTitlesCharacters() {
        let buffer = F.render(F.model())
        #expect(DisplayWidth.of(buffer.line(9)) == DisplayWidth.of(buffer.line(10)))
        #expect(buffer[10, 23].text == "日")
        #expect(buffer[10, 24].text == "")
    }

    @Test func timerFormats() {
        #expect(TodayView.clock(0) == "00:00")
        #expect(TodayView.clock(59.9) == "00:59")
        #expect(TodayView.clock(754) == "12:34")
        #expect(TodayView.clock(3599) == "59:59")
        #expect(TodayView.clock(3600) == "1:00:00")
        #expect(TodayView.clock(3723) == "1:02:03")
        #expect(TodayView.clock(36_000 + 5) == "10:00:05")
        #expect(TodayView.clock(-5) == "00:00")
        #expect(TodayView.clock(.nan) == "00:00")
        #expect(TodayView.clock(.infinity) == "00:00")
    }

    @Test func timerOverAnHourShowsHours() {
        let lines = F.render(F.model(timer: F.running(3723))).lines
        #expect(lines[4] == " Session  1:02:03  running · s pauses · f finishes")
    }

    @Test func pausedTimerSaysSo() {
        var timer = F.running(600)
        timer.pause(at: F.now.addingTimeInterval(-120))
        let buffer = F.render(F.model(timer: timer))
        #expect(buffer.line(4) == " Session  08:00  paused · s resumes · f finishes")
        #expect(buffer[4, 10].style.role == .warn)
    }

    @Test func noTimerSaysHowToStart() {
        #expect(F.render(F.model(timer: nil)).line(4) == " Session  press s to start")
    }

    @Test func emptyPlanShowsTheNoticeInPlaceOfTheList() {
        let plan = DailyPlan(entries: [], goal: 45, notice: .noFocus)
        let lines = F.render(F.model(plan: plan, streak: Streaks(), minutesToday: 0, focus: nil)).lines
        #expect(Array(lines[1...8]) == [
            " Streak 0 days · longest 0 days                                  no reviews due",
            " Today  0m of 45m  ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 0%",
            "",
            " Session  press s to start",
            "",
            " Today's plan",
            " Choose a focus track: press f on the Tracks screen or run coach settings",
            " --focus TRACK",
        ])
        #expect(lines[9...].allSatisfy { $0.isEmpty }, "no rule and no total under an empty list")
    }

    @Test func emptyPlanWithoutNotice() {
        let lines = F.render(F.model(plan: DailyPlan(entries: [], goal: 45))).lines
        #expect(lines[7] == " Nothing to plan today: every track is finished or skipped.")
    }

    @Test func noticeFollowsTheTotalWhenThereAreEntries() {
        let plan = DailyPlan(entries: [.init(kind: .review, itemID: "genai.evals", minutes: 10)], goal: 45,
                             reviewsDue: 1, notice: .focusFinished("Generative AI"))
        let lines = F.render(F.model(plan: plan, selected: 0)).lines
        #expect(lines[7] == " ▸ [ ] ↻ review   Evaluating model output                                   10m")
        #expect(lines[9] == " 0 of 1 done · 0m                                         Total 10m of 45m goal")
        #expect(lines[10] == " Generative AI is finished. Choose the next focus track: press f on the Tracks")
        #expect(lines[11] == " screen or run coach settings --focus TRACK")
    }

    @Test func streakAtRiskAndGoalReached() {
        let atRisk = F.render(F.model(streak: Streaks(current: 3, longest: 9, atRisk: true))).lines
        #expect(atRisk[1] == " Streak 3 days · longest 9 days · at risk: reach the goal today to keep it")
        let done = F.render(F.model(streak: Streaks(current: 4, longest: 9, todayCounts: true), minutesToday: 75)).lines
        #expect(done[1].hasPrefix(" Streak 4 days · longest 9 days · today counts ✓"))
        #expect(done[2] == " Today  1h15 of 1h  ██████████████████████████████████████ 125%  goal reached ✓")
    }

    @Test func zeroGoalNeverShowsNaN() {
        let plan = DailyPlan(entries: [], goal: 0)
        let nothing = F.render(TodayModel(plan: plan, titles: [:], timer: nil, now: F.now, streak: Streaks(), minutesToday: 0))
        #expect(nothing.line(2) == " Today  0m of 0m  ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 0%")
        let some = F.render(TodayModel(plan: plan, titles: [:], timer: nil, now: F.now, streak: Streaks(), minutesToday: 10))
        #expect(some.line(2).hasSuffix("100%  goal reached ✓"))
        #expect(!nothing.text.lowercased().contains("nan") && !some.text.lowercased().contains("nan"))
    }

    @Test func longPlansScrollToTheSelection() {
        let entries = (1...30).map { DailyPlan.Entry(kind: .focus, itemID: "long.i\($0)", minutes: 5) }
        let plan = DailyPlan(entries: entries, goal: 150)
        let lines = F.render(F.model(plan: plan, selected: 25)).lines
        // Rows 7...20 hold 14 entries; the rule and total take 21 and 22.
        #expect(lines[6].hasSuffix("13–26 of 30"))
        #expect(lines[7].contains("long.i13"))
        #expect(lines[20].hasPrefix(" ▸ [ ] ★ focus    long.i26"))
        #expect(lines[22].hasSuffix("Total 2h30 of 2h30 goal"))
    }

    @Test func titlesComeFromTheCurriculum() {
        let plan = DailyPlan(entries: [.init(kind: .focus, itemID: "alpha.two", minutes: 90),
                                       .init(kind: .explore, itemID: "gone.item", minutes: 5)], goal: 90)
        let model = TodayModel(plan: plan, curriculum: Fixtures.curriculum, timer: nil, now: F.now, streak: Streaks(),
                               minutesToday: 0)
        let lines = F.render(model).lines
        #expect(lines[7].hasPrefix(" ▸ [ ] ★ focus    Café 日本語 "))
        #expect(lines[7].hasSuffix("1h30"))
        #expect(lines[8].hasPrefix("   [ ] ◇ explore  gone.item "), "an id the curriculum lacks is shown as itself")
    }

    @Test func smallestWindowKeepsTheLayout() {
        let lines = F.render(F.model(timer: F.running(754)), rows: 16, cols: 60).lines
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
        #expect(lines[9] == " ▸ [ ] ★ focus    Retrieval-augmented generation        30m")
        #expect(lines[12].hasSuffix("Total 1h of 1h goal"))
        #expect(lines[15].isEmpty, "the key bar's row is the caller's")
    }
}
