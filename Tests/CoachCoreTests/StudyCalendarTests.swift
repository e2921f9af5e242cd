import CoachCore
import Foundation
import Testing

/// Rest days, breaks, the first day back, and the streaks and freezes that pass over them.
@Suite struct StudyCalendarTests {
    static let christmas = StudyBreak("2026-12-20..2026-12-27")!
    static let calendar = StudyCalendar(restDays: [.sunday], breaks: [christmas])

    @Test func breaksAreReadAndRefusedInOneLine() {
        #expect(Self.christmas.days == 8 && Self.christmas.description == "2026-12-20..2026-12-27")
        #expect(StudyBreak("2026-12-24")?.days == 1)
        #expect(StudyBreak("2026-12-27..2026-12-20") == nil)
        #expect(StudyBreak.problem("2026-12-27..2026-12-20") == #"a break must end on or after its first day; got "2026-12-27..2026-12-20""#)
        #expect(StudyBreak.problem("next week").hasPrefix("a break is FIRST..LAST, days as YYYY-MM-DD"))
        #expect(StudyBreak("2026-01-01..2027-06-01") == nil)
        #expect(StudyBreak.problem("2026-01-01..2027-06-01").hasPrefix("a break is at most 366 days"))
        #expect(Weekday(name: "Sunday") == .sunday && Weekday(name: "SAT") == .saturday && Weekday(name: "su") == nil)
    }

    @Test func daysOffAndTheFirstDayBack() {
        let calendar = Self.calendar
        #expect(calendar.off(Days.day("2026-12-06")) == .restDay)  // a Sunday
        #expect(calendar.off(Days.day("2026-12-22")) == .onBreak(Self.christmas))
        #expect(calendar.off(Days.day("2026-12-07")) == nil)
        #expect(calendar.isFirstDayBack(Days.day("2026-12-28")))
        #expect(!calendar.isFirstDayBack(Days.day("2026-12-07")), "a rest day alone is no return")
        #expect(calendar.goal(on: Days.day("2026-12-28"), normal: 45) == 25)
        #expect(calendar.goal(on: Days.day("2026-12-29"), normal: 45) == 45)
        #expect(calendar.goal(on: Days.day("2026-12-06"), normal: 45) == 0)
        #expect(calendar.goalMet(minutes: 0, goal: 45, on: Days.day("2026-12-06")))
        #expect(!calendar.goalMet(minutes: 20, goal: 45, on: Days.day("2026-12-28")))
        #expect(calendar.goalMet(minutes: 25, goal: 45, on: Days.day("2026-12-28")))
        #expect(calendar.studyDays(from: Days.day("2026-12-19"), count: 3).map(\.description)
                == ["2026-12-19", "2026-12-28", "2026-12-29"])
    }

    static func minutes(_ days: [String], _ value: Int = 45) -> [StudyDay: Int] {
        Dictionary(uniqueKeysWithValues: days.map { (Days.day($0), value) })
    }

    static func every(from first: String, through last: String, except: Set<String> = []) -> [String] {
        var days: [String] = [], day = Days.day(first)
        while day <= Days.day(last) {
            if !except.contains(day.description) { days.append(day.description) }
            day = day.adding(days: 1)
        }
        return days
    }

    @Test func restDaysAndBreaksNeitherCountNorBreakAStreak() {
        let rules = StreakRules(calendar: Self.calendar, freezes: false)
        // Mon 14 – Sat 19 studied, Sun 20 – Sun 27 a break, Mon 28 back with half the goal.
        var logged = Self.minutes(Self.every(from: "2026-12-14", through: "2026-12-19"))
        logged[Days.day("2026-12-28")] = 25
        let streaks = Streaks(minutes: logged, goals: GoalHistory(), today: Days.day("2026-12-28"), rules: rules)
        #expect(streaks.current == 7 && streaks.todayCounts && !streaks.atRisk)
        // Without the break, the same days end the streak (and 25 minutes miss the full goal).
        let plain = Streaks(minutes: logged, goals: GoalHistory(), today: Days.day("2026-12-28"))
        #expect(plain.current == 0 && !plain.todayCounts)
        // On the break itself nothing is at risk.
        let during = Streaks(minutes: logged, goals: GoalHistory(), today: Days.day("2026-12-23"), rules: rules)
        #expect(during.current == 6 && !during.atRisk)
    }

    @Test func aFreezeIsEarnedPerSevenDaysAndSpentOnTheMissedDayThatWouldEndTheStreak() {
        let rules = StreakRules(calendar: StudyCalendar(), freezes: true)
        // 1–14 December studied: two freezes. 15, 16, 17 missed: the grace day, then two freezes.
        let studied = Self.every(from: "2026-12-01", through: "2026-12-14")
        var logged = Self.minutes(studied)
        let held = Streaks(minutes: logged, goals: GoalHistory(), today: Days.day("2026-12-14"), rules: rules)
        #expect(held.current == 14 && held.freezes == 2)
        let later = Streaks(minutes: logged, goals: GoalHistory(), today: Days.day("2026-12-18"), rules: rules)
        #expect(later.current == 14 && later.freezes == 0)
        #expect(later.frozenDays == [Days.day("2026-12-16"), Days.day("2026-12-17")])
        #expect(later.atRisk, "no freeze left and yesterday missed")
        // One more missed day ends it.
        let ended = Streaks(minutes: logged, goals: GoalHistory(), today: Days.day("2026-12-19"), rules: rules)
        #expect(ended.current == 0 && ended.longest == 14)
        // At most two are held, however long the streak.
        logged = Self.minutes(Self.every(from: "2026-11-01", through: "2026-12-14"))
        #expect(Streaks(minutes: logged, goals: GoalHistory(), today: Days.day("2026-12-14"), rules: rules).freezes == 2)
        // Off, the freezes are neither earned nor spent.
        let off = Streaks(minutes: Self.minutes(studied), goals: GoalHistory(), today: Days.day("2026-12-17"),
                          rules: StreakRules(calendar: StudyCalendar(), freezes: false))
        #expect(off.current == 0 && off.freezes == 0)
    }

    /// The same streak counted in Berlin and in New York, over a daylight-saving change
    /// and the turn of the year, with days that start at 04:00: sessions just after
    /// midnight count for the evening before, so a learner who studies late every night
    /// keeps one unbroken streak.
    @Test(arguments: [Days.berlin, Days.newYork])
    func lateNightSessionsKeepTheStreakAcrossDaylightSavingAndNewYear(zone: TimeZoneRules) throws {
        let days = zone.startingDays(at: .standard)
        var journal = Journal()
        // Every night from 20 October to 5 January at 00:30 local, 45 minutes: across the
        // October/November clock change and New Year. Sundays are rest days: no session.
        var day = Days.day("2026-10-20")
        var expected = 0
        while day <= Days.day("2027-01-05") {
            let next = day.adding(days: 1)
            if day.weekday != .sunday {
                let start = Days.moment(next.year, next.month, next.day, 0, 30, in: zone)
                let entry = try #require(SessionTimer.start(at: start).finish(at: start.addingTimeInterval(45 * 60), timeZone: days))
                #expect(entry.day == day)
                _ = journal.add(entry)
                expected += 1
            }
            day = next
        }
        let rules = StreakRules(calendar: StudyCalendar(restDays: [.sunday]), freezes: false)
        let streaks = Streaks(journal: journal, today: Days.day("2027-01-05"), rules: rules)
        #expect(streaks.current == expected && streaks.longest == expected)
        // Without rest days each Sunday is the one missed day a streak survives.
        #expect(Streaks(journal: journal, today: Days.day("2027-01-05")).current == expected)
    }
}

extension StudyCalendarTests {
    /// Nightly sessions at 00:30 from 20 February to 5 April 2026 in Berlin and New York:
    /// across the end of February and both zones' spring clock change, with a break over
    /// New York's change (6–10 March) and two nights missed over Berlin's (28 and 29
    /// March: the grace day, then a freeze). Days start at 04:00, so each night is the
    /// evening before; the streak runs on, and the freeze covers 29 March in both zones.
    @Test(arguments: [Days.berlin, Days.newYork])
    func breaksAndFreezesAcrossMonthAndDaylightSaving(zone: TimeZoneRules) throws {
        let days = zone.startingDays(at: .standard)
        let trip = StudyBreak("2026-03-06..2026-03-10")!
        let missed: Set<String> = ["2026-03-28", "2026-03-29"]
        var journal = Journal()
        var day = Days.day("2026-02-20"), counted = 0
        while day <= Days.day("2026-04-05") {
            let next = day.adding(days: 1)
            if !trip.contains(day), !missed.contains(day.description) {
                let start = Days.moment(next.year, next.month, next.day, 0, 30, in: zone)
                let entry = try #require(SessionTimer.start(at: start).finish(at: start.addingTimeInterval(45 * 60), timeZone: days))
                #expect(entry.day == day, "\(zone.identifier) \(day)")
                _ = journal.add(entry)
                counted += 1
            }
            day = next
        }
        let rules = StreakRules(calendar: StudyCalendar(breaks: [trip]), freezes: true)
        let streaks = Streaks(journal: journal, today: Days.day("2026-04-05"), rules: rules)
        #expect(streaks.current == counted)
        #expect(streaks.frozenDays == [Days.day("2026-03-29")])
        // The first day back (11 March) asked for half the goal; 45 minutes met it.
        #expect(StudyCalendar(breaks: [trip]).goal(on: Days.day("2026-03-11"), normal: 45) == 25)
        // Without the break and the freezes, the same nights end the streak twice.
        #expect(Streaks(journal: journal, today: Days.day("2026-04-05")).current < counted)
    }
}
