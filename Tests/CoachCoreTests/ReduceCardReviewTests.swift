import Foundation
import Testing
@testable import CoachCore

/// Today's review of an item's cards: question, typed answer, reveal, rating, the next
/// card, Esc for later, undo of a rating; and the plan counting cards.
@Suite struct ReduceCardReviewTests {
    static let utc = TimeZoneRules.utc
    static let start = Fixture.now
    static let item = Item(id: "rag", title: "Retrieval", summary: "", minutes: 60, prompts: [
        RecallPrompt(question: "When would you choose RAG?", points: ["Fresh facts", "Citations"]),
        RecallPrompt(question: "What goes wrong without evals?", points: ["Silent regressions"]),
    ])
    static let other = Item(id: "plain", title: "Plain", summary: "", minutes: 20)

    static func state(doneDaysAgo: Int = 1) -> AppState {
        var progress = ProgressBook()
        progress.setStatus(.done, of: "rag", at: start.addingTimeInterval(-86_400 * Double(doneDaysAgo)))
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [Section(title: "S", items: [item, other])])])
        var state = AppState(curriculum: curriculum, progress: progress, settings: Settings(dailyGoalMinutes: 45),
                             study: StudyState(timeZone: utc, now: start))
        state.screen = .today
        _ = reduce(&state, .resize(Size(rows: 24, cols: 80)), now: start)
        return state
    }

    static func keys(_ text: String, _ state: inout AppState) {
        for character in text {
            let action = KeyMap.action(for: .char(character), in: state)
            if let action { _ = reduce(&state, action, now: start) }
        }
    }

    @Test func thePlanCountsTheCardsDue() throws {
        let state = Self.state()
        let plan = try #require(state.study.plan)
        #expect(plan.entries.first?.kind == .review)
        #expect(plan.entries.first?.itemID == "rag")
        #expect(plan.entries.first?.minutes == 3, "2 cards × 1.5 minutes")
        #expect(plan.cardsDue == 2)
    }

    @Test func aReviewIsQuestionAnswerRevealRateThenTheNextCard() throws {
        var state = Self.state()
        _ = reduce(&state, .markDone, now: Self.start)
        let session = try #require(state.modal?.cardSession)
        #expect(session.cards == [1, 2] && !session.revealed)
        #expect(state.isTyping, "the answer field takes the keys, so h g e are letters")
        Self.keys("fresh data", &state)
        #expect(state.modal?.cardSession?.answer.text == "fresh data")
        #expect(KeyMap.action(for: .char("3"), in: state) == .edit(.insert("3")), "no rating before the reveal")
        #expect(KeyMap.action(for: .enter, in: state) == .edit(.newline), "after text Enter is a new line")
        _ = reduce(&state, try #require(KeyMap.action(for: .control("d"), in: state)), now: Self.start)
        #expect(state.modal?.cardSession?.revealed == true)
        #expect(KeyMap.action(for: .char("1"), in: state) == .rateCard(.again))
        #expect(KeyMap.action(for: .char("h"), in: state) == .rateCard(.hard))
        #expect(KeyMap.action(for: .char("g"), in: state) == .rateCard(.good))
        #expect(KeyMap.action(for: .char("e"), in: state) == .rateCard(.easy))
        #expect(KeyMap.action(for: .char("a"), in: state) == nil, "a is not bound")
        let effects = reduce(&state, .rateCard(.good), now: Self.start)
        #expect(effects.contains(.save(.reviews)))
        let entry = try #require(state.study.reviews.log.last)
        #expect(entry.cardID == "rag#1" && entry.rating == .good && entry.answer == "fresh data")
        #expect(state.message == AppState.outcome(entry, today: state.study.today))
        #expect(state.message?.contains("next review on") == true)
        // The next card, with a fresh answer.
        let next = try #require(state.modal?.cardSession)
        #expect(next.card == 2 && next.answer.text.isEmpty && !next.revealed)
    }

    @Test func spaceRevealsOnAnEmptyAnswerAndIsASpaceInAWord() throws {
        var state = Self.state()
        _ = reduce(&state, .markDone, now: Self.start)
        Self.keys("a b", &state)
        #expect(state.modal?.cardSession?.answer.text == "a b")
        #expect(state.modal?.cardSession?.revealed == false)
        var empty = Self.state()
        _ = reduce(&empty, .markDone, now: Self.start)
        Self.keys(" ", &empty)
        #expect(empty.modal?.cardSession?.revealed == true)
    }

    @Test func escLeavesTheRestForLater() throws {
        var state = Self.state()
        _ = reduce(&state, .markDone, now: Self.start)
        _ = reduce(&state, .confirm, now: Self.start)
        _ = reduce(&state, .rateCard(.easy), now: Self.start)
        _ = reduce(&state, .close, now: Self.start)
        #expect(state.modal == nil)
        #expect(state.study.reviews.log.count == 1)
        // Back on the item: only the card still due comes.
        _ = reduce(&state, .markDone, now: Self.start)
        #expect(state.modal?.cardSession?.cards == [2])
    }

    @Test func undoTakesARatingBackAndShowsTheCardAgain() throws {
        var state = Self.state()
        let before = state.study.reviews
        _ = reduce(&state, .markDone, now: Self.start)
        Self.keys("my answer", &state)
        _ = reduce(&state, .confirm, now: Self.start)
        _ = reduce(&state, .rateCard(.again), now: Self.start)
        #expect(state.modal?.cardSession?.card == 2)
        _ = reduce(&state, .confirm, now: Self.start)
        #expect(KeyMap.action(for: .char("u"), in: state) == .undo)
        let effects = reduce(&state, .undo, now: Self.start)
        #expect(effects == [.save(.reviews)])
        #expect(state.study.reviews == before, "the card as it was")
        let session = try #require(state.modal?.cardSession)
        #expect(session.card == 1 && session.revealed && session.answer.text == "my answer")

        // Ctrl-R gives the rating back and goes on to the next card.
        let rated = state.study.reviews
        #expect(KeyMap.action(for: .control("r"), in: state) == .redo)
        #expect(reduce(&state, .redo, now: Self.start) == [.save(.reviews)])
        #expect(state.message == "Redid: rag#1: again")
        #expect(state.study.reviews != rated)
        #expect(state.study.reviews.log.count == 1)
        #expect(state.modal?.cardSession?.card == 2)
        // And u takes it back once more.
        _ = reduce(&state, .confirm, now: Self.start)
        _ = reduce(&state, .undo, now: Self.start)
        #expect(state.study.reviews == before)
    }

    @Test func anItemWithoutPromptsKeepsTheOneQuestion() throws {
        var progress = ProgressBook()
        progress.setStatus(.done, of: "plain", at: Self.start.addingTimeInterval(-86_400))
        var state = Self.state()
        state.replaceDocument(with: .progress(progress))
        _ = reduce(&state, .resize(Size(rows: 24, cols: 80)), now: Self.start)
        let entry = try #require(state.study.plan?.entries.first)
        #expect(entry.itemID == "plain" && entry.kind == .review)
        _ = reduce(&state, .markDone, now: Self.start)
        #expect(state.modal == .reviewPrompt(itemID: "plain"))
    }

    @Test func theCapOnReviewsLeavesCardsWaitingAndTheMostForgottenComeFirst() throws {
        let items = (1...20).map { index in
            Item(id: "i\(index)", title: "I\(index)", summary: "", minutes: 30,
                 prompts: [RecallPrompt(question: "Q?", points: ["p"])])
        }
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [Section(title: "S", items: items)])])
        var progress = ProgressBook()
        let done = Self.start.addingTimeInterval(-86_400 * 60)
        for item in items { progress.setStatus(.done, of: item.id, at: done) }
        var reviews = ReviewBook()
        let doneOn = StudyDay(done, in: Self.utc)
        let scheduler = Settings().scheduler
        // i1 rated easy long ago (remembered well), i2 rated again (forgotten).
        reviews.rate(.easy, card: 1, of: items[0], on: doneOn.adding(days: 1), doneOn: doneOn, scheduler: scheduler)
        reviews.rate(.again, card: 1, of: items[1], on: doneOn.adding(days: 1), doneOn: doneOn, scheduler: scheduler)
        let plan = DailyPlan(curriculum: curriculum, progress: progress, reviews: reviews, settings: Settings(dailyGoalMinutes: 20),
                             day: StudyDay(Self.start, in: Self.utc), timeZone: Self.utc)
        let minutes = plan.entries.filter { $0.kind == .review }.reduce(0) { $0 + $1.minutes }
        #expect(minutes <= 10, "at most half the goal")
        #expect(plan.cardsWaiting > 0 && plan.reviewsWaiting > 0)
        // Never-rated cards count as forgotten; of the rated, the one rated again comes first.
        let order = reviews.dueCards(on: StudyDay(Self.start, in: Self.utc), curriculum: curriculum, progress: progress,
                                     timeZone: Self.utc, scheduler: scheduler).map(\.itemID)
        #expect(order.count == 20)
        #expect(order.suffix(2) == ["i2", "i1"])
        #expect(plan.entries.filter { $0.kind == .review }.map(\.itemID) == Array(order.prefix(5)), "one card rounds up to 2 minutes: 5 items in 10 minutes")
    }
}
