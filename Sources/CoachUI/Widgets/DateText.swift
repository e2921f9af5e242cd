import CoachCore
import FoundationEssentials

/// Dates as the screens show them, in the learner's time zone.
public enum DateText {
    public static func day(_ date: Date, timeZone: TimeZoneRules) -> String {
        StudyDay(date, in: timeZone).description
    }
}
