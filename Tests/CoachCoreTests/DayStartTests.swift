import CoachCore
import Foundation
import Testing

/// The day start: a moment before it belongs to the day before, in every zone and across
/// month, year and daylight-saving changes.
@Suite struct DayStartTests {
    static let four = DayStart.standard

    @Test func theTextOfADayStart() {
        #expect(DayStart("04:00") == .standard && DayStart("4:00") == .standard)
        #expect(DayStart("23:59")?.minutes == 1_439 && DayStart("00:00") == .midnight)
        for bad in ["24:00", "4", "04:60", "-1:00", "04:0", "ab:cd", "", "04:00:00", "٤:00"] {
            #expect(DayStart(bad) == nil, "\(bad)")
        }
        #expect(DayStart("5:30")?.description == "05:30")
        #expect(DayStart.problem("25:00", flag: "--day-start") == #"--day-start must be a time HH:MM from 00:00 to 23:59; got "25:00""#)
    }

    @Test(arguments: [Days.berlin, Days.newYork])
    func halfPastMidnightCountsForTheEveningBeforeAcrossMonthAndYear(zone: TimeZoneRules) {
        let days = zone.startingDays(at: Self.four)
        // New Year's night: 00:30 on 1 January is still 31 December; 04:00 is the new year.
        #expect(StudyDay(Days.moment(2027, 1, 1, 0, 30, in: zone), in: days) == Days.day("2026-12-31"))
        #expect(StudyDay(Days.moment(2027, 1, 1, 3, 59, in: zone), in: days) == Days.day("2026-12-31"))
        #expect(StudyDay(Days.moment(2027, 1, 1, 4, 0, in: zone), in: days) == Days.day("2027-01-01"))
        // The end of a month, and of February in a leap year.
        #expect(StudyDay(Days.moment(2028, 3, 1, 1, 0, in: zone), in: days) == Days.day("2028-02-29"))
        #expect(StudyDay(Days.moment(2026, 5, 1, 2, 0, in: zone), in: days) == Days.day("2026-04-30"))
        // Midnight as the start is the calendar day itself.
        #expect(StudyDay(Days.moment(2027, 1, 1, 0, 30, in: zone), in: zone.startingDays(at: .midnight)) == Days.day("2027-01-01"))
    }

    /// Berlin changes at 02:00→03:00 (last Sunday of March) and 03:00→02:00 (October); New
    /// York at 02:00 in March and November. The day start at 04:00 and at 02:30 (inside the
    /// spring gap) both give each night to the day before, and each day starts once.
    @Test(arguments: [(Days.berlin, [(2026, 3, 29), (2026, 10, 25)]), (Days.newYork, [(2026, 3, 8), (2026, 11, 1)])])
    func daylightSavingNightsStayWithTheEveningBefore(zone: TimeZoneRules, changes: [(Int, Int, Int)]) {
        for start in [Self.four, DayStart("02:30")!] {
            let days = zone.startingDays(at: start)
            for (year, month, day) in changes {
                let change = StudyDay(year: year, month: month, day: day)!
                let before = change.adding(days: -1)
                #expect(StudyDay(Days.moment(year, month, day, 1, 30, in: zone), in: days) == before)
                #expect(StudyDay(Days.moment(year, month, day, 5, 0, in: zone), in: days) == change)
                // The day's first moment is its day start (or the first that exists after it),
                // and the moment just before it belongs to the day before.
                let first = change.start(in: days)
                #expect(StudyDay(first, in: days) == change)
                #expect(StudyDay(first.addingTimeInterval(-1), in: days) == before)
                let next = change.adding(days: 1).start(in: days)
                let hours = next.timeIntervalSince(first) / 3_600
                #expect(hours >= 23 && hours <= 25)
            }
        }
    }

    @Test func aSessionAfterMidnightIsLoggedOnTheEveningBefore() throws {
        let zone = Days.berlin.startingDays(at: Self.four)
        let started = Days.moment(2026, 12, 2, 0, 30, in: Days.berlin)
        let timer = SessionTimer.start(at: started)
        let entry = try #require(timer.finish(at: started.addingTimeInterval(40 * 60), timeZone: zone))
        #expect(entry.day == Days.day("2026-12-01"))
        let study = StudyState(timeZone: zone, now: started)
        #expect(study.today == Days.day("2026-12-01"))
    }
}

extension DayStartTests {
    /// settings.json edited while Coach runs (another day start): the days follow.
    @Test func aChangedDayStartIsFollowedByTheRunningCoach() {
        let zone = Days.berlin.startingDays(at: Self.four)
        let now = Days.moment(2026, 12, 2, 2, 0, in: Days.berlin)
        var state = AppState(curriculum: Fixture.curriculum(), progress: ProgressBook(), settings: Settings(),
                             study: StudyState(timeZone: zone, now: now))
        #expect(state.study.today == Days.day("2026-12-01"))
        var changed = state.settings
        changed.dayStart = .midnight
        _ = reduce(&state, .reloaded(.settings(changed)), now: now)
        #expect(state.study.today == Days.day("2026-12-02"))
    }
}
