import FoundationEssentials

/// What to study today, as a pure function of the state and the day: the same inputs
/// always give the same plan.
///
/// In order: reviews that are due, oldest first, never more than half of the goal;
/// then steps of the focus track's open items in curriculum order until the goal is
/// filled; then, if 5 minutes or more are left, a step of one item from the
/// least-progressed other track. An item longer than a session (the goal) is studied in
/// parts: its step is what is left of it, cut to the time left in the day, so a 10-hour
/// item is "part 2 of 14 · 45m", never 10 hours. Steps are sized from the time spent
/// before today, so the plan stays the same while the learner works through it; items
/// finished or worked on today stay in the plan, ticked when their step is done, and a
/// day can be done. The planned total stays within the goal, or one short step over it
/// (`minutesOver`).
public struct DailyPlan: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case review, focus, explore
    }

    public struct Entry: Equatable, Sendable {
        public var kind: Kind
        public var itemID: String
        /// Minutes planned for it today.
        public var minutes: Int
        /// Done (or, for a review, reviewed) today already.
        public var finished: Bool
        /// For a study step (focus or explore): which part of the item it is.
        public var step: Step?

        public init(kind: Kind, itemID: String, minutes: Int, finished: Bool = false, step: Step? = nil) {
            self.kind = kind
            self.itemID = itemID
            self.minutes = minutes
            self.finished = finished
            self.step = step
        }
    }

    /// Where a study step falls in its item: parts are sessions of the goal's length.
    public struct Step: Equatable, Sendable {
        /// The first and last part the step covers (1-based), and how many parts the item has.
        public var firstPart: Int
        public var lastPart: Int
        public var parts: Int
        /// Minutes spent on the item in all (today included) and its estimate (the
        /// learner's own when they gave one).
        public var spent: Int
        public var estimate: Int
        /// Minutes of the item left after all the time spent on it: its true remaining time.
        public var remaining: Int

        public init(firstPart: Int, lastPart: Int, parts: Int, spent: Int, estimate: Int, remaining: Int) {
            self.firstPart = firstPart
            self.lastPart = lastPart
            self.parts = parts
            self.spent = spent
            self.estimate = estimate
            self.remaining = remaining
        }

        /// "part 2 of 14", "parts 2–3 of 14"; nil for an item of one part.
        public var partText: String? {
            guard parts > 1 else { return nil }
            return firstPart == lastPart ? "part \(firstPart) of \(parts)" : "parts \(firstPart)–\(lastPart) of \(parts)"
        }

        /// "3h10 of 10h"
        public var spentText: String { ItemTime.spentText(spent, of: estimate) }
    }

    /// Why the plan has no focus items, and what to do about it.
    public enum Notice: Equatable, Sendable {
        case noFocus
        /// The focus track's id, which the curriculum does not have (any more).
        case unknownFocus(String)
        /// The focus track's title: every item is done or skipped.
        case focusFinished(String)
        /// A weekday off (`StudyCalendar`): nothing is planned.
        case restDay
        /// A day of a break: nothing is planned.
        case onBreak(StudyBreak)

        static let howToChoose = "press f on the Tracks screen or run coach settings --focus TRACK"

        public var message: String {
            switch self {
            case .noFocus: "Choose a focus track: \(Self.howToChoose)"
            case .unknownFocus(let id): "The focus track \"\(id)\" is not in the curriculum. Choose another: \(Self.howToChoose)"
            case .focusFinished(let title): "\(title) is finished. Choose the next focus track: \(Self.howToChoose)"
            case .restDay: "A rest day: nothing is planned, and your streak is safe."
            case .onBreak(let days): "On a break (\(days)): nothing is planned, and your streak is safe."
            }
        }
    }

    public var entries: [Entry]
    public var goal: Int
    /// Due reviews (not yet reviewed today), planned or waiting.
    public var reviewsDue: Int
    /// Due reviews left for another day by the cap on reviews.
    public var reviewsWaiting: Int
    /// Cards due today (of items with prompts), planned or waiting, and not yet rated.
    public var cardsDue = 0
    /// Cards due left for another day by the cap.
    public var cardsWaiting = 0

    /// The minutes one card takes until the learner's own reviews are timed.
    public static let minutesPerCard = 1.5

    /// Minutes in the plan for `count` cards at `perCard` minutes each, rounded up.
    public static func cardMinutes(_ count: Int, perCard: Double = minutesPerCard) -> Int {
        Int((Double(count) * perCard).rounded(.up))
    }
    public var notice: Notice?
    /// The minutes a card took in this plan: measured from the learner's reviews, or the default.
    public var minutesPerCard = DailyPlan.minutesPerCard
    /// The first day back from a break: the goal is halved (`StudyCalendar.goal`).
    public var firstDayBack = false

    public var totalMinutes: Int { entries.reduce(0) { $0 + $1.minutes } }
    /// How far the plan goes over the goal (0 when within it).
    public var minutesOver: Int { max(0, totalMinutes - goal) }
    /// Every entry is ticked: the day's plan is done.
    public var isDone: Bool { !entries.isEmpty && entries.allSatisfy(\.finished) }
    public var message: String? { notice?.message }

    public init(entries: [Entry], goal: Int, reviewsDue: Int = 0, reviewsWaiting: Int = 0, notice: Notice? = nil) {
        self.entries = entries
        self.goal = goal
        self.reviewsDue = reviewsDue
        self.reviewsWaiting = reviewsWaiting
        self.notice = notice
    }

    /// Nothing is planned for less than this: a review, or the time left for exploring.
    public static let shortestSlot = 5

    /// Minutes a review of `item` takes in the plan: a quarter of the item's estimate,
    /// at least 5 — a review recalls and revisits, it does not redo the item — and at
    /// most the day's review budget (half the goal), so a long item's review is
    /// trimmed to fit instead of never fitting at all. Nil when the budget is under 5
    /// minutes (a goal under 10): then there is no time for reviews.
    public static func reviewMinutes(_ item: Item, goal: Int) -> Int? {
        let budget = goal / 2
        guard budget >= shortestSlot else { return nil }
        return min(max(shortestSlot, item.minutes / 4), budget)
    }

    /// The length of one part of an item: a session of the goal's length, never under 5 minutes.
    public static func sessionMinutes(goal: Int) -> Int {
        max(shortestSlot, goal)
    }

    /// The step of an item with `estimate` minutes, `spent` of them before today, given
    /// `room` minutes: what is left of the item, cut to the room. An item that has run
    /// over its estimate while still open gets one more session's step.
    public static func step(estimate: Int, spent: Int, room: Int, session: Int) -> (minutes: Int, step: Step) {
        let session = max(1, session)
        let estimate = max(1, estimate), spent = max(0, spent)
        let left = spent < estimate ? estimate - spent : session - spent % session
        let minutes = max(1, min(left, room))
        let parts = max((estimate + session - 1) / session, (spent + minutes + session - 1) / session)
        let first = min(parts, spent / session + 1)
        let last = min(parts, max(first, (spent + minutes - 1) / session + 1))
        return (minutes, Step(firstPart: first, lastPart: last, parts: parts, spent: spent, estimate: estimate,
                              remaining: max(0, estimate - spent)))
    }

    /// `extraSteps`: how many times the learner asked to study more today (`m` on Today):
    /// each adds a session's length to the day, so the plan's last step grows or the
    /// next one comes in.
    public init(curriculum: Curriculum, progress: ProgressBook, reviews: ReviewBook,
                settings: Settings, day: StudyDay, timeZone: TimeZoneRules, extraSteps: Int = 0) {
        switch settings.calendar.off(day) {
        case .restDay?: self.init(entries: [], goal: 0, notice: .restDay); return
        case .onBreak(let days)?: self.init(entries: [], goal: 0, notice: .onBreak(days)); return
        case nil: break
        }
        let goal = max(0, settings.calendar.goal(on: day, normal: settings.dailyGoalMinutes))
        let session = Self.sessionMinutes(goal: goal)
        let reach = goal + max(0, extraSteps) * session
        var plan = DailyPlan(entries: [], goal: goal)
        plan.minutesPerCard = reviews.minutesPerCard
        plan.firstDayBack = settings.calendar.isFirstDayBack(day)
        var planned = Set<String>()
        var total = 0
        func add(_ kind: Kind, _ id: String, _ minutes: Int, finished: Bool, step: Step? = nil) {
            plan.entries.append(Entry(kind: kind, itemID: id, minutes: minutes, finished: finished, step: step))
            planned.insert(id)
            total += minutes
        }
        func doneToday(_ id: String) -> Bool {
            progress.items[id].flatMap { ReviewBook.doneDay(of: $0, in: timeZone) } == day
        }
        func isOpen(_ id: String) -> Bool {
            let status = progress.status(of: id)
            return status == .todo || status == .doing
        }

        // Reviews: those done today count first, whatever their size; then the due ones,
        // oldest first, each that still fits in half the goal. One that does not fit
        // waits, and a smaller one after it may still come in, so the budget is used.
        let budget = goal / 2
        var reviewMinutes = 0
        func doneOn(_ id: String) -> StudyDay? {
            progress.items[id].flatMap { ReviewBook.doneDay(of: $0, in: timeZone) }
        }
        for id in reviews.reviewed(on: day, progress: progress, timeZone: timeZone) {
            guard let item = curriculum.item(id: id), item.prompts.isEmpty else { continue }
            let minutes = Self.reviewMinutes(item, goal: goal) ?? max(Self.shortestSlot, item.minutes / 4)
            add(.review, id, minutes, finished: true)
            reviewMinutes += minutes
        }
        // Items with prompts are reviewed card by card: their minutes are the cards due
        // times the minutes a card takes, and the items come in the order of their most
        // forgotten card, so after a missed week the cards most at risk come first.
        let scheduler = settings.scheduler
        for id in reviews.log.filter({ $0.day == day }).map(\.itemID) where !planned.contains(id) {
            guard let item = curriculum.item(id: id), doneOn(id).map({ $0 <= day }) == true else { continue }
            let left = reviews.cards(of: item, doneOn: doneOn(id)!, scheduler: scheduler).filter { $0.due <= day }.count
            let rated = reviews.log.filter { $0.day == day && $0.itemID == id }.count
            let minutes = Self.cardMinutes(left == 0 ? rated : left, perCard: plan.minutesPerCard)
            add(.review, id, minutes, finished: left == 0)
            reviewMinutes += minutes
            plan.cardsDue += left
        }
        var cardsByItem: [(id: String, count: Int)] = []
        for due in reviews.dueCards(on: day, curriculum: curriculum, progress: progress, timeZone: timeZone,
                                    scheduler: scheduler, calendar: settings.calendar) where !planned.contains(due.itemID) {
            if let index = cardsByItem.firstIndex(where: { $0.id == due.itemID }) {
                cardsByItem[index].count += 1
            } else {
                cardsByItem.append((due.itemID, 1))
            }
        }
        for (id, count) in cardsByItem {
            plan.reviewsDue += 1
            plan.cardsDue += count
            let minutes = Self.cardMinutes(count, perCard: plan.minutesPerCard)
            guard minutes >= 1, reviewMinutes + minutes <= budget else {
                plan.reviewsWaiting += 1
                plan.cardsWaiting += count
                continue
            }
            add(.review, id, minutes, finished: false)
            reviewMinutes += minutes
        }
        for due in reviews.due(on: day, progress: progress, timeZone: timeZone) {
            guard let item = curriculum.item(id: due.itemID), item.prompts.isEmpty, !planned.contains(due.itemID) else { continue }
            plan.reviewsDue += 1
            guard let minutes = Self.reviewMinutes(item, goal: goal), reviewMinutes + minutes <= budget else {
                plan.reviewsWaiting += 1
                continue
            }
            add(.review, due.itemID, minutes, finished: false)
            reviewMinutes += minutes
        }

        guard let focusID = settings.focusTrack else {
            plan.notice = .noFocus
            self = plan
            return
        }
        guard let focus = curriculum.track(id: focusID) else {
            plan.notice = .unknownFocus(focusID)
            self = plan
            return
        }

        // A study step of `item`: what is left of it, at most the day's length (a
        // session, and one more for each step the learner added), cut to `room` when
        // given; sized from the time spent before today. Finished when the item was done
        // today or today's time covers the step.
        func stepEntry(_ item: Item, cutTo room: Int? = nil) -> (minutes: Int, finished: Bool, step: Step) {
            let before = progress.minutesSpent(on: item.id, before: day)
            let today = progress.minutesSpent(on: item.id, day: day)
            var (minutes, step) = Self.step(estimate: progress.estimate(of: item), spent: before,
                                            room: min(reach, room ?? reach), session: session)
            step.spent = before + today
            step.remaining = max(0, step.estimate - step.spent)
            // Time beyond the step was still spent today: the entry shows all of it.
            minutes = max(minutes, today)
            return (minutes, doneToday(item.id) || today >= minutes, step)
        }
        func workedToday(_ id: String) -> Bool {
            doneToday(id) || (isOpen(id) && progress.minutesSpent(on: id, day: day) > 0)
        }

        // Focus: in curriculum order, the items finished or worked on today and the open
        // ones while their steps fit in the day. The first comes in whatever the room, cut
        // to it (a part of a long item), so there is always something to do; the first
        // open item whose step does not fit ends the open ones: depth means in order.
        var hasFocusEntry = false
        var filled = false
        for item in focus.items where !planned.contains(item.id) {
            let room = reach - total
            let first = !hasFocusEntry
            if workedToday(item.id) || (!filled && isOpen(item.id)) {
                let entry = stepEntry(item, cutTo: first ? max(room, Self.shortestSlot) : nil)
                if !first, !workedToday(item.id), entry.minutes > room {
                    filled = true
                    continue
                }
                add(.focus, item.id, entry.minutes, finished: entry.finished, step: entry.step)
                hasFocusEntry = true
            }
        }
        if !focus.items.contains(where: { isOpen($0.id) }) {
            plan.notice = .focusFinished(focus.title)
        }

        // Explore: items of other tracks finished or worked on today; else, with 5
        // minutes or more left, a step of the next open item of the least-progressed
        // other track (ties: curriculum order), cut to the time that is left.
        var explored = false
        for track in curriculum.tracks where track.id != focus.id {
            for item in track.items where !planned.contains(item.id) && workedToday(item.id) {
                let entry = stepEntry(item, cutTo: max(reach - total, Self.shortestSlot))
                add(.explore, item.id, entry.minutes, finished: entry.finished, step: entry.step)
                explored = true
            }
        }
        if !explored, reach - total >= Self.shortestSlot,
           let item = Self.leastProgressed(curriculum, progress: progress, except: focus.id, isOpen: isOpen) {
            let entry = stepEntry(item, cutTo: reach - total)
            add(.explore, item.id, entry.minutes, finished: entry.finished, step: entry.step)
        }
        self = plan
    }

    /// The next open item of the other track with the smallest share done that still
    /// has one; ties go to the track that comes first.
    private static func leastProgressed(_ curriculum: Curriculum, progress: ProgressBook, except focusID: String,
                                        isOpen: (String) -> Bool) -> Item? {
        var best: (count: ProgressCount, item: Item)?
        for track in curriculum.tracks where track.id != focusID {
            guard let next = track.items.first(where: { isOpen($0.id) }) else { continue }
            let count = progress.count(track)
            // done ÷ counted compared as cross products: exact, no floating-point ties.
            if let best, count.done * best.count.counted >= best.count.done * count.counted { continue }
            best = (count, next)
        }
        return best?.item
    }
}
