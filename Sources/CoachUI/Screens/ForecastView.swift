import CoachCore

/// History's forecast (`F`): a row a day for the next 14 days, the planned minutes as a
/// bar, the cards coming due, rest days and breaks marked.
///
///     Next 14 days              b: add a break
///     Wed 12-02 ███████████··  45m ↻12
///     Sun 12-06 rest day
enum ForecastView {
    static let labelWidth = 10
    static let minutesWidth = 5
    static let cardsWidth = 5

    /// Returns the row after the last one drawn.
    @discardableResult
    static func draw(_ forecast: Forecast, goal: Int, col: Int, width: Int, top: Int, bottom: Int,
                     into buffer: inout ScreenBuffer) -> Int {
        guard bottom - top >= 2, width >= labelWidth + 8 else { return top }
        var row = top
        let heading = "Next \(forecast.days.count) days"
        buffer.put(heading, row: row, col: col, width: width, style: Style(.heading, bold: true))
        let hint = "b adds a break"
        if DisplayWidth.of(heading) + 2 + DisplayWidth.of(hint) <= width {
            buffer.put(hint, row: row, col: col + width - DisplayWidth.of(hint), style: Style(.dim))
        }
        row += 1
        let scale = max(1, max(goal, forecast.days.map(\.minutes).max() ?? 0))
        let barWidth = min(40, width - labelWidth - 1 - minutesWidth - cardsWidth)
        for (index, day) in forecast.days.enumerated() where row < bottom {
            let label = ForecastText.weekdayNames[day.day.weekday.rawValue - 1] + " " + String("\(day.day)".dropFirst(5))
            let isToday = index == 0
            buffer.put(label, row: row, col: col, width: labelWidth,
                       style: Style(isToday ? .accent : day.firstDayBack ? .good : .dim, bold: isToday || day.firstDayBack))
            let x = col + labelWidth
            switch day.off {
            case .restDay?:
                buffer.put("rest day", row: row, col: x, width: width - labelWidth, style: Style(.dim))
            case .onBreak(let days)?:
                buffer.put("break until " + String("\(days.last)".dropFirst(5)), row: row, col: x, width: width - labelWidth,
                           style: Style(.dim))
            case nil:
                var at = x
                if barWidth >= 4 {
                    buffer.progressBar(row: row, col: at, width: barWidth, fraction: Double(day.minutes) / Double(scale))
                    at += barWidth + 1
                }
                let minutes = MinutesText.short(day.minutes)
                let pad = max(0, minutesWidth - DisplayWidth.of(minutes))
                at += buffer.put(String(repeating: " ", count: pad) + minutes, row: row, col: at, width: col + width - at,
                                 style: Style(.normal))
                let reviews = day.cards + day.ladderReviews
                if reviews > 0 {
                    buffer.put(" ↻\(reviews)", row: row, col: at, width: col + width - at, style: Style(.accent))
                }
            }
            row += 1
        }
        return row
    }
}
