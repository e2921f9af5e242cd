/// One rating of one card, as the reviews document keeps it: the journal of what the
/// learner recalled and how well.
public struct CardReviewEntry: Equatable, Sendable {
    public var day: StudyDay
    public var cardID: String
    public var rating: CardRating
    /// The chance of recall the card had when it was rated; nil for a new card.
    public var retrievability: Double?
    /// The days until the card's next review that this rating chose.
    public var interval: Int
    /// What the learner typed before revealing the points, if anything.
    public var answer: String?
    /// Seconds from the card shown to rated, when the review was timed (on Today); what
    /// the plan's minutes per card are measured from.
    public var seconds: Double?
    /// Rated before it was due ("review ahead").
    public var early: Bool

    public init(day: StudyDay, cardID: String, rating: CardRating, retrievability: Double?, interval: Int,
                answer: String? = nil, seconds: Double? = nil, early: Bool = false) {
        self.seconds = seconds
        self.early = early
        self.day = day
        self.cardID = cardID
        self.rating = rating
        self.retrievability = retrievability
        self.interval = interval
        self.answer = answer
    }

    /// The item a card id ("genai.rag#2") belongs to.
    public var itemID: String { CardID.itemID(of: cardID) }
}

/// Card ids: the item's id, `#`, and the 1-based number of its prompt ("genai.rag#2"),
/// so reordering other items never moves a card's memory.
public enum CardID {
    public static func make(itemID: String, prompt number: Int) -> String {
        "\(itemID)#\(number)"
    }

    public static func itemID(of cardID: String) -> String {
        guard let hash = cardID.lastIndex(of: "#") else { return cardID }
        return String(cardID[..<hash])
    }

    /// The 1-based prompt number, or nil when the id has none.
    public static func promptNumber(of cardID: String) -> Int? {
        guard let hash = cardID.lastIndex(of: "#") else { return nil }
        return Int(cardID[cardID.index(after: hash)...])
    }

    /// The ids of an item's cards, one per prompt.
    public static func ids(of item: Item) -> [String] {
        item.prompts.indices.map { make(itemID: item.id, prompt: $0 + 1) }
    }
}
