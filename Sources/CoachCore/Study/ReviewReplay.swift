import FoundationEssentials

extension CardRating {
    /// The rating a review of the old ladder replays as: each keeps its name.
    public init(_ rating: ReviewRating) {
        switch rating {
        case .hard: self = .hard
        case .good: self = .good
        case .easy: self = .easy
        }
    }
}

/// Carries the reviews recorded before there were cards over to the cards.
///
/// An old review rated the whole item, so each of its ratings is replayed into every card
/// of the item, on the day it was given. Only the reviews of the item's current round
/// count (from the day it was last done), as they did for the ladder: one done again
/// starts afresh, and its earlier reviews stay in the book for the record.
public enum ReviewReplay {
    /// Days from the day an item is done to its cards' first review: the first step of
    /// the old ladder, so an item never reviewed keeps the due day it had.
    public static let firstReviewDelay = ReviewSchedule.interval(atStep: 0)

    /// The cards `ids` of an item done on `doneOn`, before any review.
    public static func newCards(ids: [String], doneOn: StudyDay) -> [Card] {
        ids.map { Card(id: $0, due: doneOn.adding(days: firstReviewDelay)) }
    }

    /// The cards `ids` of an item done on `doneOn` after replaying `history` (oldest
    /// first, as `ReviewBook` keeps it) into each of them.
    public static func cards(ids: [String], history: [Review], doneOn: StudyDay,
                             scheduler: FSRSScheduler) -> [Card] {
        let round = history.filter { $0.day >= doneOn }
        return newCards(ids: ids, doneOn: doneOn).map { card in
            round.reduce(card) { card, review in
                scheduler.review(card, rating: CardRating(review.rating), on: review.day).card
            }
        }
    }

    /// `cards(ids:history:doneOn:scheduler:)` for the item `itemID` of `book`.
    public static func cards(ids: [String], of itemID: String, in book: ReviewBook, doneOn: StudyDay,
                             scheduler: FSRSScheduler) -> [Card] {
        cards(ids: ids, history: book.history(of: itemID), doneOn: doneOn, scheduler: scheduler)
    }
}
