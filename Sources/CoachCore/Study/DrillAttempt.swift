/// One written answer to an interview drill, with the rubric entries the learner ticked
/// as covered and the rating they settled on.
public struct DrillAttempt: Equatable, Sendable {
    public var day: StudyDay
    public var itemID: String
    /// 1-based: the drill's place in its item.
    public var drill: Int
    public var answer: String
    /// 1-based numbers of the rubric entries the answer covered, ascending.
    public var covered: [Int]
    public var rating: CardRating

    public init(day: StudyDay, itemID: String, drill: Int, answer: String, covered: [Int], rating: CardRating) {
        self.day = day
        self.itemID = itemID
        self.drill = drill
        self.answer = answer
        self.covered = covered
        self.rating = rating
    }
}

/// What the ticks on a rubric mean.
public enum DrillRubric {
    /// The share of the rubric covered, 0–1; 0 for an empty rubric.
    public static func share(covered: [Int], of drill: Drill) -> Double {
        guard !drill.rubric.isEmpty else { return 0 }
        let valid = Set(covered.filter { (1...drill.rubric.count).contains($0) })
        return Double(valid.count) / Double(drill.rubric.count)
    }

    /// The rating the share suggests: under 40% again, under 65% hard, under 90% good,
    /// else easy — a strong answer covers nearly all of what the rubric lists.
    public static func suggestedRating(share: Double) -> CardRating {
        switch share {
        case ..<0.40: .again
        case ..<0.65: .hard
        case ..<0.90: .good
        default: .easy
        }
    }

    /// "3", "1 4", "1,2,5": the rubric numbers ticked, or the first problem in one line.
    public static func parseTicks(_ text: String, of drill: Drill) -> Result<[Int], DrillTickError> {
        var ticks = Set<Int>()
        for word in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let number = Int(word), (1...max(1, drill.rubric.count)).contains(number), !drill.rubric.isEmpty else {
                return .failure(DrillTickError(text: String(word), count: drill.rubric.count))
            }
            ticks.insert(number)
        }
        return .success(ticks.sorted())
    }
}

public struct DrillTickError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public var count: Int

    public init(text: String, count: Int) {
        self.text = text
        self.count = count
    }

    public var description: String {
        "rubric entries are numbered 1–\(count); got \"\(text)\""
    }
}

extension ReviewBook {
    /// Keeps an attempt, after the others of its day and earlier.
    public mutating func record(_ attempt: DrillAttempt) {
        var attempts = drillAttempts
        let index = attempts.lastIndex { $0.day <= attempt.day }.map { $0 + 1 } ?? 0
        attempts.insert(attempt, at: index)
        self = ReviewBook(items: items, cards: cards, log: log, drillAttempts: attempts)
    }

    /// Takes back the attempt recorded last that equals `attempt` (for undo); false
    /// when there is none.
    @discardableResult
    public mutating func remove(_ attempt: DrillAttempt) -> Bool {
        var attempts = drillAttempts
        guard let index = attempts.lastIndex(of: attempt) else { return false }
        attempts.remove(at: index)
        self = ReviewBook(items: items, cards: cards, log: log, drillAttempts: attempts)
        return true
    }

    /// The attempts at drill `number` of `itemID`, newest first.
    public func attempts(itemID: String, drill number: Int) -> [DrillAttempt] {
        drillAttempts.filter { $0.itemID == itemID && $0.drill == number }.reversed()
    }
}
