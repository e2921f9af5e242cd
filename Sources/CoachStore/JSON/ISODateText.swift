import CoachCore
import FoundationEssentials

/// Dates as the files and the JSON output write them: "2026-11-23T09:30:00Z", whole
/// seconds in UTC — the form `JSONFile` reads back fast.
public enum ISODateText {
    public static func text(of date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(StudyDay(dayNumber: days))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}
