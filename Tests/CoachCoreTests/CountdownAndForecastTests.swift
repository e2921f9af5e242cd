import Foundation
import Testing
@testable import CoachCore

/// `S`: the countdown to the goal rings once at zero and counts overtime; and the
/// forecast of the coming days, days off marked.
@Suite struct CountdownAndForecastTests {
    static let start = Fixture.now  // 2023-11-14 22:13:20 UTC, a Tuesday

    static func state(goal: Int = 45, journal: Journal = Journal(), calendar: StudyCalendar = StudyCalendar()) -> AppState {
        let study = StudyState(journal: journal, timeZone: .utc, now: start)
        var state = AppState(curriculum: Fixture.curriculum(), progress: ProgressBook(),
                             settings: Settings(focusTrack: "beta", dailyGoalMinutes: goal, calendar: calendar), study: study)
        state.screen = .today
        return state
    }

    @Test func theCountdownRingsOnceAtZeroAndCountsOvertime() {
        var journal = Journal()
        _ = journal.add(JournalEntry(day: StudyDay(Self.start, in: .utc), start: Self.start.addingTimeInterval(-7_200),
                                     minutes: 35, items: [], note: nil))
        var state = Self.state(journal: journal)
        // 10 of the 45 minutes are left.
        #expect(reduce(&state, .countDown, now: Self.start) == [.save(.session)])
        #expect(state.study.countdown?.text(at: 0) == "10:00 left")
        #expect(!reduce(&state, .tick, now: Self.start.addingTimeInterval(599)).contains(.bell))
        let atZero = reduce(&state, .tick, now: Self.start.addingTimeInterval(600))
        #expect(atZero.contains(.bell) && atZero.contains(.runHook(.goalReached)))
        #expect(state.message == "Goal reached: the timer counts overtime now")
        // Once: later ticks and keys ring no more, and the time runs on.
        #expect(!reduce(&state, .tick, now: Self.start.addingTimeInterval(700)).contains(.bell))
        #expect(!reduce(&state, .moveDown, now: Self.start.addingTimeInterval(800)).contains(.bell))
        #expect(state.study.countdown?.text(at: state.study.timer!.elapsed(at: Self.start.addingTimeInterval(790))) == "+03:10 overtime")
        // S again counts up; finishing ends the countdown with the session.
        _ = reduce(&state, .countDown, now: Self.start.addingTimeInterval(801))
        #expect(state.study.countdown == nil && state.study.timer?.isRunning == true)
    }

    @Test func aGoalMetAlreadyIsNotRungFor() {
        var journal = Journal()
        _ = journal.add(JournalEntry(day: StudyDay(Self.start, in: .utc), start: Self.start.addingTimeInterval(-7_200),
                                     minutes: 50, items: [], note: nil))
        var state = Self.state(journal: journal)
        #expect(!reduce(&state, .countDown, now: Self.start).contains(.bell))
        #expect(state.message == "The goal is reached already: the timer counts overtime")
        #expect(!reduce(&state, .tick, now: Self.start.addingTimeInterval(5)).contains(.bell))
    }

    @Test func theForecastMarksDaysOffAndPlansNothingOnThem() throws {
        let today = StudyDay(Self.start, in: .utc)  // Tuesday 2023-11-14
        let trip = StudyBreak(first: today.adding(days: 2), last: today.adding(days: 4))!
        let settings = Settings(focusTrack: "beta", dailyGoalMinutes: 60,
                                calendar: StudyCalendar(restDays: [.sunday], breaks: [trip]))
        let forecast = Forecast(curriculum: Fixture.curriculum(), progress: ProgressBook(), reviews: ReviewBook(),
                                settings: settings, from: today, days: 14, timeZone: .utc)
        #expect(forecast.days.count == 14 && forecast.days.first?.day == today)
        #expect(forecast.days[2].off == .onBreak(trip) && forecast.days[2].minutes == 0)
        #expect(forecast.days[5].off == .restDay, "Sunday 19 November")
        #expect(forecast.days[6].firstDayBack && !forecast.days[5].firstDayBack,
                "Monday is the first study day after the break (and the Sunday)")
        #expect(forecast.days[0].minutes > 0)
        let lines = ForecastText.lines(forecast, barWidth: 10)
        #expect(lines[0].hasPrefix("Tue 11-14  █"))
        #expect(lines[2] == "Thu 11-16  break (2023-11-16..2023-11-18)")
        #expect(lines[5] == "Sun 11-19  rest day")
        #expect(lines[6].hasSuffix("· first day back"))
    }

    @Test func theForecastCountsCardsOnTheDayTheyAreSpreadTo() {
        let item = Item(id: "beta.1", title: "B", summary: "", minutes: 30,
                        prompts: [RecallPrompt(question: "Q?", points: ["p"])])
        let curriculum = Curriculum(tracks: [Track(id: "beta", title: "Beta", sections: [Section(title: "S", items: [item])])])
        var progress = ProgressBook()
        progress.setStatus(.done, of: "beta.1", at: Self.start.addingTimeInterval(-86_400 * 20))
        let today = StudyDay(Self.start, in: .utc)
        let card = Card(id: "beta.1#1", state: .review, stability: 5, difficulty: 5, due: today.adding(days: 3),
                        lastReview: today.adding(days: -5), reps: 2, lapses: 0)
        let reviews = ReviewBook(cards: [card.id: card])
        let rest = StudyCalendar(restDays: [today.adding(days: 3).weekday])
        let forecast = Forecast(curriculum: curriculum, progress: progress, reviews: reviews,
                                settings: Settings(calendar: rest), from: today, days: 7, timeZone: .utc)
        #expect(forecast.days.map(\.cards) == [0, 0, 0, 0, 1, 0, 0])
    }

    @Test func aRestDayPlansNothingAndSaysWhy() {
        let today = StudyDay(Self.start, in: .utc)
        let state = Self.state(calendar: StudyCalendar(restDays: [today.weekday]))
        let plan = state.study.plan!
        #expect(plan.entries.isEmpty && plan.notice == .restDay)
        #expect(plan.message == "A rest day: nothing is planned, and your streak is safe.")
    }
}
