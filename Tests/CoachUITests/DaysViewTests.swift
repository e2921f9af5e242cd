import CoachCore
import Foundation
import Testing
@testable import CoachUI

/// The days at 80×24, rendered: the countdown and its overtime, freezes, the first day
/// back, a rest day, History's forecast and the break field.
@Suite struct DaysViewTests {
    static let size = Size(rows: 24, cols: 80)
    static let now = Fixtures.day  // 2023-11-14 22:13:20 UTC, a Tuesday
    static var today: StudyDay { StudyDay(now, in: .utc) }

    static func state(journal: Journal = Journal(), calendar: StudyCalendar = StudyCalendar(), screen: Screen = .today,
                      goal: Int = 30) -> AppState {
        let study = StudyState(journal: journal, timeZone: .utc, now: now)
        var state = AppState(curriculum: Fixtures.curriculum, progress: ProgressBook(),
                             settings: Settings(focusTrack: "alpha", dailyGoalMinutes: goal, calendar: calendar),
                             study: study, viewport: size)
        state.screen = screen
        _ = reduce(&state, .resize(size), now: now)
        return state
    }

    static func journal(days: Int, minutes: Int = 30, before last: StudyDay = today) -> Journal {
        var journal = Journal()
        for offset in 1...days {
            _ = journal.add(JournalEntry(day: last.adding(days: -offset), minutes: minutes))
        }
        return journal
    }

    @Test func theCountdownShowsWhatIsLeftThenTheOvertime() {
        var state = Self.state()
        _ = reduce(&state, .countDown, now: Self.now)
        var text = render(state, size: Self.size).text
        #expect(text.contains("Session  00:00  30:00 left"), "\(text)")
        let effects = reduce(&state, .tick, now: Self.now.addingTimeInterval(30 * 60 + 5))
        #expect(effects.contains(.bell))
        text = render(state, size: Self.size).text
        #expect(text.contains("30:05  +00:05 overtime · goal reached 🔔"), "\(text)")
        #expect(text.contains("Goal reached: the timer counts overtime now"))
    }

    @Test func freezesShowOnTodayAndHistory() {
        for screen in [Screen.today, .history] {
            let state = Self.state(journal: Self.journal(days: 8, minutes: 45), screen: screen)
            let text = render(state, size: Self.size).text
            #expect(text.contains("Streak 8 days · longest 8 days · ❄ 1 freeze"), "\(screen): \(text)")
        }
    }

    @Test func theFirstDayBackHasAShortPlanAndARestDayNone() {
        let trip = StudyBreak(first: Self.today.adding(days: -5), last: Self.today.adding(days: -1))!
        let back = render(Self.state(calendar: StudyCalendar(breaks: [trip]), goal: 60), size: Self.size).text
        #expect(back.contains("Today  0m of 30m"), "half of the 60-minute goal: \(back)")
        #expect(back.contains("Welcome back: a short plan today"))
        let rest = render(Self.state(calendar: StudyCalendar(restDays: [Self.today.weekday])), size: Self.size).text
        #expect(rest.contains("A rest day: nothing is planned, and your streak is safe."))
    }

    @Test func historyShowsTheNextFourteenDaysWithDaysOffMarked() {
        let trip = StudyBreak(first: Self.today.adding(days: 3), last: Self.today.adding(days: 5))!
        var state = Self.state(calendar: StudyCalendar(restDays: [.sunday], breaks: [trip]), screen: .history)
        #expect(render(state, size: Self.size).text.contains("Minutes per week"))
        _ = reduce(&state, .toggleForecast, now: Self.now)
        let lines = render(state, size: Self.size).lines
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Next 14 days") && !text.contains("Minutes per week"), "\(text)")
        #expect(lines.contains { $0.contains("Tue 11-14 █") && $0.contains("30m") }, "\(text)")
        #expect(text.contains("Fri 11-17 break until 11-19"))
        #expect(text.contains("Sun 11-26 rest day"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines.filter { $0.contains(" 11-") || $0.contains(" 11-2") }.count >= 14, "all 14 days fit at 80×24: \(text)")
    }

    @Test func theBreakFieldAddsABreakOrSaysWhyNot() {
        var state = Self.state(screen: .history)
        _ = reduce(&state, .addBreak, now: Self.now)
        for character in "2023-12-20..2023-12-19" { _ = reduce(&state, .edit(.insert(character)), now: Self.now) }
        var text = render(state, size: Self.size).text
        #expect(text.contains("Break: 2023-12-20..2023-12-19"), "\(text)")
        _ = reduce(&state, .confirm, now: Self.now)
        #expect(state.message == #"a break must end on or after its first day; got "2023-12-20..2023-12-19""#)
        #expect(state.modal != nil, "the field stays open to fix it")
        for _ in 0..<2 { _ = reduce(&state, .edit(.backspace), now: Self.now) }
        for character in "27" { _ = reduce(&state, .edit(.insert(character)), now: Self.now) }
        #expect(reduce(&state, .confirm, now: Self.now) == [.save(.settings)])
        #expect(state.settings.calendar.breaks == [StudyBreak("2023-12-20..2023-12-27")!])
        text = render(state, size: Self.size).text
        #expect(text.contains("Break 2023-12-20..2023-12-27 added: 8 days off"))
        _ = reduce(&state, .undo, now: Self.now)
        #expect(state.settings.calendar.breaks.isEmpty)
    }

    @Test func aMinusBeforeTheDaysTakesTheBreakOut() {
        let trip = StudyBreak("2023-12-20..2023-12-27")!
        var state = Self.state(calendar: StudyCalendar(breaks: [trip]), screen: .history)
        func type(_ text: String) {
            _ = reduce(&state, .addBreak, now: Self.now)
            for character in text { _ = reduce(&state, .edit(.insert(character)), now: Self.now) }
        }
        type("-2023-12-21..2023-12-27")
        #expect(reduce(&state, .confirm, now: Self.now).isEmpty)
        #expect(state.message == "there is no break 2023-12-21..2023-12-27; there are: 2023-12-20..2023-12-27")
        #expect(state.modal != nil, "the field stays open to fix it")
        _ = reduce(&state, .close, now: Self.now)
        type("-2023-12-20..2023-12-27")
        #expect(reduce(&state, .confirm, now: Self.now) == [.save(.settings)])
        #expect(state.settings.calendar.breaks.isEmpty)
        #expect(render(state, size: Self.size).text.contains("Break 2023-12-20..2023-12-27 removed: those days count again"))
        _ = reduce(&state, .undo, now: Self.now)
        #expect(state.settings.calendar.breaks == [trip], "u puts it back")
    }
}

extension DaysViewTests {
    @Test func theHeatmapMarksDaysOffAndFrozenDays() {
        // Eight days studied, then two missed (the grace day, then one a freeze covers),
        // and Sundays off.
        var journal = Journal()
        for offset in 4...11 { _ = journal.add(JournalEntry(day: Self.today.adding(days: -offset), minutes: 45)) }
        let state = Self.state(journal: journal, calendar: StudyCalendar(restDays: [.sunday]), screen: .history)
        #expect(state.study.streaks.frozenDays.count == 1, "\(state.study.streaks)")
        let lines = render(state, size: Size(rows: 30, cols: 130)).lines
        let text = lines.joined(separator: "\n")
        #expect(text.contains("❄"), "\(text)")
        let sunday = lines.first { $0.hasPrefix(" Sun") } ?? ""
        #expect(sunday.contains("·"), "\(text)")
        #expect(text.contains("· off  ❄ frozen"))
    }
}
