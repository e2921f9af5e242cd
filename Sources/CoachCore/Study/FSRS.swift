import FoundationEssentials
import Glibc

/// A desired retention or maximum interval the scheduler does not accept.
public enum FSRSSettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    case retention(Double)
    case maximumInterval(Int)

    public var description: String {
        switch self {
        case .retention(let value):
            let range = FSRSScheduler.retentionRange
            return "desired retention must be between \(range.lowerBound) and \(range.upperBound), found \(value)"
        case .maximumInterval(let value):
            return "maximum interval must be at least 1 day, found \(value)"
        }
    }
}

/// What one review did: the card after it, the interval it chose, and the retrievability
/// the card had when it was rated (nil for a new card).
public struct CardReview: Equatable, Sendable {
    public var card: Card
    public var interval: Int
    public var retrievability: Double?
}

/// The interval each rating would give, for showing before the learner rates.
public struct IntervalPreview: Equatable, Sendable {
    public var again: Int
    public var hard: Int
    public var good: Int
    public var easy: Int

    public subscript(rating: CardRating) -> Int {
        switch rating {
        case .again: again
        case .hard: hard
        case .good: good
        case .easy: easy
        }
    }
}

/// The FSRS-6 scheduler with its published default parameters, day-granular.
///
/// It follows py-fsrs 6 (`Scheduler` without learning or relearning steps) formula for
/// formula, so its stability, difficulty and intervals agree with the table that
/// `scripts/fsrs-reference` writes from it: a new card goes straight to review with its
/// first interval, again on a card in review keeps it in review with the interval of its
/// new stability, and a second review on the same day uses FSRS's short-term stability.
public struct FSRSScheduler: Equatable, Sendable {
    /// FSRS-6's default weights w0…w20 (py-fsrs 6 `DEFAULT_PARAMETERS`).
    public static let parameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    public static let retentionRange: ClosedRange<Double> = 0.70...0.97
    public static let defaultRetention = 0.90
    public static let defaultMaximumInterval = 36_500

    /// The defaults: retention 0.90, at most 36,500 days, with fuzz.
    public static let standard = FSRSScheduler(
        valid: defaultRetention, maximumInterval: defaultMaximumInterval, fuzz: true)

    public let desiredRetention: Double
    public let maximumInterval: Int
    public let fuzz: Bool

    public init(desiredRetention: Double = defaultRetention, maximumInterval: Int = defaultMaximumInterval,
                fuzz: Bool = true) throws(FSRSSettingsError) {
        guard Self.retentionRange.contains(desiredRetention) else { throw .retention(desiredRetention) }
        guard maximumInterval >= 1 else { throw .maximumInterval(maximumInterval) }
        self.init(valid: desiredRetention, maximumInterval: maximumInterval, fuzz: fuzz)
    }

    private init(valid desiredRetention: Double, maximumInterval: Int, fuzz: Bool) {
        self.desiredRetention = desiredRetention
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
    }

    // MARK: The scheduler

    /// The probability of recalling `card` on `day`; nil while it is new. A day before
    /// its last review counts as that day.
    public func retrievability(of card: Card, on day: StudyDay) -> Double? {
        guard card.state == .review, let last = card.lastReview else { return nil }
        return Self.retrievability(elapsedDays: max(0, last.days(to: day)), stability: Self.valid(card).stability)
    }

    /// `card` rated `rating` on `day`. Reviews are expected in day order; one dated before
    /// the card's last review is treated as a second review of that day.
    public func review(_ card: Card, rating: CardRating, on day: StudyDay) -> CardReview {
        var next = Self.valid(card)
        let retrievability = retrievability(of: card, on: day)
        if next.state == .new {
            next.stability = Self.initialStability(rating)
            next.difficulty = Self.clampedDifficulty(Self.initialDifficulty(rating))
        } else {
            let elapsed = next.lastReview.map { $0.days(to: day) } ?? 0
            if elapsed < 1 {
                next.stability = Self.shortTermStability(next.stability, rating: rating)
            } else {
                let r = Self.retrievability(elapsedDays: elapsed, stability: next.stability)
                next.stability = rating == .again
                    ? Self.forgetStability(difficulty: next.difficulty, stability: next.stability, retrievability: r)
                    : Self.recallStability(difficulty: next.difficulty, stability: next.stability,
                                           retrievability: r, rating: rating)
            }
            next.difficulty = Self.nextDifficulty(next.difficulty, rating: rating)
            if rating == .again { next.lapses += 1 }
        }
        var interval = interval(for: next.stability)
        if fuzz {
            interval = FSRSFuzz.fuzzed(interval, cardID: card.id, day: day, maximumInterval: maximumInterval)
        }
        next.state = .review
        next.reps += 1
        next.lastReview = day
        next.due = day.adding(days: interval)
        return CardReview(card: next, interval: interval, retrievability: retrievability)
    }

    /// The interval each rating would give `card` on `day`: exactly what `review` would
    /// choose, fuzz included.
    public func nextIntervals(for card: Card, on day: StudyDay) -> IntervalPreview {
        IntervalPreview(
            again: review(card, rating: .again, on: day).interval,
            hard: review(card, rating: .hard, on: day).interval,
            good: review(card, rating: .good, on: day).interval,
            easy: review(card, rating: .easy, on: day).interval)
    }

    /// The days until retrievability falls to the desired retention, rounded as py-fsrs
    /// rounds (half to even) and kept within 1…`maximumInterval`; no fuzz.
    public func interval(for stability: Double) -> Int {
        let days = stability / Self.factor * (pow(desiredRetention, 1 / Self.decay) - 1)
        let rounded = days.rounded(.toNearestOrEven)
        // Clamped as a Double first, so a huge stability cannot overflow Int.
        return Int(min(max(rounded, 1), Double(maximumInterval)))
    }

    // MARK: FSRS-6's formulas

    static let minimumStability = 0.001
    static let difficultyRange = 1.0...10.0
    /// The forgetting curve's exponent, −w20.
    static let decay = -parameters[20]
    /// Chosen so that retrievability is 0.9 when the days elapsed equal the stability.
    static let factor = pow(0.9, 1 / decay) - 1

    static func retrievability(elapsedDays: Int, stability: Double) -> Double {
        pow(1 + factor * Double(elapsedDays) / stability, decay)
    }

    static func initialStability(_ rating: CardRating) -> Double {
        max(parameters[rating.rawValue - 1], minimumStability)
    }

    /// Unclamped: the mean reversion of `nextDifficulty` aims at the raw value for easy.
    static func initialDifficulty(_ rating: CardRating) -> Double {
        parameters[4] - exp(parameters[5] * Double(rating.rawValue - 1)) + 1
    }

    static func clampedDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, difficultyRange.lowerBound), difficultyRange.upperBound)
    }

    static func nextDifficulty(_ difficulty: Double, rating: CardRating) -> Double {
        let delta = -parameters[6] * Double(rating.rawValue - 3)
        let damped = difficulty + (10 - difficulty) * delta / 9
        let reverted = parameters[7] * initialDifficulty(.easy) + (1 - parameters[7]) * damped
        return clampedDifficulty(reverted)
    }

    static func recallStability(difficulty: Double, stability: Double, retrievability: Double,
                                rating: CardRating) -> Double {
        let hardPenalty = rating == .hard ? parameters[15] : 1
        let easyBonus = rating == .easy ? parameters[16] : 1
        let growth = exp(parameters[8]) * (11 - difficulty) * pow(stability, -parameters[9])
            * (exp((1 - retrievability) * parameters[10]) - 1) * hardPenalty * easyBonus
        return max(stability * (1 + growth), minimumStability)
    }

    static func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let longTerm = parameters[11] * pow(difficulty, -parameters[12])
            * (pow(stability + 1, parameters[13]) - 1) * exp((1 - retrievability) * parameters[14])
        let shortTerm = stability / exp(parameters[17] * parameters[18])
        return max(min(longTerm, shortTerm), minimumStability)
    }

    /// A second review on the same day: recalling it never lowers stability.
    static func shortTermStability(_ stability: Double, rating: CardRating) -> Double {
        var increase = exp(parameters[17] * (Double(rating.rawValue) - 3 + parameters[18]))
            * pow(stability, -parameters[19])
        if rating != .again { increase = max(increase, 1) }
        return max(stability * increase, minimumStability)
    }

    /// A card as the formulas need it: a card in review whose numbers were edited or
    /// decoded out of range gets the nearest valid ones, so no input can give NaN.
    static func valid(_ card: Card) -> Card {
        guard card.state == .review else { return card }
        var card = card
        card.stability = card.stability.isFinite ? max(card.stability, minimumStability) : minimumStability
        card.difficulty = card.difficulty.isFinite ? clampedDifficulty(card.difficulty) : difficultyRange.upperBound
        return card
    }
}
