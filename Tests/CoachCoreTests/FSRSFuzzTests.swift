import CoachCore
import Foundation
import Testing

@Suite("FSRSFuzz")
struct FSRSFuzzTests {
    let day = Days.day("2024-06-10")

    /// FSRS's published fuzz range, written out from its definition: 1 day, plus 15% of
    /// the part of the interval within 2.5–7 days, 10% within 7–20 and 5% beyond 20;
    /// rounded half to even; at least 2 days; at most the maximum.
    static func publishedRange(_ interval: Int, maximum: Int) -> ClosedRange<Int> {
        let days = Double(interval)
        let delta = 1 + 0.15 * max(min(days, 7) - 2.5, 0) + 0.10 * max(min(days, 20) - 7, 0) + 0.05 * max(days - 20, 0)
        let upper = min(Int((days + delta).rounded(.toNearestOrEven)), maximum)
        return min(max(2, Int((days - delta).rounded(.toNearestOrEven))), upper)...upper
    }

    @Test func theRangesAreFSRSs() {
        #expect(FSRSFuzz.range(of: 1, maximumInterval: 36_500) == 1...1)
        #expect(FSRSFuzz.range(of: 2, maximumInterval: 36_500) == 2...2)
        #expect(FSRSFuzz.range(of: 3, maximumInterval: 36_500) == 2...4)
        #expect(FSRSFuzz.range(of: 10, maximumInterval: 36_500) == 8...12)
        #expect(FSRSFuzz.range(of: 100, maximumInterval: 36_500) == 93...107)
        #expect(FSRSFuzz.range(of: 100, maximumInterval: 102) == 93...102)
        for maximum in [3, 30, 365, 36_500] {
            for interval in 3...min(maximum, 2_000) {
                let range = FSRSFuzz.range(of: interval, maximumInterval: maximum)
                #expect(range == Self.publishedRange(interval, maximum: maximum), "interval \(interval), maximum \(maximum)")
                #expect(range.contains(interval))
                #expect(range.lowerBound >= 2 && range.upperBound <= maximum)
            }
        }
    }

    @Test func theSameCardAndDayAlwaysGetTheSameFuzz() {
        for interval in [3, 10, 45, 400] {
            let first = FSRSFuzz.fuzzed(interval, cardID: "genai.rag#1", day: day, maximumInterval: 36_500)
            for _ in 0..<20 {
                #expect(FSRSFuzz.fuzzed(interval, cardID: "genai.rag#1", day: day, maximumInterval: 36_500) == first)
            }
        }
        let scheduler = FSRSScheduler.standard
        let card = Card(id: "pm.prd#3", state: .review, stability: 40, difficulty: 5, due: day,
                        lastReview: day.adding(days: -40), reps: 3, lapses: 0)
        #expect(scheduler.review(card, rating: .good, on: day) == scheduler.review(card, rating: .good, on: day))
    }

    /// The value for one card and day is pinned, so a change to the seed (which would move
    /// every learner's due days) cannot pass unnoticed.
    @Test func theSeedIsStableAcrossProcesses() {
        let values = (0..<8).map { FSRSFuzz.fuzzed(100, cardID: "card-\($0)", day: day, maximumInterval: 36_500) }
        #expect(values == FSRSFuzzTests.pinned)
    }
    static let pinned = [105, 106, 101, 97, 94, 96, 102, 100]

    @Test func differentCardsAndDaysSpreadOverTheWholeRange() {
        let range = FSRSFuzz.range(of: 100, maximumInterval: 36_500)
        var counts: [Int: Int] = [:]
        for index in 0..<15_000 {
            counts[FSRSFuzz.fuzzed(100, cardID: "item.\(index / 3)#\(index % 3)", day: day, maximumInterval: 36_500), default: 0] += 1
        }
        #expect(Set(counts.keys) == Set(range))
        // Each of the 15 days is about equally likely: 1,000 expected, far from 700 or 1,300.
        #expect(counts.values.allSatisfy { (700...1_300).contains($0) }, "\(counts.sorted { $0.key < $1.key })")

        let byDay = Set((0..<60).map { FSRSFuzz.fuzzed(100, cardID: "one", day: day.adding(days: $0), maximumInterval: 36_500) })
        #expect(byDay.count >= 8, "one card on different days")
    }

    @Test func fuzzStaysInTheRangeAndWithinTheMaximum() {
        var random = SeededRandom(seed: 7)
        for maximum in [1, 2, 3, 30, 365, 36_500] {
            for _ in 0..<3_000 {
                let interval = 1 + random.next(below: maximum)
                let id = "card-\(random.next(below: 1_000_000))"
                let on = day.adding(days: random.next(below: 10_000))
                let fuzzed = FSRSFuzz.fuzzed(interval, cardID: id, day: on, maximumInterval: maximum)
                #expect(FSRSFuzz.range(of: interval, maximumInterval: maximum).contains(fuzzed))
                #expect((1...maximum).contains(fuzzed))
            }
        }
        // A card whose stability is far beyond a short maximum is fuzzed below it, never past.
        let scheduler = FSRSFuzzTests.scheduler(maximum: 30, fuzz: true)
        var intervals: Set<Int> = []
        for index in 0..<500 {
            let card = Card(id: "c\(index)", state: .review, stability: 5_000, difficulty: 5, due: day,
                            lastReview: day.adding(days: -300), reps: 5, lapses: 0)
            intervals.insert(scheduler.review(card, rating: .easy, on: day).interval)
        }
        #expect(intervals.max() == 30)
        #expect(intervals.count > 1)
    }

    @Test func noFuzzWhenItIsOff() {
        let off = FSRSFuzzTests.scheduler(maximum: 36_500, fuzz: false)
        let on = FSRSFuzzTests.scheduler(maximum: 36_500, fuzz: true)
        var differed = 0
        for index in 0..<300 {
            let stability = 3 + Double(index)
            let card = Card(id: "c\(index)", state: .review, stability: stability, difficulty: 5, due: day,
                            lastReview: day.adding(days: -Int(stability)), reps: 2, lapses: 0)
            let plain = off.review(card, rating: .good, on: day)
            #expect(plain.interval == off.interval(for: plain.card.stability))
            let fuzzed = on.review(card, rating: .good, on: day)
            #expect(fuzzed.card.stability == plain.card.stability, "fuzz moves the due day, not the memory state")
            #expect(FSRSFuzz.range(of: plain.interval, maximumInterval: 36_500).contains(fuzzed.interval))
            if fuzzed.interval != plain.interval { differed += 1 }
        }
        #expect(differed > 150)
    }

    static func scheduler(maximum: Int, fuzz: Bool) -> FSRSScheduler {
        FSRSTests.scheduler(retention: 0.9, maximum: maximum, fuzz: fuzz)
    }
}
