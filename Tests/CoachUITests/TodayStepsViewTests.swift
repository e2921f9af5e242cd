import CoachCore
import Foundation
import Testing
@testable import CoachUI

/// Today at 80×24 with study steps: the part, the time spent of the estimate (growing
/// while the timer runs on the row), the total over the goal, and the plan done.
@Suite struct TodayStepsViewTests {
    typealias F = TodayFixtures

    static let rag = DailyPlan.Step(firstPart: 2, lastPart: 2, parts: 14, spent: 190, estimate: 600, remaining: 410)

    static func plan(over: Bool = false, finished: Bool = false) -> DailyPlan {
        DailyPlan(entries: [
            .init(kind: .review, itemID: "genai.evals", minutes: 10, finished: finished),
            .init(kind: .focus, itemID: "genai.rag", minutes: over ? 55 : 45, finished: finished, step: rag),
            .init(kind: .explore, itemID: "career.cafe", minutes: 5, finished: finished,
                  step: .init(firstPart: 1, lastPart: 1, parts: 1, spent: 0, estimate: 30, remaining: 30)),
        ], goal: 60)
    }

    @Test func aStepShowsItsPartAndTheTimeSpentOfTheEstimate() {
        let lines = F.render(F.model(plan: Self.plan(), selected: 1)).lines
        #expect(lines[7] == "   [ ] ↻ review   Evaluating model output                                   10m")
        #expect(lines[8] == " ▸ [ ] ★ focus    Retrieval-augmented generat… part 2 of 14 · 3h10 of 10h   45m")
        #expect(lines[9] == "   [ ] ◇ explore  Café 日本語 meetup                            0m of 30m    5m")
        #expect(lines[11].hasSuffix("Total 1h of 1h goal"))
    }

    @Test func theSelectedRowsTimeGrowsWhileTheTimerRunsOnIt() {
        let timer = SessionTimer.start(at: F.now.addingTimeInterval(-20 * 60), studying: "genai.rag")
        let lines = F.render(F.model(plan: Self.plan(), timer: timer, selected: 1)).lines
        #expect(lines[8].contains("part 2 of 14 · 3h30 of 10h"), "190 + 20 minutes")
        #expect(lines[9].contains("0m of 30m"), "not the row studied")
    }

    @Test func aPlanOverTheGoalSaysByHowMuch() {
        let lines = F.render(F.model(plan: Self.plan(over: true), selected: 1)).lines
        #expect(lines[11].hasSuffix("Total 1h10 of 1h goal · 10m over"))
    }

    @Test func aDonePlanOffersMoreAndReviewAhead() {
        let lines = F.render(F.model(plan: Self.plan(finished: true), selected: 1)).lines
        #expect(lines[12].contains("Today's plan is done ✓ · m: one more step · R: review ahead"))
    }
}
