/// The forecast as lines of text, one a day, for `coach forecast` and the History screen
/// alike: "Thu 12-03  ██████████··········  45m  ↻ 12 cards", days off marked.
public enum ForecastText {
    public static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// The bar is the day's planned minutes against the largest day's (or the goal's).
    public static func lines(_ forecast: Forecast, barWidth: Int) -> [String] {
        let top = max(1, forecast.days.map(\.minutes).max() ?? 1)
        return forecast.days.map { line($0, top: top, barWidth: barWidth) }
    }

    public static func line(_ day: Forecast.Day, top: Int, barWidth: Int) -> String {
        let date = "\(day.day)".dropFirst(5)
        let head = "\(weekdayNames[day.day.weekday.rawValue - 1]) \(date)  "
        switch day.off {
        case .restDay?: return head + "rest day"
        case .onBreak(let days)?: return head + "break (\(days))"
        case nil: break
        }
        let width = max(0, barWidth)
        let filled = day.minutes <= 0 ? 0 : max(1, min(width, day.minutes * width / top))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let minutes = MinutesText.short(day.minutes)
        var text = head + (width > 0 ? bar + "  " : "") + String(repeating: " ", count: max(0, 5 - minutes.count)) + minutes
        let reviews = day.cards + day.ladderReviews
        text += reviews == 0 ? "" : "  ↻ \(reviews) card\(reviews == 1 ? "" : "s")"
        if day.firstDayBack { text += "  · first day back" }
        return text
    }
}
