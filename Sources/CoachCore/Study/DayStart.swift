import FoundationEssentials

/// When the learner's day begins on the wall clock: 04:00 by default, so a session at
/// 00:30 counts for the evening before, as it does for anyone who studies late.
public struct DayStart: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes after midnight, 0–1439.
    public let minutes: Int

    public static let standard = DayStart(validMinutes: 4 * 60)
    public static let midnight = DayStart(validMinutes: 0)

    public init?(minutes: Int) {
        guard (0..<1_440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    init(validMinutes: Int) { minutes = validMinutes }

    /// "04:00", "4:00" or "23:30": hours 0–23 and two-digit minutes; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 } }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60
        else { return nil }
        self.init(validMinutes: hours * 60 + minutes)
    }

    /// "04:00".
    public var description: String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    public static func < (a: DayStart, b: DayStart) -> Bool { a.minutes < b.minutes }

    /// "--day-start must be a time HH:MM from 00:00 to 23:59; got \"25:00\"".
    public static func problem(_ text: String, flag: String) -> String {
        "\(flag) must be a time HH:MM from 00:00 to 23:59; got \(TerminalText.quoted(text))"
    }
}

extension TimeZoneRules {
    /// The same zone with days that begin at `start`: what every day of the learner is
    /// counted in (`StudyDay(_:in:)`, `StudyDay.start(in:)`).
    public func startingDays(at start: DayStart) -> TimeZoneRules {
        var zone = self
        zone.dayStartSeconds = start.minutes * 60
        return zone
    }
}
