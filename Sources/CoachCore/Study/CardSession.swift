import FoundationEssentials

/// The review of one item's due cards on Today, one card at a time: the question, the
/// answer the learner types (optional), the key points once revealed, then the rating.
public struct CardSession: Equatable, Sendable {
    public var itemID: String
    /// The 1-based numbers of the cards to review, in order.
    public var cards: [Int]
    /// Where in `cards` the review is.
    public var position: Int
    /// What the learner typed before revealing the points: several lines if they like.
    public var answer: TextEditor
    /// True once Ctrl-D (or Space or Enter on an empty answer) showed the key points.
    public var revealed: Bool
    /// Esc was pressed with an answer typed: "drop it? y/n" is asked.
    public var confirmingDiscard = false
    /// When the card now shown was shown: a rating records how long it took.
    public var shownAt: Date?
    /// Reviewing ahead: the cards are not due yet (`R` on Today).
    public var early: Bool

    public init(itemID: String, cards: [Int], position: Int = 0, answer: TextEditor = TextEditor(), revealed: Bool = false,
                shownAt: Date? = nil, early: Bool = false) {
        self.itemID = itemID
        self.cards = cards
        self.position = position
        self.answer = answer
        self.revealed = revealed
        self.shownAt = shownAt
        self.early = early
    }

    /// The 1-based number of the card shown now.
    public var card: Int { cards[min(position, cards.count - 1)] }

    /// The card after this one, with a fresh answer; nil when this was the last.
    func next(at now: Date) -> CardSession? {
        guard position + 1 < cards.count else { return nil }
        return CardSession(itemID: itemID, cards: cards, position: position + 1, shownAt: now, early: early)
    }
}

extension AppState {
    /// The cards of the planned item `id` that are due today, as a session; nil when the
    /// item has no prompts (it is reviewed as a whole, on the ladder) or is not done.
    func cardSession(for id: String) -> CardSession? {
        guard let item = curriculum.item(id: id), !item.prompts.isEmpty,
              let cards = study.reviews.cards(of: item, progress: progress, timeZone: study.timeZone,
                                              scheduler: settings.scheduler)
        else { return nil }
        let today = study.today
        let due = cards.enumerated().filter { $0.element.due <= today }
            .sorted { (settings.scheduler.retrievability(of: $0.element, on: today) ?? 0)
                < (settings.scheduler.retrievability(of: $1.element, on: today) ?? 0) }
            .map { $0.offset + 1 }
        return due.isEmpty ? nil : CardSession(itemID: id, cards: due, shownAt: study.now)
    }

    /// Review ahead (`R` on Today, when nothing is due): the done item whose next card
    /// comes due soonest, with its cards not due yet, soonest first. FSRS rates them with
    /// the days that really passed, so an early review counts for less than one on time.
    func cardSessionAhead() -> CardSession? {
        let today = study.today
        var best: (due: StudyDay, session: CardSession)?
        for track in curriculum.tracks {
            for item in track.items where !item.prompts.isEmpty {
                guard let cards = study.reviews.cards(of: item, progress: progress, timeZone: study.timeZone,
                                                      scheduler: settings.scheduler) else { continue }
                let ahead = cards.enumerated().filter { $0.element.due > today }
                    .sorted { $0.element.due != $1.element.due ? $0.element.due < $1.element.due : $0.offset < $1.offset }
                guard let first = ahead.first, best.map({ first.element.due < $0.due }) ?? true else { continue }
                best = (first.element.due, CardSession(itemID: item.id, cards: ahead.map { $0.offset + 1 },
                                                       shownAt: study.now, early: true))
            }
        }
        return best?.session
    }

    /// Keys while a card is shown: typing and reveal first, then the rating.
    mutating func reduceCardReview(_ action: Action, session: CardSession) -> [Effect] {
        var session = session
        if session.confirmingDiscard {
            session.confirmingDiscard = false
            answerDiscard(action, dropped: "Left for later: the answer typed was dropped, the rest of the cards stay due") {
                .cardReview(session)
            }
            return []
        }
        switch action {
        case .close:
            // What was typed is not dropped without asking.
            guard session.answer.isBlank else {
                session.confirmingDiscard = true
                replaceModal(.cardReview(session))
                return []
            }
            closeModal()
            message = "Left for later: the rest of the cards stay due"
            return []
        case .edit(let edit) where !session.revealed:
            // Space or Enter on an empty answer reveals, as in Anki; after text they type.
            if edit == .insert(" ") || edit == .newline, session.answer.text.isEmpty {
                session.revealed = true
            } else {
                session.answer.apply(edit)
            }
            replaceModal(.cardReview(session))
            return []
        case .confirm where !session.revealed:
            session.revealed = true
            replaceModal(.cardReview(session))
            return []
        case .rateCard(let rating) where session.revealed:
            return rateCard(rating, session: session)
        default:
            return []
        }
    }

    private mutating func rateCard(_ rating: CardRating, session: CardSession) -> [Effect] {
        guard let item = curriculum.item(id: session.itemID),
              let entry = progress.items[item.id], let doneOn = ReviewBook.doneDay(of: entry, in: study.timeZone)
        else {
            closeModal()
            return []
        }
        let (day, scheduler) = (study.today, settings.scheduler)
        let cardID = CardID.make(itemID: item.id, prompt: session.card)
        let before = study.reviews.cards[cardID]
        var recorded: CardReviewEntry?
        let seconds = session.shownAt.map { study.now.timeIntervalSince($0) }
        study.changeReviews {
            recorded = $0.rate(rating, card: session.card, of: item, on: day, doneOn: doneOn,
                               answer: session.answer.text,
                               seconds: seconds, scheduler: scheduler)
        }
        guard let recorded else { return [] }
        undo.record(UndoStep(label: "\(cardID): \(rating.name)",
                             change: .card(before: before, entry: recorded, answer: session.answer.text)))
        message = Self.outcome(recorded, today: day)
        if let next = session.next(at: study.now) {
            replaceModal(.cardReview(next))
        } else {
            closeModal()
        }
        return [.save(.reviews)] + touch(item.id)
    }

    /// "genai.rag#2 good: next review on 2026-12-09, in 7 days (recall was 91%)".
    public static func outcome(_ entry: CardReviewEntry, today: StudyDay) -> String {
        let due = today.adding(days: entry.interval)
        let recall = entry.retrievability.map { "recall was \(Int(($0 * 100).rounded()))%" } ?? "first review"
        let early = entry.early ? ", reviewed early" : ""
        return "\(entry.cardID) \(entry.rating.name): next review on \(due), in \(entry.interval) day\(entry.interval == 1 ? "" : "s") (\(recall)\(early))"
    }

    /// Undo of a card's rating: the card as it was, the rating gone from the journal,
    /// and, when its session is still open, the card shown again with the answer typed.
    mutating func undoCardRating(before: Card?, entry: CardReviewEntry, answer: String) {
        study.changeReviews { $0.restore(card: entry.cardID, to: before, removing: entry) }
        screen = .today
        guard let number = CardID.promptNumber(of: entry.cardID) else { return }
        if case .cardReview(let session) = modal, session.itemID == entry.itemID,
           let position = session.cards.firstIndex(of: number) {
            replaceModal(.cardReview(CardSession(itemID: session.itemID, cards: session.cards, position: position,
                                                 answer: TextEditor(answer), revealed: true, shownAt: study.now,
                                                 early: session.early)))
        } else if modal == nil {
            open(.cardReview(CardSession(itemID: entry.itemID, cards: [number], answer: TextEditor(answer), revealed: true,
                                         shownAt: study.now, early: entry.early)))
        }
    }
}
