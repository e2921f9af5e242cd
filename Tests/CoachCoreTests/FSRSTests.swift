import CoachCore
import Foundation
import Testing

/// The table `scripts/fsrs-reference` writes from py-fsrs 6.
struct FSRSReferenceTable: Decodable {
    struct Sequence: Decodable {
        var name: String
        var desiredRetention: Double
        var maximumInterval: Int
        var steps: [Step]
    }

    struct Step: Decodable {
        var day: Int
        var rating: Int
        var retrievability: Double?
        var stability: Double
        var difficulty: Double
        var interval: Int
    }

    struct IntervalRow: Decodable {
        var desiredRetention: Double
        var maximumInterval: Int
        var stability: Double
        var interval: Int
    }

    var reference: String
    var parameters: [Double]
    var intervals: [IntervalRow]
    var sequences: [Sequence]

    /// This file lives in <root>/Tests/CoachCoreTests/, beside Fixtures/.
    static func load() throws -> FSRSReferenceTable {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fsrs-reference.json")
        return try JSONDecoder().decode(FSRSReferenceTable.self, from: Data(contentsOf: file))
    }
}

@Suite("FSRS")
struct FSRSTests {
    let start = Days.day("2024-01-01")

    static func scheduler(retention: Double = 0.9, maximum: Int = 36_500, fuzz: Bool = false) -> FSRSScheduler {
        do {
            return try FSRSScheduler(desiredRetention: retention, maximumInterval: maximum, fuzz: fuzz)
        } catch {
            fatalError("\(error)")
        }
    }

    // MARK: Against the reference

    @Test func theParametersAreTheReferencesDefaults() throws {
        let table = try FSRSReferenceTable.load()
        #expect(table.reference.hasPrefix("fsrs 6."))
        #expect(FSRSScheduler.parameters == table.parameters)
        #expect(FSRSScheduler.parameters.count == 21)
    }

    @Test func theReferenceTableIsLargeAndCoversTheCases() throws {
        let table = try FSRSReferenceTable.load()
        #expect(table.sequences.count >= 40)
        let steps = table.sequences.flatMap(\.steps)
        #expect(Set(table.sequences.map(\.desiredRetention)).isSuperset(of: [0.8, 0.9]))
        #expect(Set(table.sequences.map(\.maximumInterval)).count >= 2)
        #expect(Set(steps.map(\.rating)) == [1, 2, 3, 4])
        // Capped intervals, same-day reviews and reviews months overdue are all in it.
        #expect(table.sequences.contains { sequence in sequence.steps.contains { $0.interval == sequence.maximumInterval } })
        #expect(table.sequences.contains { sequence in zip(sequence.steps, sequence.steps.dropFirst()).contains { $0.day == $1.day } })
        #expect(steps.contains { ($0.retrievability ?? 1) < 0.5 })
    }

    @Test func stabilityDifficultyAndIntervalsAgreeWithTheReference() throws {
        let table = try FSRSReferenceTable.load()
        var compared = 0
        for sequence in table.sequences {
            let scheduler = try FSRSScheduler(desiredRetention: sequence.desiredRetention,
                                              maximumInterval: sequence.maximumInterval, fuzz: false)
            var card = Card(id: "reference", due: start)
            for (index, step) in sequence.steps.enumerated() {
                let rating = try #require(CardRating(rawValue: step.rating))
                let day = start.adding(days: step.day)
                let review = scheduler.review(card, rating: rating, on: day)
                let place = "\(sequence.name), review \(index + 1) on day \(step.day)"
                #expect(abs(review.card.stability - step.stability) <= 1e-4,
                        "stability \(review.card.stability), reference \(step.stability): \(place)")
                #expect(abs(review.card.difficulty - step.difficulty) <= 1e-4,
                        "difficulty \(review.card.difficulty), reference \(step.difficulty): \(place)")
                #expect(review.interval == step.interval, "\(place)")
                #expect(review.card.due == day.adding(days: step.interval), "\(place)")
                switch (review.retrievability, step.retrievability) {
                case (nil, nil): break
                case (let ours?, let theirs?): #expect(abs(ours - theirs) <= 1e-4, "retrievability: \(place)")
                default: Issue.record("retrievability \(String(describing: review.retrievability)), reference \(String(describing: step.retrievability)): \(place)")
                }
                card = review.card
                compared += 1
            }
            #expect(card.reps == sequence.steps.count)
            #expect(card.lapses == sequence.steps.dropFirst().filter { $0.rating == 1 }.count)
        }
        #expect(compared >= 400)
    }

    /// Half-day intervals round half to even, as py-fsrs's `round` does, and every
    /// interval is kept within 1 day and the maximum.
    @Test func intervalsForAStabilityAgreeWithTheReference() throws {
        let table = try FSRSReferenceTable.load()
        #expect(table.intervals.count >= 40)
        #expect(table.intervals.contains { $0.stability == 2.5 && $0.desiredRetention == 0.9 && $0.interval == 2 })
        for row in table.intervals {
            let scheduler = try FSRSScheduler(desiredRetention: row.desiredRetention,
                                              maximumInterval: row.maximumInterval, fuzz: false)
            #expect(scheduler.interval(for: row.stability) == row.interval,
                    "stability \(row.stability), retention \(row.desiredRetention), maximum \(row.maximumInterval)")
        }
    }

    // MARK: Settings

    @Test func retentionOutsideTheRangeIsRefusedWithWhatIsAllowed() {
        for bad in [0.69, 0.699_999, 0.971, 0.98, 1.0, 0, -0.9, 90, .nan, .infinity] {
            let error = #expect(throws: FSRSSettingsError.self) { try FSRSScheduler(desiredRetention: bad) }
            #expect(error?.description.hasPrefix("desired retention must be between 0.7 and 0.97, found ") == true, "\(bad)")
        }
        #expect(FSRSSettingsError.retention(0.99).description
            == "desired retention must be between 0.7 and 0.97, found 0.99")
        for good in [0.70, 0.8, 0.9, 0.97] {
            #expect((try? FSRSScheduler(desiredRetention: good))?.desiredRetention == good)
        }
    }

    @Test func aMaximumIntervalBelowOneDayIsRefused() {
        #expect(throws: FSRSSettingsError.maximumInterval(0)) { try FSRSScheduler(maximumInterval: 0) }
        #expect(throws: FSRSSettingsError.maximumInterval(-30)) { try FSRSScheduler(maximumInterval: -30) }
        #expect(FSRSSettingsError.maximumInterval(0).description == "maximum interval must be at least 1 day, found 0")
        #expect((try? FSRSScheduler(maximumInterval: 1))?.maximumInterval == 1)
    }

    @Test func theDefaults() throws {
        let standard = FSRSScheduler.standard
        #expect(standard.desiredRetention == 0.9)
        #expect(standard.maximumInterval == 36_500)
        #expect(standard.fuzz)
        #expect(try FSRSScheduler() == standard)
    }

    // MARK: The scheduler

    @Test func aNewCardRatedGoesStraightToReview() {
        let scheduler = Self.scheduler()
        let card = Card(id: "c", due: start)
        #expect(scheduler.retrievability(of: card, on: start) == nil)
        for rating in CardRating.allCases {
            let review = scheduler.review(card, rating: rating, on: start)
            #expect(review.card.state == .review)
            #expect(review.card.reps == 1)
            #expect(review.card.lapses == 0, "again on a new card is not a lapse")
            #expect(review.card.lastReview == start)
            #expect(review.retrievability == nil)
            #expect(review.card.stability == FSRSScheduler.parameters[rating.rawValue - 1])
        }
        // Better first ratings give longer first intervals and lower difficulty.
        let reviews = CardRating.allCases.map { scheduler.review(card, rating: $0, on: start) }
        #expect(reviews.map(\.interval) == reviews.map(\.interval).sorted())
        #expect(reviews.map(\.card.difficulty) == reviews.map(\.card.difficulty).sorted(by: >))
    }

    @Test func againOnACardInReviewIsALapseWithAShorterInterval() {
        let scheduler = Self.scheduler()
        var card = scheduler.review(Card(id: "c", due: start), rating: .good, on: start).card
        card = scheduler.review(card, rating: .good, on: card.due).card
        let before = card
        let lapse = scheduler.review(card, rating: .again, on: card.due)
        #expect(lapse.card.lapses == 1)
        #expect(lapse.card.state == .review)
        #expect(lapse.card.stability < before.stability)
        #expect(lapse.card.difficulty > before.difficulty)
        #expect(lapse.interval >= 1)
    }

    @Test func retrievabilityFallsWithTimeAndIsTheRetentionAtTheInterval() {
        let reviewed = Days.day("2024-03-01")
        let card = Card(id: "c", state: .review, stability: 10, difficulty: 5, due: reviewed.adding(days: 10),
                        lastReview: reviewed, reps: 1, lapses: 0)
        let scheduler = Self.scheduler()
        let curve = (0...2_000).map { scheduler.retrievability(of: card, on: reviewed.adding(days: $0))! }
        #expect(curve[0] == 1)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0 > $1 })
        #expect(curve.allSatisfy { $0 > 0 && $0 <= 1 })
        // Stability is the days to 90% recall, so at retention 0.9 the interval is the stability.
        #expect(abs(curve[10] - 0.9) < 1e-12)
        #expect(scheduler.interval(for: 10) == 10)
        #expect(scheduler.retrievability(of: card, on: reviewed.adding(days: -5)) == 1, "a day before the review counts as that day")

        // Unfuzzed, a card is due the day its retrievability reaches the desired retention,
        // to within the rounding of the interval to a whole day.
        for retention in [0.7, 0.8, 0.9, 0.97] {
            let scheduler = Self.scheduler(retention: retention)
            var card = Card(id: "c", due: reviewed)
            for _ in 0..<6 {
                let review = scheduler.review(card, rating: .good, on: card.due)
                card = review.card
                if review.interval == scheduler.maximumInterval { break }  // capped: due before the retention is reached
                let atDue = scheduler.retrievability(of: card, on: card.due)!
                let dayBefore = scheduler.retrievability(of: card, on: card.due.adding(days: -1))!
                let dayAfter = scheduler.retrievability(of: card, on: card.due.adding(days: 1))!
                #expect(dayAfter < retention && retention < dayBefore, "retention \(retention), interval \(review.interval)")
                #expect(abs(atDue - retention) < dayBefore - dayAfter)
            }
        }
    }

    @Test func intervalsKeepWithinOneDayAndTheMaximum() {
        let scheduler = Self.scheduler(maximum: 365)
        #expect(scheduler.interval(for: 0.001) == 1)
        #expect(scheduler.interval(for: 1e9) == 365)
        #expect(scheduler.interval(for: .greatestFiniteMagnitude) == 365)
        #expect(Self.scheduler(maximum: 1).interval(for: 500) == 1)
    }

    @Test func thePreviewIsWhatTheReviewChooses() {
        for fuzz in [false, true] {
            let scheduler = Self.scheduler(fuzz: fuzz)
            var card = Card(id: "genai.rag#2", due: start)
            var day = start
            for rating in [CardRating.good, .good, .hard, .again, .easy, .good] {
                let preview = scheduler.nextIntervals(for: card, on: day)
                for each in CardRating.allCases {
                    #expect(preview[each] == scheduler.review(card, rating: each, on: day).interval)
                }
                #expect(preview.again <= preview.hard && preview.hard <= preview.good && preview.good <= preview.easy
                        || fuzz, "unfuzzed, better ratings never give shorter intervals")
                card = scheduler.review(card, rating: rating, on: day).card
                day = card.due
            }
        }
    }

    @Test func outOfRangeNumbersOnACardGiveNoNaN() {
        let scheduler = Self.scheduler(fuzz: true)
        for (stability, difficulty) in [(0.0, 0.0), (-5, 20), (.nan, .nan), (.infinity, -.infinity), (1e300, 5)] {
            let card = Card(id: "bad", state: .review, stability: stability, difficulty: difficulty, due: start,
                            lastReview: start.adding(days: -3), reps: 1, lapses: 0)
            for rating in CardRating.allCases {
                let review = scheduler.review(card, rating: rating, on: start)
                #expect(review.card.stability.isFinite && review.card.stability > 0)
                #expect((1...10).contains(review.card.difficulty))
                #expect((1...scheduler.maximumInterval).contains(review.interval))
                #expect(review.retrievability.map { $0.isFinite } ?? false)
            }
        }
    }

    /// Seeded random histories: every rating, early and late reviews, same-day reviews,
    /// years overdue, every retention and several maxima. Nothing may come out NaN,
    /// infinite or out of range.
    @Test func noRatingSequenceGivesNaNOrInfinity() throws {
        var random = SeededRandom(seed: 12)
        let retentions = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97]
        let maxima = [1, 2, 7, 180, 365, 36_500]
        var reviews = 0
        for sequence in 0..<10_000 {
            let scheduler = try FSRSScheduler(desiredRetention: retentions[random.next(below: retentions.count)],
                                              maximumInterval: maxima[random.next(below: maxima.count)],
                                              fuzz: random.next(below: 2) == 0)
            var card = Card(id: "card-\(sequence)", due: start)
            var day = start
            for _ in 0..<(1 + random.next(below: 30)) {
                let interval = card.lastReview.map { $0.days(to: card.due) } ?? 0
                switch random.next(below: 6) {
                case 0: break  // the same day
                case 1: day = day.adding(days: 1 + random.next(below: max(1, interval)))  // early
                case 2: day = day.adding(days: interval + random.next(below: 3_000))  // late
                default: day = card.due
                }
                let rating = CardRating.allCases[random.next(below: 4)]
                let review = scheduler.review(card, rating: rating, on: day)
                let place = "sequence \(sequence), \(rating) on \(day)"
                #expect(review.card.stability.isFinite && review.card.stability >= 0.001, "\(place)")
                #expect((1...10).contains(review.card.difficulty), "\(place)")
                #expect((1...scheduler.maximumInterval).contains(review.interval), "\(place)")
                if let r = review.retrievability { #expect(r.isFinite && r > 0 && r <= 1, "\(place)") }
                card = review.card
                reviews += 1
            }
        }
        #expect(reviews > 100_000)
    }
}
