import CoachCore
import Foundation
import Testing

/// Days at fixed dates only, in explicit time zones.
enum Days {
    static let berlin = Zones.named("Europe/Berlin")
    static let newYork = Zones.named("America/New_York")
    static let utc = TimeZoneRules.utc

    static func day(_ text: String) -> StudyDay {
        guard let day = StudyDay(text) else { fatalError("not a day: \(text)") }
        return day
    }

    /// The moment of a wall-clock time in `zone`.
    static func moment(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0,
                       in zone: TimeZoneRules) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Zones.foundation(zone)
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    static func utcMoment(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }
}

@Suite("StudyDay")
struct StudyDayTests {
    @Test func onlyDaysThatExist() {
        #expect(StudyDay(year: 2024, month: 2, day: 29) != nil, "2024 is a leap year")
        #expect(StudyDay(year: 2023, month: 2, day: 29) == nil)
        #expect(StudyDay(year: 1900, month: 2, day: 29) == nil, "a century is not a leap year")
        #expect(StudyDay(year: 2000, month: 2, day: 29) != nil, "unless it divides by 400")
        #expect(StudyDay(year: 2024, month: 4, day: 31) == nil)
        #expect(StudyDay(year: 2024, month: 13, day: 1) == nil)
        #expect(StudyDay(year: 2024, month: 0, day: 1) == nil)
        #expect(StudyDay(year: 2024, month: 1, day: 0) == nil)
        #expect(StudyDay(year: 0, month: 1, day: 1) == nil)
        #expect(StudyDay(year: 10_000, month: 1, day: 1) == nil)
    }

    @Test func textIsExactlyYearMonthDay() {
        #expect(StudyDay("2024-05-01") == StudyDay(year: 2024, month: 5, day: 1))
        #expect(StudyDay(year: 2024, month: 5, day: 1)?.description == "2024-05-01")
        #expect(StudyDay(year: 33, month: 12, day: 9)?.description == "0033-12-09")
        for bad in ["2024-5-1", "2024-05-1", " 2024-05-01", "2024-05-01 ", "2024/05/01", "2024-05-01T00:00:00Z",
                    "2024-02-30", "2024-00-10", "yesterday", "", "２０２４-05-01", "+024-05-01", "2024-0a-01"] {
            #expect(StudyDay(bad) == nil, "\(bad)")
        }
    }

    @Test func codableAsAString() throws {
        let day = Days.day("2024-12-31")
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-12-31"]"#)
        #expect(try JSONDecoder().decode([StudyDay].self, from: data) == [day])
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([StudyDay].self, from: Data(#"["2024-13-01"]"#.utf8))
        }
        #expect(String(describing: error).contains("2024-13-01"))
    }

    @Test func orderAndEquality() {
        let days = ["2025-01-01", "2024-12-31", "2024-02-29", "2024-03-01", "2023-12-31"].map(Days.day)
        #expect(days.sorted().map(\.description) == ["2023-12-31", "2024-02-29", "2024-03-01", "2024-12-31", "2025-01-01"])
        #expect(Set(days + days).count == 5)
        #expect(Days.day("2024-05-01") < Days.day("2024-05-02"))
        #expect(Days.day("2024-09-30") < Days.day("2024-10-01"))
    }

    @Test func addingDaysAcrossMonthAndYearEnds() {
        #expect(Days.day("2024-01-31").adding(days: 1) == Days.day("2024-02-01"))
        #expect(Days.day("2024-02-28").adding(days: 1) == Days.day("2024-02-29"))
        #expect(Days.day("2023-02-28").adding(days: 1) == Days.day("2023-03-01"))
        #expect(Days.day("2024-12-31").adding(days: 1) == Days.day("2025-01-01"))
        #expect(Days.day("2025-01-01").adding(days: -1) == Days.day("2024-12-31"))
        #expect(Days.day("2024-03-01").adding(days: -1) == Days.day("2024-02-29"))
        #expect(Days.day("2024-01-01").adding(days: 366) == Days.day("2025-01-01"))
        #expect(Days.day("2024-05-01").adding(days: 0) == Days.day("2024-05-01"))
    }

    @Test func daysBetween() {
        #expect(Days.day("2024-12-30").days(to: Days.day("2025-01-02")) == 3)
        #expect(Days.day("2025-01-02").days(to: Days.day("2024-12-30")) == -3)
        #expect(Days.day("2024-02-01").days(to: Days.day("2024-03-01")) == 29)
        #expect(Days.day("2023-02-01").days(to: Days.day("2023-03-01")) == 28)
        #expect(Days.day("2015-01-01").days(to: Days.day("2025-01-01")) == 3_653)
        #expect(Days.day("1970-01-01").days(to: Days.day("1970-01-01")) == 0)
    }

    @Test func weekdays() {
        #expect(Days.day("2024-05-01").weekday == .wednesday)
        #expect(Days.day("1970-01-01").weekday == .thursday)
        #expect(Days.day("2000-01-01").weekday == .saturday)
        #expect(Days.day("2024-12-29").weekday == .sunday)
        #expect(Weekday.sunday.rawValue == 1, "numbered as Calendar numbers them")
    }

    /// The day arithmetic agrees with `Calendar` for every day of 40 years, in a zone
    /// with daylight saving.
    @Test func agreesWithCalendarDayByDay() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Zones.foundation(Days.berlin)
        let first = Days.day("2000-01-01")
        var noon = Days.moment(2000, 1, 1, 12, in: Days.berlin)
        var mismatches: [String] = []
        for offset in 0..<14_610 {
            let expected = first.adding(days: offset)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: noon)
            if StudyDay(noon, in: Days.berlin) != expected
                || parts.year != expected.year || parts.month != expected.month || parts.day != expected.day
                || parts.weekday != expected.weekday.rawValue
                || first.days(to: expected) != offset
                || calendar.startOfDay(for: noon) != expected.start(in: Days.berlin) {
                mismatches.append(expected.description)
            }
            noon = calendar.date(byAdding: .day, value: 1, to: noon)!
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func aMomentFallsOnTheDayOfItsTimeZone() {
        let moment = Days.utcMoment("2024-05-01T23:30:00Z")
        #expect(StudyDay(moment, in: Days.utc) == Days.day("2024-05-01"))
        #expect(StudyDay(moment, in: Days.berlin) == Days.day("2024-05-02"))
        #expect(StudyDay(moment, in: Days.newYork) == Days.day("2024-05-01"))
        #expect(StudyDay(moment, in: Zones.named("Pacific/Kiritimati")) == Days.day("2024-05-02"))
        #expect(StudyDay(Days.utcMoment("2024-05-02T10:30:00Z"), in: Zones.named("Pacific/Pago_Pago"))
                == Days.day("2024-05-01"))
    }

    /// Berlin: 2024-03-31 has 23 hours, 2024-10-27 has 25; New York: 2024-03-10 and
    /// 2024-11-03. The first and last minute of each still land on that day.
    @Test(arguments: [("Europe/Berlin", "2024-03-31", 23), ("Europe/Berlin", "2024-10-27", 25),
                      ("America/New_York", "2024-03-10", 23), ("America/New_York", "2024-11-03", 25)])
    func daylightSavingDays(zone: String, text: String, hours: Int) {
        let tz = Zones.named(zone)
        let day = Days.day(text)
        let start = day.start(in: tz)
        let next = day.adding(days: 1).start(in: tz)
        #expect(next.timeIntervalSince(start) == TimeInterval(hours * 3_600))
        #expect(StudyDay(start, in: tz) == day)
        #expect(StudyDay(start.addingTimeInterval(-1), in: tz) == day.adding(days: -1))
        #expect(StudyDay(next.addingTimeInterval(-1), in: tz) == day)
        #expect(StudyDay(next, in: tz) == day.adding(days: 1))
        // A wall-clock 00:30 and 23:30 of the day.
        #expect(StudyDay(Days.moment(day.year, day.month, day.day, 0, 30, in: tz), in: tz) == day)
        #expect(StudyDay(Days.moment(day.year, day.month, day.day, 23, 30, in: tz), in: tz) == day)
    }

    @Test func aDayThatSkipsMidnightStartsAtItsFirstHour() {
        // Santiago moved its clocks from 00:00 to 01:00 on 2024-09-08.
        let santiago = Zones.named("America/Santiago")
        let day = Days.day("2024-09-08")
        let start = day.start(in: santiago)
        #expect(start == Days.utcMoment("2024-09-08T04:00:00Z"), "01:00 at UTC−3")
        #expect(StudyDay(start, in: santiago) == day)
        #expect(StudyDay(start.addingTimeInterval(-1), in: santiago) == Days.day("2024-09-07"))
    }
}
