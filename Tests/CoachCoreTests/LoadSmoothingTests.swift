import CoachCore
import Foundation
import Testing

/// Reviews that fall due on days off come after them, spread over the days after a break.
@Suite struct LoadSmoothingTests {
    static let week = StudyBreak("2026-12-20..2026-12-26")!  // 7 days, Sunday to Saturday

    /// `count` items with 1–3 prompts each, done on 1 December, their cards stored due on
    /// days drawn from `dueDays` (seeded, so a failure replays).
    static func home(items count: Int, dueDays: [StudyDay], seed: UInt64)
    -> (Curriculum, ProgressBook, ReviewBook) {
        var random = SeededRandom(seed: seed)
        var items: [Item] = []
        var cards: [String: Card] = [:]
        var progress = ProgressBook()
        for index in 0..<count {
            let prompts = Int.random(in: 1...3, using: &random)
            let item = Item(id: "i\(index)", title: "Item \(index)", summary: "", minutes: 30,
                            prompts: (1...prompts).map { RecallPrompt(question: "Q\($0)?", points: ["p"]) })
            items.append(item)
            progress.setStatus(.done, of: item.id, at: Days.moment(2026, 12, 1, 12, in: Days.utc))
            let due = dueDays[Int.random(in: 0..<dueDays.count, using: &random)]
            for id in CardID.ids(of: item) {
                cards[id] = Card(id: id, state: .review, stability: 10, difficulty: 5, due: due,
                                 lastReview: due.adding(days: -10), reps: 2, lapses: 0)
            }
        }
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [Section(title: "S", items: items)])])
        return (curriculum, progress, ReviewBook(cards: cards))
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func theLargestDayAfterAWeeksBreakIsAtMostTheAverageOfTheNextSevenPlusOneGroup(seed: UInt64) {
        let breakDays = (0..<7).map { Self.week.first.adding(days: $0) }
        let after = (1...7).map { Self.week.last.adding(days: $0) }
        let (curriculum, progress, reviews) = Self.home(items: 40, dueDays: breakDays + breakDays + after, seed: seed)
        let calendar = StudyCalendar(breaks: [Self.week])
        let scheduler = FSRSScheduler.standard
        func due(_ day: StudyDay, _ calendar: StudyCalendar) -> Int {
            reviews.dueCards(on: day, curriculum: curriculum, progress: progress, timeZone: .utc, scheduler: scheduler,
                             calendar: calendar).count
        }
        for day in breakDays { #expect(due(day, calendar) == 0, "nothing on a day of the break") }
        // New each day: due by then, less due by the day before.
        var perDay: [Int] = []
        var before = 0
        for day in after {
            let total = due(day, calendar)
            perDay.append(total - before)
            before = total
        }
        let all = reviews.cards.count
        #expect(before == all, "every card is due by the end of the week after")
        let average = Double(perDay.reduce(0, +)) / Double(perDay.count)
        let largestGroup = 3
        #expect(Double(perDay.max()!) <= average + Double(largestGroup), "\(perDay)")
        // Without the smoothing the first day back would carry every card of the break.
        let unsmoothed = reviews.dueCards(on: after[0], curriculum: curriculum, progress: progress, timeZone: .utc,
                                          scheduler: scheduler).count
        #expect(perDay[0] < unsmoothed)
        // The same cards and days give the same spread.
        #expect(perDay.first == due(after[0], calendar))
    }

    @Test func anItemsCardsMoveTogetherAndARestDaysCardsComeTheNextDay() {
        let sunday = Days.day("2026-12-06")
        let cards = [Card(id: "a#1", due: sunday), Card(id: "a#2", due: sunday.adding(days: -1)),
                     Card(id: "b#1", due: sunday), Card(id: "c#1", due: sunday.adding(days: 1))]
        let calendar = StudyCalendar(restDays: [.saturday, .sunday])
        let planned = LoadSmoothing.plannedDays(of: cards, itemOf: { String($0.id.prefix(1)) }, calendar: calendar)
        // Saturday and Sunday spread over Monday and Tuesday; a's two cards stay together.
        #expect(planned["a#1"] == planned["a#2"])
        #expect(Set([planned["a#1"]!, planned["b#1"]!]) == [sunday.adding(days: 1), sunday.adding(days: 2)])
        #expect(planned["c#1"] == sunday.adding(days: 1), "a card due on a study day stays")
        #expect(planned.values.allSatisfy { !calendar.isOff($0) })
    }
}
