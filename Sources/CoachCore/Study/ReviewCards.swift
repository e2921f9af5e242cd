import FoundationEssentials
import Glibc

/// The cards of the review book: each prompt of a done item is a card with its own FSRS
/// memory state.
///
/// A card is stored once it has been rated. Until then it is what the item's older,
/// per-item ratings (the ladder's history, kept in `items`) replay into — so a file
/// written before there were cards keeps every rating, and a card never rated is new
/// and due the day after the item was done.
extension ReviewBook {
    /// The item's cards as they stand, for an item done on `doneOn`.
    public func cards(of item: Item, doneOn: StudyDay, scheduler: FSRSScheduler) -> [Card] {
        let ids = CardID.ids(of: item)
        var replayed: [Card]?
        return ids.enumerated().map { index, id in
            if let card = cards[id] { return card }
            if replayed == nil {
                replayed = ReviewReplay.cards(ids: ids, of: item.id, in: self, doneOn: doneOn, scheduler: scheduler)
            }
            return replayed![index]
        }
    }

    /// The item's cards, or nil when it is not done (never done, or reopened).
    public func cards(of item: Item, progress: ProgressBook, timeZone: TimeZoneRules,
                      scheduler: FSRSScheduler) -> [Card]? {
        guard let entry = progress.items[item.id], let doneOn = Self.doneDay(of: entry, in: timeZone) else { return nil }
        return cards(of: item, doneOn: doneOn, scheduler: scheduler)
    }

    /// Rates card number `number` (1-based) of `item`, done on `doneOn`, and keeps the
    /// rating with the answer typed. Nil when the item has no such prompt.
    @discardableResult
    public mutating func rate(_ rating: CardRating, card number: Int, of item: Item, on day: StudyDay,
                              doneOn: StudyDay, answer: String? = nil, seconds: Double? = nil,
                              scheduler: FSRSScheduler) -> CardReviewEntry? {
        let all = cards(of: item, doneOn: doneOn, scheduler: scheduler)
        guard all.indices.contains(number - 1) else { return nil }
        let card = all[number - 1]
        let result = scheduler.review(card, rating: rating, on: day)
        let trimmed = answer?.trimmingWhitespaceAndNewlines()
        let entry = CardReviewEntry(day: day, cardID: result.card.id, rating: rating,
                                    retrievability: result.retrievability, interval: result.interval,
                                    answer: trimmed?.isEmpty == false ? trimmed : nil,
                                    seconds: seconds.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil },
                                    early: card.state != .new && card.due > day)
        var cards = self.cards
        cards[result.card.id] = result.card
        var log = self.log
        // After every rating of the same day or earlier, so a late entry keeps the order.
        let index = log.lastIndex { $0.day <= day }.map { $0 + 1 } ?? 0
        log.insert(entry, at: index)
        self = ReviewBook(items: items, cards: cards, log: log, drillAttempts: drillAttempts)
        return entry
    }

    /// Puts a card back as it was before a rating, for undo: `before` nil means it was
    /// not stored yet (new, or replayed from the older ratings).
    public mutating func restore(card id: String, to before: Card?, removing entry: CardReviewEntry) {
        var cards = self.cards
        cards[id] = before
        var log = self.log
        if let index = log.lastIndex(of: entry) { log.remove(at: index) }
        self = ReviewBook(items: items, cards: cards, log: log, drillAttempts: drillAttempts)
    }

    /// Gives a rating back that undo took away, for redo: the card as the rating left
    /// it, and its entry in the journal of ratings again.
    public mutating func reapply(card id: String, to after: Card?, adding entry: CardReviewEntry) {
        var cards = self.cards
        cards[id] = after
        var log = self.log
        let index = log.lastIndex { $0.day <= entry.day }.map { $0 + 1 } ?? 0
        log.insert(entry, at: index)
        self = ReviewBook(items: items, cards: cards, log: log, drillAttempts: drillAttempts)
    }

    /// The ratings of the item's cards, newest first: the journal of what was said.
    public func entries(of itemID: String) -> [CardReviewEntry] {
        log.filter { $0.itemID == itemID }.reversed()
    }
}

/// A card that is due, with what orders it: the lowest chance of recall comes first, so
/// after a missed week the cards most at risk are reviewed before the cap is reached.
public struct DueCard: Equatable, Sendable {
    public var itemID: String
    /// 1-based.
    public var number: Int
    public var card: Card
    /// Nil for a card never rated (ordered as if nothing were remembered).
    public var retrievability: Double?

    public init(itemID: String, number: Int, card: Card, retrievability: Double?) {
        self.itemID = itemID
        self.number = number
        self.card = card
        self.retrievability = retrievability
    }
}

extension ReviewBook {
    /// Every card of a done item due on `day` (due day ≤ `day`), lowest retrievability
    /// first, then by due day and id.
    public func dueCards(on day: StudyDay, curriculum: Curriculum, progress: ProgressBook, timeZone: TimeZoneRules,
                         scheduler: FSRSScheduler) -> [DueCard] {
        var due: [DueCard] = []
        for (id, entry) in progress.items {
            guard let doneOn = Self.doneDay(of: entry, in: timeZone), let item = curriculum.item(id: id) else { continue }
            for (index, card) in cards(of: item, doneOn: doneOn, scheduler: scheduler).enumerated() where card.due <= day {
                due.append(DueCard(itemID: id, number: index + 1, card: card,
                                   retrievability: scheduler.retrievability(of: card, on: day)))
            }
        }
        return due.sorted { a, b in
            let ra = a.retrievability ?? 0, rb = b.retrievability ?? 0
            if ra != rb { return ra < rb }
            if a.card.due != b.card.due { return a.card.due < b.card.due }
            return a.card.id < b.card.id
        }
    }
}
