import CoachCore

/// "Streak 21 days · longest 21 days · today counts ✓", with a summary on the right:
/// the top line of Today and of History, drawn by this one function.
public enum StreakLine {
    public static func draw(_ streaks: Streaks, right: (text: String, style: Style)?, in rect: Rect,
                            into buffer: inout ScreenBuffer) {
        let (row, col, width) = (rect.row, rect.col, rect.cols)
        var x = col
        x += buffer.put("Streak ", row: row, col: x, style: Style(.heading, bold: true))
        x += buffer.put(days(streaks.current), row: row, col: x,
                        style: Style(streaks.current > 0 ? .good : .normal, bold: true))
        x += buffer.put(" · longest \(days(streaks.longest))", row: row, col: x, style: Style(.dim))
        if streaks.freezes > 0 {
            x += buffer.put(" · ❄ \(streaks.freezes) freeze\(streaks.freezes == 1 ? "" : "s")", row: row, col: x, style: Style(.accent))
        }
        if streaks.todayCounts {
            x += buffer.put(" · today counts ✓", row: row, col: x, style: Style(.good))
        } else if streaks.atRisk {
            x += buffer.put(" · at risk: reach the goal today to keep it", row: row, col: x, style: Style(.warn, bold: true))
        }
        guard let right else { return }
        let w = DisplayWidth.of(right.text)
        if x + 2 + w <= col + width {
            buffer.put(right.text, row: row, col: col + width - w, style: right.style)
        }
    }

    public static func days(_ n: Int) -> String {
        "\(n) day\(n == 1 ? "" : "s")"
    }
}
