import FoundationEssentials

/// Everything the Today and History screens show, with the derived values (plan,
/// streaks, minutes per day) kept ready so a key press never recomputes them.
public struct StudyState: Equatable, Sendable {
    public private(set) var journal: Journal
    public private(set) var reviews: ReviewBook
    /// The running (or paused) session; saved as it goes so a crash still logs it.
    public private(set) var timer: SessionTimer?
    /// The learner's zone with their day start (`follow` keeps it to the settings).
    public private(set) var timeZone: TimeZoneRules
    /// The time of the last action: the engine's only clock, set by `reduce`.
    public private(set) var now: Date

    public private(set) var plan: DailyPlan?
    /// The next days' reviews and minutes, rebuilt with the plan (History shows it).
    public private(set) var forecast: Forecast?
    public private(set) var streaks: Streaks
    /// Days off and freezes, from the settings (`follow`).
    public private(set) var streakRules = StreakRules.plain
    /// A countdown to the goal started with `S`; nil when the timer counts up.
    public internal(set) var countdown: Countdown?
    public private(set) var minutesByDay: [StudyDay: Int]
    /// Set when progress, reviews or settings change; the plan is rebuilt when shown.
    var planIsStale = true {
        didSet { if planIsStale { forecastIsStale = true } }
    }
    var forecastIsStale = true
    private var summarizedDay: StudyDay

    /// Steps the learner added to today's plan (`m`), and the day they were added on.
    public private(set) var extraSteps = 0
    private var extraStepsDay: StudyDay?

    /// Today's plan.
    public var planList = ListCursor()
    /// History's journal, newest first.
    public var journalList = ListCursor()
    /// The note typed for a session too short to log, offered again by the next `f`.
    public var keptNote: String?
    /// The day the plan on screen was made for: its rows keep their places that day.
    private var planDay: StudyDay?

    public init(journal: Journal = Journal(), reviews: ReviewBook = ReviewBook(items: [:]), timer: SessionTimer? = nil,
                timeZone: TimeZoneRules = .utc, now: Date = Date(timeIntervalSince1970: 0)) {
        self.journal = journal
        self.reviews = reviews
        self.timer = timer
        self.timeZone = timeZone
        self.now = now
        let today = StudyDay(now, in: timeZone)
        summarizedDay = today
        minutesByDay = journal.minutesByDay
        streaks = Streaks(minutes: minutesByDay, goals: journal.goals, today: today)
    }

    public var today: StudyDay { StudyDay(now, in: timeZone) }
    public var minutesToday: Int { minutesByDay[today] ?? 0 }

    /// Called by `reduce` with each action's time: a new day refreshes what depends on it.
    mutating func advance(to time: Date) {
        now = time
        if today != summarizedDay {
            summarizedDay = today
            planIsStale = true
            resummarize()
        }
    }

    mutating func resummarize() {
        minutesByDay = journal.minutesByDay
        streaks = Streaks(minutes: minutesByDay, goals: journal.goals, today: today, rules: streakRules)
    }

    /// Takes the settings' days off and freezes into the streaks, and a changed day start
    /// (settings.json edited while Coach runs) into the days. The zone the shell passes in
    /// has the day start of the settings it started with already.
    mutating func follow(_ settings: Settings) {
        var zone = timeZone
        if let followed = followedDayStart, followed != settings.dayStart { zone = timeZone.startingDays(at: settings.dayStart) }
        followedDayStart = settings.dayStart
        guard settings.streakRules != streakRules || zone != timeZone else { return }
        streakRules = settings.streakRules
        if zone != timeZone {
            timeZone = zone
            summarizedDay = today
            planIsStale = true
        }
        resummarize()
    }
    private var followedDayStart: DayStart?

    mutating func refreshPlan(curriculum: Curriculum, progress: ProgressBook, settings: Settings) {
        guard planIsStale else { return }
        let old = plan
        var fresh = DailyPlan(curriculum: curriculum, progress: progress, reviews: reviews, settings: settings,
                              day: today, timeZone: timeZone, extraSteps: extraStepsDay == today ? extraSteps : 0)
        if let old, planDay == today {
            fresh.entries = Self.keepingPlaces(fresh.entries, of: old.entries)
            planList = Self.cursorAfterChange(planList, old: old.entries, new: fresh.entries)
        }
        plan = fresh
        planDay = today
        planIsStale = false
        forecastIsStale = true
        planList.clamp(count: plan?.entries.count ?? 0)
    }

    /// The new plan's rows in the places they had on screen, so a rating or a tick never
    /// swaps rows under the cursor: rows still planned keep their order, and a row that
    /// is new comes after the row it follows in the new plan.
    static func keepingPlaces(_ entries: [DailyPlan.Entry], of old: [DailyPlan.Entry]) -> [DailyPlan.Entry] {
        var oldPlace: [String: Int] = [:]
        for (index, entry) in old.enumerated() where oldPlace[entry.itemID] == nil { oldPlace[entry.itemID] = index }
        var anchor = -1
        var keyed: [(key: (Int, Int), entry: DailyPlan.Entry)] = []
        for (index, entry) in entries.enumerated() {
            if let place = oldPlace[entry.itemID] {
                anchor = place
                keyed.append(((place, -1), entry))
            } else {
                keyed.append(((anchor, index), entry))
            }
        }
        return keyed.sorted { $0.key < $1.key }.map(\.entry)
    }

    /// The cursor on the same row; when that row was just finished, on the next
    /// unfinished row below it (or the first above, when none is below).
    static func cursorAfterChange(_ list: ListCursor, old: [DailyPlan.Entry], new: [DailyPlan.Entry]) -> ListCursor {
        guard old.indices.contains(list.selected) else { return list }
        let was = old[list.selected]
        guard let index = new.firstIndex(where: { $0.itemID == was.itemID }) else { return list }
        var moved = list
        moved.selected = index
        if !was.finished, new[index].finished,
           let next = new[(index + 1)...].firstIndex(where: { !$0.finished }) ?? new[..<index].firstIndex(where: { !$0.finished }) {
            moved.selected = next
        }
        return moved
    }

    /// One more step in today's plan.
    mutating func studyMore() {
        if extraStepsDay != today {
            extraStepsDay = today
            extraSteps = 0
        }
        extraSteps += 1
        planIsStale = true
    }

    /// The forecast for History; 14 plans, so built only when History is shown.
    mutating func refreshForecast(curriculum: Curriculum, progress: ProgressBook, settings: Settings) {
        guard forecastIsStale || forecast == nil else { return }
        forecast = Forecast(curriculum: curriculum, progress: progress, reviews: reviews, settings: settings,
                            from: today, days: Forecast.historyDays, timeZone: timeZone)
        forecastIsStale = false
    }

    // The doors: every change of journal, reviews or timer goes through one of these.

    mutating func changeJournal(_ change: (inout Journal) -> Void) {
        change(&journal)
        resummarize()
    }

    mutating func changeReviews(_ change: (inout ReviewBook) -> Void) {
        change(&reviews)
        planIsStale = true
    }

    mutating func changeTimer(_ change: (inout SessionTimer?) -> Void) {
        change(&timer)
        if timer == nil { countdown = nil }
    }
}
