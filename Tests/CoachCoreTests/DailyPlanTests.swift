import CoachCore
import Foundation
import Testing

@Suite("DailyPlan")
struct DailyPlanTests {
    static let today = Days.day("2024-05-01")

    /// Tracks in order: f, titled Focus (f.1 20, f.2 20, f.3 30, f.4 60, f.5 10), a (a.1–a.3, 30
    /// each), b (b.1–b.3, 40 each), c (c.1, 15), r (for reviews: r.1 20, r.2 60, r.3 240,
    /// r.4 100, r.5 8).
    static let curriculum: Curriculum = {
        func track(_ id: String, _ title: String, _ minutes: [Int]) -> Track {
            Track(id: id, title: title, sections: [Section(title: "S", items: minutes.enumerated().map { index, minutes in
                Item(id: "\(id).\(index + 1)", title: "\(title) \(index + 1)", summary: "", minutes: minutes)
            })])
        }
        return Curriculum(tracks: [
            track("f", "Focus", [20, 20, 30, 60, 10]),
            track("a", "Track A", [30, 30, 30]),
            track("b", "Track B", [40, 40, 40]),
            track("c", "Track C", [15]),
            track("r", "Reviews", [20, 60, 240, 100, 8]),
        ])
    }()

    /// Noon UTC of a day.
    static func noon(_ text: String) -> Date {
        Days.day(text).start(in: Days.utc).addingTimeInterval(12 * 3_600)
    }

    /// Statuses; "done@YYYY-MM-DD" is done on that day.
    static func progress(_ statuses: [String: String]) -> ProgressBook {
        var book = ProgressBook()
        for (id, value) in statuses.sorted(by: { $0.key < $1.key }) {
            if value.hasPrefix("done@") {
                book.setStatus(.done, of: id, at: noon(String(value.dropFirst(5))))
            } else {
                book.setStatus(ItemStatus(rawValue: value)!, of: id, at: noon("2024-01-01"))
            }
        }
        return book
    }

    /// Every item of track r done long ago, so it is out of the explore picks.
    static let reviewsTrackDone = ["r.1": "done@2023-01-01", "r.2": "done@2023-01-01", "r.3": "done@2023-01-01",
                                   "r.4": "done@2023-01-01", "r.5": "done@2023-01-01"]

    static func plan(_ statuses: [String: String] = [:], reviews: ReviewBook = ReviewBook(),
                     focus: String? = "f", goal: Int = 45, day: StudyDay = today,
                     curriculum: Curriculum = curriculum) -> DailyPlan {
        DailyPlan(curriculum: curriculum, progress: progress(statuses), reviews: reviews,
                  settings: Settings(focusTrack: focus, dailyGoalMinutes: goal), day: day, timeZone: Days.utc)
    }

    /// "kind id minutes", with "✓" for finished entries.
    static func lines(_ plan: DailyPlan) -> [String] {
        plan.entries.map { "\($0.kind) \($0.itemID) \($0.minutes)\($0.finished ? " ✓" : "")" }
    }

    /// Every item reviewed (easy) on 04-30, so that none done before is due today: for
    /// the tests that are not about reviews.
    static func notDue() -> ReviewBook {
        var book = ReviewBook()
        for id in curriculum.allItemIDs {
            book.record(.easy, for: id, on: Days.day("2024-04-30"), doneOn: Days.day("2023-01-01"))
        }
        return book
    }

    // MARK: Focus

    @Test func focusItemsInOrderUntilTheGoalIsFilledThenExplore() {
        let plan = Self.plan(Self.reviewsTrackDone, reviews: Self.notDue())
        // 20 + 20 = 40; f.3 (30) would pass 45; 5 minutes left for a.1.
        #expect(Self.lines(plan) == ["focus f.1 20", "focus f.2 20", "explore a.1 5"])
        #expect(plan.totalMinutes == 45)
        #expect(plan.goal == 45)
        #expect(plan.notice == nil)
        #expect(plan.message == nil)
    }

    @Test func theFirstOpenItemComesInEvenWhenItAloneIsOverTheGoal() {
        let statuses = Self.reviewsTrackDone.merging(["f.1": "done@2024-01-01", "f.2": "done@2024-01-01", "f.3": "skipped"]) { $1 }
        let plan = Self.plan(statuses, reviews: Self.notDue())
        // Longer than a session (the goal): studied in parts, the first 45 minutes today.
        #expect(Self.lines(plan) == ["focus f.4 45"], "a part fills the day: no explore")
        #expect(plan.totalMinutes == 45)
        #expect(plan.entries[0].step == DailyPlan.Step(firstPart: 1, lastPart: 1, parts: 2, spent: 0, estimate: 60, remaining: 60))
        #expect(plan.entries[0].step?.partText == "part 1 of 2")
    }

    @Test func theFirstItemThatDoesNotFitEndsTheFocusItems() {
        let statuses = Self.reviewsTrackDone.merging(["f.1": "done@2024-01-01", "f.2": "done@2024-01-01"]) { $1 }
        let plan = Self.plan(statuses, reviews: Self.notDue())
        // f.3 30; f.4 (60) does not fit, and f.5 (10) after it is not taken out of order.
        #expect(Self.lines(plan) == ["focus f.3 30", "explore a.1 15"])
    }

    @Test func doingItemsAreOpenAndDoneOrSkippedItemsAreNot() {
        let statuses = Self.reviewsTrackDone.merging(["f.1": "doing", "f.2": "skipped", "f.3": "done@2024-02-01"]) { $1 }
        let plan = Self.plan(statuses, reviews: Self.notDue(), goal: 85)
        #expect(Self.lines(plan) == ["focus f.1 20", "focus f.4 60", "explore a.1 5"])
    }

    // MARK: Explore

    @Test func exploreTakesTheLeastProgressedOtherTrack() {
        var statuses = Self.reviewsTrackDone
        statuses["a.1"] = "done@2024-01-01"  // a 1/3
        statuses["b.1"] = "done@2024-01-01"  // b 1/3
        statuses["c.1"] = "done@2024-01-01"  // c 1/1: nothing open
        let tie = Self.plan(statuses, reviews: Self.notDue(), goal: 60)
        #expect(Self.lines(tie).last == "explore a.2 20", "a and b tie at 1/3: a comes first")

        statuses["a.3"] = "skipped"  // a 1/2 now, ahead of b
        let plan = Self.plan(statuses, reviews: Self.notDue(), goal: 60)
        #expect(Self.lines(plan) == ["focus f.1 20", "focus f.2 20", "explore b.2 20"])
    }

    @Test func aTrackNotStartedIsTheLeastProgressed() {
        var statuses = Self.reviewsTrackDone
        statuses["a.1"] = "done@2024-01-01"
        statuses["b.1"] = "done@2024-01-01"
        let plan = Self.plan(statuses, reviews: Self.notDue(), goal: 60)
        #expect(Self.lines(plan).last == "explore c.1 15", "c is at 0%, and its 15 minutes fit")
    }

    @Test func noExploreWithUnderFiveMinutesLeft() {
        var statuses = Self.reviewsTrackDone
        statuses["f.1"] = "skipped"  // f.2 20 + f.3 30 = 50 of 52
        let plan = Self.plan(statuses, reviews: Self.notDue(), goal: 52)
        #expect(Self.lines(plan) == ["focus f.2 20", "focus f.3 30"])
    }

    // MARK: Reviews

    @Test func reviewMinutesRule() {
        func item(_ minutes: Int) -> Item { Item(id: "x", title: "X", summary: "", minutes: minutes) }
        #expect(DailyPlan.reviewMinutes(item(8), goal: 45) == 5, "at least 5")
        #expect(DailyPlan.reviewMinutes(item(20), goal: 45) == 5)
        #expect(DailyPlan.reviewMinutes(item(60), goal: 45) == 15, "a quarter")
        #expect(DailyPlan.reviewMinutes(item(90), goal: 45) == 22, "a quarter, 22")
        #expect(DailyPlan.reviewMinutes(item(240), goal: 45) == 22, "trimmed to half the goal")
        #expect(DailyPlan.reviewMinutes(item(240), goal: 200) == 60)
        #expect(DailyPlan.reviewMinutes(item(20), goal: 10) == 5)
        #expect(DailyPlan.reviewMinutes(item(20), goal: 9) == nil, "no time for reviews under a goal of 10")
    }

    @Test func dueReviewsComeFirstOldestFirstWithinHalfTheGoal() {
        // r.2 due 04-03 (15 min), r.1 04-04 (5), r.3 04-05 (22), r.5 04-06 (5), r.4 04-07 (22).
        let statuses = ["r.2": "done@2024-04-02", "r.1": "done@2024-04-03", "r.3": "done@2024-04-04",
                        "r.5": "done@2024-04-05", "r.4": "done@2024-04-06"]
        let plan = Self.plan(statuses)
        // 15 + 5 = 20 of 22; r.3 and r.4 do not fit, r.5 (5) would make 25.
        #expect(Array(Self.lines(plan).prefix(2)) == ["review r.2 15", "review r.1 5"])
        #expect(plan.reviewsDue == 5)
        #expect(plan.reviewsWaiting == 3)
        #expect(Array(Self.lines(plan).dropFirst(2)) == ["focus f.1 20", "explore a.1 5"])
        #expect(plan.totalMinutes == 45)
    }

    @Test func reviewsNeverTakeMoreThanHalfTheGoal() {
        for goal in [10, 15, 45, 46, 60, 95, 600] {
            var statuses: [String: String] = [:]
            for (offset, id) in ["r.1", "r.2", "r.3", "r.4", "r.5"].enumerated() {
                statuses[id] = "done@2024-03-\(10 + offset)"
            }
            let plan = Self.plan(statuses, goal: goal)
            let reviewMinutes = plan.entries.filter { $0.kind == .review }.reduce(0) { $0 + $1.minutes }
            #expect(reviewMinutes * 2 <= goal, "goal \(goal)")
            #expect(reviewMinutes > 0, "the oldest review always fits, goal \(goal)")
        }
    }

    @Test func theOldestReviewIsTrimmedToFitRatherThanWaitingForever() {
        let plan = Self.plan(["r.3": "done@2024-04-01", "r.1": "done@2024-04-02"])
        #expect(Array(Self.lines(plan).prefix(1)) == ["review r.3 22"])
        #expect(plan.reviewsWaiting == 1)
    }

    @Test func aMissedWeekDoesNotBuryTheLearner() {
        let many = Track(id: "many", title: "Many", sections: [Section(title: "S", items: (1...30).map {
            Item(id: "many.\($0)", title: "Many \($0)", summary: "", minutes: 20)
        })])
        let curriculum = Curriculum(tracks: Self.curriculum.tracks + [many])
        var statuses: [String: String] = [:]
        for index in 1...30 { statuses["many.\(index)"] = "done@2024-04-\(String(format: "%02d", index % 28 + 1))" }
        let plan = Self.plan(statuses, curriculum: curriculum)
        let reviews = plan.entries.filter { $0.kind == .review }
        #expect(reviews.map(\.itemID) == ["many.28", "many.1", "many.29", "many.2"], "the four oldest, 5 minutes each")
        #expect(plan.reviewsDue == 30)
        #expect(plan.reviewsWaiting == 26)
        #expect(plan.entries.contains { $0.kind == .focus }, "new material still comes")
    }

    @Test func aGoalUnderTenLeavesNoTimeForReviews() {
        let plan = Self.plan(["r.1": "done@2024-04-01"], goal: 5)
        #expect(!plan.entries.contains { $0.kind == .review })
        #expect(plan.reviewsDue == 1)
        #expect(plan.reviewsWaiting == 1)
        #expect(Self.lines(plan) == ["focus f.1 5"], "a 5-minute part of the 20-minute item")
        #expect(plan.entries[0].step?.partText == "part 1 of 4")
    }

    @Test func reviewsOfItemsTheCurriculumNoLongerHasAreLeftOut() {
        let plan = Self.plan(["gone.item": "done@2024-04-01", "r.1": "done@2024-04-02"])
        #expect(plan.entries.filter { $0.kind == .review }.map(\.itemID) == ["r.1"])
        #expect(plan.reviewsDue == 1)
    }

    // MARK: Finished today

    @Test func itemsFinishedTodayStayTickedAndThePlanDoesNotRefill() {
        var statuses = Self.reviewsTrackDone
        let before = Self.plan(statuses, reviews: Self.notDue())
        statuses["f.1"] = "done@2024-05-01"
        let one = Self.plan(statuses, reviews: Self.notDue())
        #expect(Self.lines(one) == ["focus f.1 20 ✓", "focus f.2 20", "explore a.1 5"])
        #expect(one.entries.map(\.itemID) == before.entries.map(\.itemID))
        statuses["f.2"] = "done@2024-05-01"
        statuses["a.1"] = "done@2024-05-01"
        let all = Self.plan(statuses, reviews: Self.notDue())
        // The explore step keeps the 5 minutes it was planned for: the totals stay those of the plan.
        #expect(Self.lines(all) == ["focus f.1 20 ✓", "focus f.2 20 ✓", "explore a.1 5 ✓"], "a day can be done")
        #expect(all.totalMinutes == before.totalMinutes)
    }

    @Test func aReviewDoneTodayStaysTicked() {
        var reviews = ReviewBook()
        reviews.record(.good, for: "r.2", on: Self.today, doneOn: Days.day("2024-04-20"))
        let plan = Self.plan(["r.2": "done@2024-04-20", "r.1": "done@2024-04-25"], reviews: reviews)
        // r.2 reviewed (15) counts first; r.1 (5) still fits in 22.
        #expect(Array(Self.lines(plan).prefix(2)) == ["review r.2 15 ✓", "review r.1 5"])
        #expect(plan.reviewsDue == 1)
    }

    // MARK: Notices

    @Test func withoutAFocusTrackThePlanSaysHowToChooseOne() {
        let plan = Self.plan(["r.1": "done@2024-04-01"], focus: nil)
        #expect(plan.notice == .noFocus)
        #expect(plan.message == "Choose a focus track: press f on the Tracks screen or run coach settings --focus TRACK")
        #expect(Self.lines(plan) == ["review r.1 5"], "reviews still come")
    }

    @Test func anUnknownFocusTrackIsNamed() {
        let plan = Self.plan(focus: "gone")
        #expect(plan.notice == .unknownFocus("gone"))
        #expect(plan.message?.contains("\"gone\"") == true)
        #expect(plan.message?.contains("coach settings --focus TRACK") == true)
        #expect(plan.entries.isEmpty)
    }

    @Test func aFinishedFocusTrackAsksForTheNextAndStillExplores() {
        var statuses = Self.reviewsTrackDone
        for id in ["f.1", "f.2", "f.3", "f.4"] { statuses[id] = "done@2024-01-01" }
        statuses["f.5"] = "skipped"
        let plan = Self.plan(statuses, reviews: Self.notDue())
        #expect(plan.notice == .focusFinished("Focus"))
        #expect(plan.message == "Focus is finished. Choose the next focus track: press f on the Tracks screen or run coach settings --focus TRACK")
        #expect(Self.lines(plan) == ["explore a.1 30"])
    }

    // MARK: Determinism

    @Test func theSameInputsGiveTheSamePlan() {
        let statuses = ["r.2": "done@2024-04-02", "r.1": "done@2024-04-02", "r.5": "done@2024-04-02",
                        "f.1": "doing", "a.2": "skipped"]
        let first = Self.plan(statuses)
        for _ in 0..<20 { #expect(Self.plan(statuses) == first) }
        // The same book built in another order.
        var reversed = ProgressBook()
        for (id, entry) in Self.progress(statuses).items.sorted(by: { $0.key > $1.key }) { reversed.items[id] = entry }
        let again = DailyPlan(curriculum: Self.curriculum, progress: reversed, reviews: ReviewBook(),
                              settings: Settings(focusTrack: "f", dailyGoalMinutes: 45), day: Self.today, timeZone: Days.utc)
        #expect(again == first)
        #expect(Array(Self.lines(first).prefix(2)) == ["review r.1 5", "review r.2 15"], "equal due days: by id")
        #expect(first.reviewsWaiting == 1, "r.5 would make 25 of 22")
    }

    @Test func anotherDayGivesThePlanOfThatDay() {
        let statuses = ["r.1": "done@2024-05-01"]
        #expect(!Self.plan(statuses, day: Days.day("2024-05-01")).entries.contains { $0.kind == .review })
        #expect(Self.plan(statuses, day: Days.day("2024-05-02")).entries.first?.itemID == "r.1")
    }
}
