import FoundationEssentials

/// How a review went, as the learner rates it.
public enum ReviewRating: String, CaseIterable, Codable, Sendable {
    case hard, good, easy
}

/// One review of one item.
public struct Review: Equatable, Codable, Sendable {
    public var day: StudyDay
    public var rating: ReviewRating

    public init(day: StudyDay, rating: ReviewRating) {
        self.day = day
        self.rating = rating
    }
}

/// The spaced-review ladder: the gaps, in days, between a done item and its reviews.
/// Each gap counts from the day of the last review (or the day it was done), so a
/// review done late is not punished by a short next gap.
public enum ReviewSchedule {
    public static let ladder = [1, 3, 7, 14, 30, 60]

    /// The gap at `step`; past the top of the ladder it stays at 60 days.
    public static func interval(atStep step: Int) -> Int {
        ladder[min(max(step, 0), ladder.count - 1)]
    }

    /// Hard restarts the ladder, good climbs one step, easy two.
    public static func step(after step: Int, rating: ReviewRating) -> Int {
        let top = ladder.count - 1
        switch rating {
        case .hard: return 0
        case .good: return min(step + 1, top)
        case .easy: return min(step + 2, top)
        }
    }
}

/// Where one done item stands: its step on the ladder and the day it is due.
public struct ReviewState: Equatable, Sendable {
    public var step: Int
    public var due: StudyDay
    /// The last review since the item was done; nil before its first review.
    public var lastReview: Review?

    public init(step: Int, due: StudyDay, lastReview: Review? = nil) {
        self.step = step
        self.due = due
        self.lastReview = lastReview
    }

    public var interval: Int { ReviewSchedule.interval(atStep: step) }
}

/// A review that is due: the item, the day it fell due, its step.
public struct DueReview: Equatable, Sendable {
    public var itemID: String
    public var due: StudyDay
    public var step: Int

    public init(itemID: String, due: StudyDay, step: Int) {
        self.itemID = itemID
        self.due = due
        self.step = step
    }
}

/// Every item's review history, keyed by item id.
///
/// Only the history is kept; the step and due day follow from it and from the day the
/// item was (last) done, which the progress book holds. So an item that is reopened
/// drops out of the reviews by itself, and one done again starts the ladder afresh
/// from that day — its earlier reviews stay in the history, for the record.
public struct ReviewBook: Equatable, Sendable {
    /// Each item's reviews, oldest first: the per-item ratings of the ladder, which the
    /// cards of an item replay until they are rated themselves (see `ReviewCards`).
    public private(set) var items: [String: [Review]]
    /// The cards rated so far, by card id.
    public private(set) var cards: [String: Card]
    /// Every rating of a card, oldest first.
    public private(set) var log: [CardReviewEntry]
    /// Every written answer to an interview drill, oldest first.
    public private(set) var drillAttempts: [DrillAttempt]

    public init(items: [String: [Review]] = [:], cards: [String: Card] = [:], log: [CardReviewEntry] = [],
                drillAttempts: [DrillAttempt] = []) {
        self.items = items.mapValues { Self.ordered($0) }
        self.cards = cards
        self.log = log
        self.drillAttempts = drillAttempts
    }

    public func history(of id: String) -> [Review] {
        items[id] ?? []
    }

    /// Puts an item's history back as it was, for undo.
    mutating func restore(_ history: [Review], of id: String) {
        items[id] = history.isEmpty ? nil : Self.ordered(history)
    }

    /// Ratings given: of items on the ladder and of cards.
    public var reviewCount: Int {
        items.values.reduce(0) { $0 + $1.count } + log.count
    }

    /// The item's state when it was done on `doneOn`: never reviewed, it is due
    /// `ladder[0]` days later; reviews before `doneOn` belong to an earlier round.
    public func state(of id: String, doneOn: StudyDay) -> ReviewState {
        var state = ReviewState(step: 0, due: doneOn.adding(days: ReviewSchedule.interval(atStep: 0)))
        for review in history(of: id) where review.day >= doneOn {
            state.step = ReviewSchedule.step(after: state.step, rating: review.rating)
            state.due = review.day.adding(days: ReviewSchedule.interval(atStep: state.step))
            state.lastReview = review
        }
        return state
    }

    /// The item's state, or nil when it is not done (never done, or reopened).
    public func state(of id: String, progress: ProgressBook, timeZone: TimeZoneRules) -> ReviewState? {
        guard let entry = progress.items[id], let doneOn = Self.doneDay(of: entry, in: timeZone) else { return nil }
        return state(of: id, doneOn: doneOn)
    }

    /// The done items due on `day` (due day ≤ `day`), oldest due first, then by id.
    public func due(on day: StudyDay, progress: ProgressBook, timeZone: TimeZoneRules) -> [DueReview] {
        var due: [DueReview] = []
        for (id, entry) in progress.items {
            guard let doneOn = Self.doneDay(of: entry, in: timeZone) else { continue }
            let state = state(of: id, doneOn: doneOn)
            if state.due <= day { due.append(DueReview(itemID: id, due: state.due, step: state.step)) }
        }
        return due.sorted { $0.due != $1.due ? $0.due < $1.due : $0.itemID < $1.itemID }
    }

    /// The done items that had a review on `day` in their current round, by id.
    public func reviewed(on day: StudyDay, progress: ProgressBook, timeZone: TimeZoneRules) -> [String] {
        var reviewed: [String] = []
        for (id, history) in items where history.contains(where: { $0.day == day }) {
            guard let entry = progress.items[id], let doneOn = Self.doneDay(of: entry, in: timeZone),
                  doneOn <= day
            else { continue }
            reviewed.append(id)
        }
        return reviewed.sorted()
    }

    /// Records a review and returns the item's new state.
    @discardableResult
    public mutating func record(_ rating: ReviewRating, for id: String, on day: StudyDay,
                                doneOn: StudyDay) -> ReviewState {
        var history = items[id] ?? []
        // After every review of the same day or earlier, so a late entry keeps the order.
        let index = history.lastIndex { $0.day <= day }.map { $0 + 1 } ?? 0
        history.insert(Review(day: day, rating: rating), at: index)
        items[id] = history
        return state(of: id, doneOn: doneOn)
    }

    /// `record` for an item of `progress`; nil, and nothing recorded, when it is not done.
    @discardableResult
    public mutating func record(_ rating: ReviewRating, for id: String, on day: StudyDay,
                                progress: ProgressBook, timeZone: TimeZoneRules) -> ReviewState? {
        guard let entry = progress.items[id], let doneOn = Self.doneDay(of: entry, in: timeZone) else { return nil }
        return record(rating, for: id, on: day, doneOn: doneOn)
    }

    /// The day an item was last done, or nil when it is not done now. A hand-written
    /// entry that is done without a done date counts from its last change.
    public static func doneDay(of entry: ItemProgress, in timeZone: TimeZoneRules) -> StudyDay? {
        guard entry.status == .done else { return nil }
        return StudyDay(entry.done ?? entry.changed, in: timeZone)
    }

    private static func ordered(_ history: [Review]) -> [Review] {
        if zip(history, history.dropFirst()).allSatisfy({ $0.day <= $1.day }) { return history }
        // A stable sort: reviews of one day keep the order they were given in.
        return history.enumerated()
            .sorted { $0.element.day != $1.element.day ? $0.element.day < $1.element.day : $0.offset < $1.offset }
            .map(\.element)
    }
}
