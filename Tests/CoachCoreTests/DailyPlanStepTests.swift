import CoachCore
import Foundation
import Testing

/// The plan's session-sized steps: an item longer than a session is studied in parts,
/// the total stays within the goal, and the plan stays put while the learner works it.
@Suite("DailyPlan steps")
struct DailyPlanStepTests {
    static let today = DailyPlanTests.today

    static func settings(goal: Int, focus: String = "f") -> Settings {
        Settings(focusTrack: focus, dailyGoalMinutes: goal)
    }

    // MARK: The step of one item

    @Test func aLongItemIsStudiedInPartsOfASession() {
        // The example: a 10-hour item with 45 minutes spent, on a 45-minute day.
        let (minutes, step) = DailyPlan.step(estimate: 600, spent: 45, room: 45, session: 45)
        #expect(minutes == 45)
        #expect(step.partText == "part 2 of 14")
        #expect(step.remaining == 555)
        #expect(step.spentText == "45m of 10h")
    }

    @Test func theStepIsCutToTheRoomAndToWhatIsLeft() {
        #expect(DailyPlan.step(estimate: 600, spent: 0, room: 25, session: 45).minutes == 25)
        #expect(DailyPlan.step(estimate: 60, spent: 50, room: 45, session: 45).minutes == 10)
        let (_, last) = DailyPlan.step(estimate: 60, spent: 50, room: 45, session: 45)
        #expect(last.partText == "part 2 of 2")
    }

    @Test func aStepAcrossTwoPartsSaysBoth() {
        let (minutes, step) = DailyPlan.step(estimate: 600, spent: 30, room: 45, session: 45)
        #expect(minutes == 45)
        #expect(step.partText == "parts 1–2 of 14")
    }

    @Test func anItemOfOneSessionHasNoParts() {
        let (minutes, step) = DailyPlan.step(estimate: 30, spent: 0, room: 45, session: 45)
        #expect(minutes == 30)
        #expect(step.partText == nil)
    }

    @Test func anItemOverItsEstimateGetsOneMoreSession() {
        let (minutes, step) = DailyPlan.step(estimate: 60, spent: 90, room: 45, session: 45)
        #expect(minutes == 45)
        #expect(step.partText == "part 3 of 3")
        #expect(step.remaining == 0)
    }

    // MARK: In the plan

    @Test func theTotalMatchesTheGoalForALongFocusItem() {
        // Generative AI's 3-hour first item on a 45-minute day: "planned 180 of 45" no more.
        let plan = DailyPlanTests.plan(DailyPlanTests.reviewsTrackDone.merging(["f.1": "done@2024-01-01", "f.2": "done@2024-01-01",
                                                                                 "f.3": "skipped"]) { $1 },
                                       reviews: DailyPlanTests.notDue(), goal: 45)
        #expect(plan.totalMinutes == 45)
        #expect(plan.minutesOver == 0)
        #expect(plan.entries.map(\.minutes) == [45])
    }

    @Test func exploreShowsTheItemsTrueRemainingTime() {
        // Focus fills 40 of 45; the 5 left explore the first item of a 30-minute track.
        let plan = DailyPlanTests.plan(DailyPlanTests.reviewsTrackDone, reviews: DailyPlanTests.notDue())
        let explore = try! #require(plan.entries.last)
        #expect(explore.kind == .explore)
        #expect(explore.minutes == 5)
        #expect(explore.step?.remaining == 30, "the item still needs 30 minutes, though 5 are planned today")
        #expect(explore.step?.partText == nil)
    }

    @Test func timeSpentBeforeTodayMovesToTheNextPart() {
        var progress = DailyPlanTests.progress(DailyPlanTests.reviewsTrackDone.merging(
            ["f.1": "done@2024-01-01", "f.2": "done@2024-01-01", "f.3": "skipped"]) { $1 })
        progress.addMinutes(45, to: "f.4", on: Days.day("2024-04-30"), at: DailyPlanTests.noon("2024-04-30"))
        let plan = DailyPlan(curriculum: DailyPlanTests.curriculum, progress: progress, reviews: DailyPlanTests.notDue(),
                             settings: Self.settings(goal: 45), day: Self.today, timeZone: Days.utc)
        #expect(plan.entries[0].minutes == 15, "the last 15 minutes of the hour")
        #expect(plan.entries[0].step?.partText == "part 2 of 2")
        // 30 minutes left: f.5 (10) fits, then 20 explore the first of the tracks not started.
        #expect(plan.entries.map(\.itemID) == ["f.4", "f.5", "a.1"])
        #expect(plan.totalMinutes == 45)
    }

    @Test func theLearnersOwnEstimateSizesTheParts() {
        var progress = DailyPlanTests.progress(DailyPlanTests.reviewsTrackDone)
        progress.setEstimate(90, of: "f.1", at: DailyPlanTests.noon("2024-04-30"))
        let plan = DailyPlan(curriculum: DailyPlanTests.curriculum, progress: progress, reviews: DailyPlanTests.notDue(),
                             settings: Self.settings(goal: 45), day: Self.today, timeZone: Days.utc)
        #expect(plan.entries[0].minutes == 45)
        #expect(plan.entries[0].step?.partText == "part 1 of 2")
        #expect(plan.entries[0].step?.estimate == 90)
    }

    @Test func studyMoreAddsASessionToTheDay() {
        let progress = DailyPlanTests.progress(DailyPlanTests.reviewsTrackDone.merging(
            ["f.1": "done@2024-01-01", "f.2": "done@2024-01-01", "f.3": "skipped"]) { $1 })
        func plan(_ extra: Int) -> DailyPlan {
            DailyPlan(curriculum: DailyPlanTests.curriculum, progress: progress, reviews: DailyPlanTests.notDue(),
                      settings: Self.settings(goal: 45), day: Self.today, timeZone: Days.utc, extraSteps: extra)
        }
        #expect(plan(0).entries.map(\.minutes) == [45])
        // One more step: the rest of f.4 (15), f.5 (10), and 20 to explore.
        #expect(plan(1).entries.map(\.minutes) == [60, 10, 20])
        #expect(plan(1).entries[0].step?.partText == "parts 1–2 of 2")
        #expect(plan(1).totalMinutes == 90)
        #expect(plan(1).minutesOver == 45, "the plan says by how much it goes past the goal")
    }

    @Test func timeSpentTodayTicksTheStepAndThePlanDoesNotRefill() {
        var progress = DailyPlanTests.progress(DailyPlanTests.reviewsTrackDone.merging(
            ["f.1": "done@2024-01-01", "f.2": "done@2024-01-01", "f.3": "skipped"]) { $1 })
        let before = DailyPlan(curriculum: DailyPlanTests.curriculum, progress: progress, reviews: DailyPlanTests.notDue(),
                               settings: Self.settings(goal: 45), day: Self.today, timeZone: Days.utc)
        progress.addMinutes(45, to: "f.4", on: Self.today, at: DailyPlanTests.noon("2024-05-01"))
        let after = DailyPlan(curriculum: DailyPlanTests.curriculum, progress: progress, reviews: DailyPlanTests.notDue(),
                              settings: Self.settings(goal: 45), day: Self.today, timeZone: Days.utc)
        #expect(after.entries.map(\.itemID) == before.entries.map(\.itemID))
        #expect(after.entries.map(\.minutes) == before.entries.map(\.minutes))
        #expect(after.isDone)
        #expect(after.entries[0].step?.spentText == "45m of 1h")
    }

    // MARK: Properties over random curricula and goals

    /// A curriculum of 2–5 tracks of 1–8 items, each of 5 minutes to 12 hours, and a
    /// progress of random statuses and time spent before today.
    static func randomCase(_ random: inout SeededRandom) -> (Curriculum, ProgressBook, Settings) {
        let lengths = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 720]
        var tracks: [Track] = []
        for t in 0..<(2 + random.next(below: 4)) {
            let items = (0..<(1 + random.next(below: 8))).map { i in
                Item(id: "t\(t).\(i)", title: "T\(t) \(i)", summary: "", minutes: lengths[random.next(below: lengths.count)])
            }
            tracks.append(Track(id: "t\(t)", title: "Track \(t)", sections: [Section(title: "S", items: items)]))
        }
        let curriculum = Curriculum(tracks: tracks)
        var progress = ProgressBook()
        let past = DailyPlanTests.noon("2024-01-01")
        for track in tracks {
            for item in track.items {
                switch random.next(below: 6) {
                case 0: progress.setStatus(.skipped, of: item.id, at: past)
                case 1: progress.setStatus(.doing, of: item.id, at: past)
                default: break
                }
                if random.next(below: 3) == 0 {
                    progress.addMinutes(1 + random.next(below: item.minutes), to: item.id, on: Days.day("2024-04-20"), at: past)
                }
                if random.next(below: 5) == 0 { progress.setEstimate(lengths[random.next(below: lengths.count)], of: item.id, at: past) }
            }
        }
        let goal = Settings.goalRange.lowerBound + random.next(below: Settings.goalRange.count)
        let settings = Settings(focusTrack: tracks[random.next(below: tracks.count)].id, dailyGoalMinutes: goal)
        return (curriculum, progress, settings)
    }

    static func plan(_ c: (Curriculum, ProgressBook, Settings), extra: Int = 0) -> DailyPlan {
        DailyPlan(curriculum: c.0, progress: c.1, reviews: ReviewBook(), settings: c.2, day: today, timeZone: Days.utc,
                  extraSteps: extra)
    }

    @Test func neverOverTheGoalAndNeverAStepLongerThanASession() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<500 {
            let input = Self.randomCase(&random)
            let plan = Self.plan(input)
            let goal = input.2.dailyGoalMinutes
            #expect(plan.totalMinutes <= goal, "planned \(plan.totalMinutes) of \(goal)")
            #expect(plan.minutesOver == 0)
            for entry in plan.entries {
                let step = try! #require(entry.step)
                #expect(entry.minutes >= 1 && entry.minutes <= DailyPlan.sessionMinutes(goal: goal))
                #expect(entry.minutes <= max(step.remaining, DailyPlan.sessionMinutes(goal: goal)))
            }
            let focus = input.0.track(id: input.2.focusTrack!)!
            let open = focus.items.contains { [.todo, .doing].contains(input.1.status(of: $0.id)) }
            #expect(plan.entries.contains { $0.kind == .focus } == open, "there is always something to do")
        }
    }

    @Test func sameInputSamePlan() {
        var random = SeededRandom(seed: 2026)
        for _ in 0..<300 {
            let input = Self.randomCase(&random)
            // The same book built again, in another order, plans the same.
            let rebuilt = ProgressBook(items: Dictionary(uniqueKeysWithValues: input.1.items.reversed()))
            #expect(Self.plan(input) == Self.plan((input.0, rebuilt, input.2)))
        }
    }

    @Test func workingThroughThePlanNeverGoesMoreThanOneStepOver() {
        var random = SeededRandom(seed: 45)
        for _ in 0..<300 {
            var input = Self.randomCase(&random)
            let extra = random.next(below: 3)
            let plan = Self.plan(input, extra: extra)
            // The learner does each step (sometimes a little more) and marks some items done.
            for entry in plan.entries {
                input.1.addMinutes(entry.minutes + (random.next(below: 4) == 0 ? 5 : 0), to: entry.itemID, on: Self.today,
                                   at: DailyPlanTests.noon("2024-05-01"))
                if random.next(below: 2) == 0 { input.1.setStatus(.done, of: entry.itemID, at: DailyPlanTests.noon("2024-05-01")) }
            }
            let after = Self.plan(input, extra: extra)
            #expect(after.isDone || after.entries.isEmpty, "the plan does not refill: \(DailyPlanTests.lines(plan)) → \(DailyPlanTests.lines(after)) goal \(input.2.dailyGoalMinutes)")
            #expect(after.entries.map(\.itemID) == plan.entries.map(\.itemID))
            let reach = input.2.dailyGoalMinutes + extra * DailyPlan.sessionMinutes(goal: input.2.dailyGoalMinutes)
            let longest = after.entries.map(\.minutes).max() ?? 0
            #expect(after.totalMinutes <= reach + longest, "at most one step over")
        }
    }
}
