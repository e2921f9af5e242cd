import FoundationEssentials

/// A day on the learner's calendar: what the journal, reviews and streaks count in.
///
/// A moment becomes a day only through the time zone the caller passes in (its offset
/// from UTC at that moment), so a session at 00:30 on the night the clocks change still
/// lands on the right day. Once it is a day, the arithmetic is on whole days — a day
/// number in the proleptic Gregorian calendar — which no clock change can touch and which
/// needs no calendar call in loops over ten years of days (the tests check it against
/// Foundation's `Calendar` day by day).
public struct StudyDay: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil for a day that does not exist (30 February) or a year outside 1...9999,
    /// which "YYYY-MM-DD" could not write.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day that `date` falls on in `timeZone`, whose days begin at its day start
    /// (00:30 belongs to the evening before when days start at 04:00).
    public init(_ date: Date, in timeZone: TimeZoneRules) {
        let moment = TimeZoneRules.seconds(date)
        let local = moment + Int64(timeZone.offset(at: moment)) - Int64(timeZone.dayStartSeconds)
        self.init(dayNumber: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
    }

    /// The first moment of the day in `timeZone`: its day start on the wall clock (not
    /// always then: where a clock change skips that hour, the first moment that exists).
    public func start(in timeZone: TimeZoneRules) -> Date {
        let local = Int64(dayNumber) * 86_400 + Int64(timeZone.dayStartSeconds)
        return Date(timeIntervalSince1970: TimeInterval(timeZone.firstMoment(atOrAfterLocal: local)))
    }

    public func adding(days: Int) -> StudyDay {
        Self(dayNumber: dayNumber + days)
    }

    /// Whole days from this day to `other`: positive when `other` is later.
    public func days(to other: StudyDay) -> Int {
        other.dayNumber - dayNumber
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let fromSunday = ((dayNumber + 4) % 7 + 7) % 7
        return Weekday(rawValue: fromSunday + 1)!
    }

    public static func < (a: StudyDay, b: StudyDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    // MARK: Day numbers

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var dayNumber: Int {
        let shifted = month <= 2 ? year - 1 : year  // years start in March, so 29 February ends one
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `number` days after 1970-01-01 (civil_from_days).
    public init(dayNumber number: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(valid: year, month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Numbered as `Calendar` numbers weekdays: Sunday is 1.
public enum Weekday: Int, CaseIterable, Sendable {
    case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday
}

// MARK: Text: "YYYY-MM-DD"

extension StudyDay: LosslessStringConvertible {
    /// Exactly "YYYY-MM-DD" with ASCII digits and a day that exists; nil otherwise.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}

extension StudyDay: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = StudyDay(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a day like 2024-05-01, found \"\(text)\"")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
