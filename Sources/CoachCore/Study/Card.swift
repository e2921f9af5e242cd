import FoundationEssentials

/// How well the learner recalled a card: FSRS's four grades, numbered as FSRS numbers them
/// (and as the keys `1`–`4` choose them).
public enum CardRating: Int, CaseIterable, Sendable {
    case again = 1, hard, good, easy
}

extension CardRating {
    /// "again", "hard", "good", "easy": how the file and the CLI name the ratings.
    public var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }

    public init?(name: String) {
        guard let rating = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = rating
    }
}

/// A card is new until its first rating and in review from then on: the scheduler is
/// day-granular, so there are no learning or relearning steps in between.
public enum CardState: String, CaseIterable, Sendable {
    case new, review
}

/// One card's memory state, as the FSRS scheduler keeps it.
///
/// Stability is the number of days after which recall falls to 90%; difficulty is 1–10.
/// Both mean nothing while the card is new, so they are 0 then.
public struct Card: Hashable, Sendable {
    public var id: String
    public var state: CardState
    public var stability: Double
    public var difficulty: Double
    public var due: StudyDay
    /// Nil while the card is new.
    public var lastReview: StudyDay?
    public var reps: Int
    /// Ratings of again on a card in review (forgetting it); again on a new card is not a lapse.
    public var lapses: Int

    /// A new card, due on `due`.
    public init(id: String, due: StudyDay) {
        self.init(id: id, state: .new, stability: 0, difficulty: 0, due: due, lastReview: nil, reps: 0, lapses: 0)
    }

    public init(id: String, state: CardState, stability: Double, difficulty: Double, due: StudyDay,
                lastReview: StudyDay?, reps: Int, lapses: Int) {
        self.id = id
        self.state = state
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }
}
