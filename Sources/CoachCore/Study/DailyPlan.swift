import FoundationEssentials

/// What to study today, as a pure function of the state and the day: the same inputs
/// always give the same plan.
///
/// In order: reviews that are due, oldest first, never more than half of the goal;
/// then the next unfinished items of the focus track in curriculum order until the
/// goal is filled by their estimates; then, if 5 minutes or more are left, one item
/// from the least-progressed other track. Items finished today stay in the plan, ticked, and
/// count towards the goal — so the plan does not refill as the learner works through
/// it, and a day can be done.
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

        public init(kind: Kind, itemID: String, minutes: Int, finished: Bool = false) {
            self.kind = kind
            self.itemID = itemID
            self.minutes = minutes
            self.finished = finished
        }
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

    /// The minutes one card takes: the default until the learner's own reviews are timed
    /// (they are not yet: a rating records no time).
    public static let minutesPerCard = 1.5

    /// Minutes in the plan for `count` cards, rounded up.
    public static func cardMinutes(_ count: Int) -> Int {
        Int((Double(count) * minutesPerCard).rounded(.up))
    }
    public var notice: Notice?
    /// The first day back from a break: the goal is halved (`StudyCalendar.goal`).
    public var firstDayBack = false

    public var totalMinutes: Int { entries.reduce(0) { $0 + $1.minutes } }
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

    public init(curriculum: Curriculum, progress: ProgressBook, reviews: ReviewBook,
                settings: Settings, day: StudyDay, timeZone: TimeZoneRules) {
        switch settings.calendar.off(day) {
        case .restDay?: self.init(entries: [], goal: 0, notice: .restDay); return
        case .onBreak(let days)?: self.init(entries: [], goal: 0, notice: .onBreak(days)); return
        case nil: break
        }
        let goal = max(0, settings.calendar.goal(on: day, normal: settings.dailyGoalMinutes))
        var plan = DailyPlan(entries: [], goal: goal)
        plan.firstDayBack = settings.calendar.isFirstDayBack(day)
        var planned = Set<String>()
        var total = 0
        func add(_ kind: Kind, _ id: String, _ minutes: Int, finished: Bool) {
            plan.entries.append(Entry(kind: kind, itemID: id, minutes: minutes, finished: finished))
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
            let minutes = Self.cardMinutes(left == 0 ? rated : left)
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
            let minutes = Self.cardMinutes(count)
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

        // Focus: in curriculum order, the items finished today and the open ones while
        // their estimates fit in the goal; the first open item comes in even when it alone
        // is over, so there is always something to do. The first open item that does not
        // fit ends the open ones: depth means in order, not whatever fits.
        var hasFocusEntry = false
        var filled = false
        for item in focus.items where !planned.contains(item.id) {
            if doneToday(item.id) {
                add(.focus, item.id, item.minutes, finished: true)
                hasFocusEntry = true
            } else if !filled, isOpen(item.id) {
                if !hasFocusEntry || total + item.minutes <= goal {
                    add(.focus, item.id, item.minutes, finished: false)
                    hasFocusEntry = true
                } else {
                    filled = true
                }
            }
        }
        if !focus.items.contains(where: { isOpen($0.id) }) {
            plan.notice = .focusFinished(focus.title)
        }

        // Explore: items of other tracks finished today; else, with 5 minutes or more left,
        // the next open item of the least-progressed other track (ties: curriculum order),
        // planned for the time that is left.
        var explored = false
        for track in curriculum.tracks where track.id != focus.id {
            for item in track.items where !planned.contains(item.id) && doneToday(item.id) {
                add(.explore, item.id, item.minutes, finished: true)
                explored = true
            }
        }
        if !explored, goal - total >= Self.shortestSlot,
           let item = Self.leastProgressed(curriculum, progress: progress, except: focus.id, isOpen: isOpen) {
            add(.explore, item.id, min(item.minutes, goal - total), finished: false)
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
