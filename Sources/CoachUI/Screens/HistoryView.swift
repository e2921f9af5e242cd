import CoachCore

/// A track's title and its counts, for the progress bars of the History screen.
public struct TrackProgressLine: Equatable, Sendable {
    public var title: String
    public var count: ProgressCount

    public init(title: String, count: ProgressCount) {
        self.title = title
        self.count = count
    }
}

/// What the History screen shows, as plain values: the view needs no `AppState`.
public struct HistoryModel: Sendable {
    public var today: StudyDay
    public var minutesByDay: [StudyDay: Int]
    /// The goal in force on each day, for shading the heatmap.
    public var goals: GoalHistory
    public var streaks: Streaks
    public var trackProgress: [TrackProgressLine]
    /// The journal's entries, newest first.
    public var journal: [JournalEntry]
    /// The journal's selection and scroll.
    public var journalList: ListCursor
    /// Item titles by id, for a journal entry without a note; an id missing here is shown as itself.
    public var itemTitles: [String: String]
    /// The next days, shown in place of the minutes per week (`F`); nil shows the weeks.
    public var forecast: Forecast?
    /// Days off, marked on the heatmap where nothing was logged.
    public var calendar = StudyCalendar()

    public init(today: StudyDay, minutesByDay: [StudyDay: Int], goals: GoalHistory, streaks: Streaks,
                trackProgress: [(title: String, count: ProgressCount)], journal: [JournalEntry],
                journalList: ListCursor = ListCursor(), itemTitles: [String: String] = [:]) {
        self.today = today
        self.minutesByDay = minutesByDay
        self.goals = goals
        self.streaks = streaks
        self.trackProgress = trackProgress.map { TrackProgressLine(title: $0.title, count: $0.count) }
        self.journal = journal
        self.journalList = journalList
        self.itemTitles = itemTitles
    }

    /// Everything from the journal itself: minutes per day, goals, streaks, entries newest first.
    public init(journal: Journal, today: StudyDay, trackProgress: [(title: String, count: ProgressCount)],
                journalList: ListCursor = ListCursor(), itemTitles: [String: String] = [:]) {
        let minutes = journal.minutesByDay
        self.init(today: today, minutesByDay: minutes, goals: journal.goals,
                  streaks: Streaks(minutes: minutes, goals: journal.goals, today: today),
                  trackProgress: trackProgress, journal: journal.newestFirst, journalList: journalList,
                  itemTitles: itemTitles)
    }
}

/// Screen 4: streaks, a heatmap of the last 20 weeks, minutes per week, progress per
/// track and the journal. Two columns when the window is wide enough (heatmap and
/// tracks on the left, weeks and journal on the right); otherwise one, in that order
/// of priority, each part cut to what fits.
public enum HistoryView: View {
    public static let heatmapWeeks = HistoryLayout.heatmapWeeks
    public static let chartWeeks = HistoryLayout.chartWeeks

    /// Draws into `rect`: the rows between the title bar and the key bar.
    public static func draw(_ model: HistoryModel, in rect: Rect, into buffer: inout ScreenBuffer) {
        let (top, bottom, cols) = (rect.row, rect.bottom, rect.cols)
        guard cols > 20, bottom > top else { return }
        let total = model.minutesByDay.reduce(0) { $1.key <= model.today ? $0 + max(0, $1.value) : $0 }
        let sessions = model.journal.count
        let summary = "\(MinutesText.short(total)) logged in \(sessions) session\(sessions == 1 ? "" : "s")"
        StreakLine.draw(model.streaks, right: sessions > 0 ? (summary, Style(.dim)) : nil,
                        in: Rect(row: top, col: 1, rows: 1, cols: cols - 2), into: &buffer)
        guard top + 2 < bottom else { return }
        let layout = HistoryLayout(cols: cols, top: top, bottom: bottom, trackCount: model.trackProgress.count,
                                   forecast: model.forecast != nil)
        let (heat, weeks, tracks, journal) = (layout.heatmap, layout.weeks, layout.tracks, layout.journalPart)
        drawHeatmap(model, cellWidth: layout.cellWidth, col: heat.col, width: heat.width, top: heat.top, bottom: bottom,
                    into: &buffer)
        if let forecast = model.forecast {
            ForecastView.draw(forecast, goal: model.goals.goal(on: model.today), col: weeks.col, width: weeks.width,
                              top: weeks.top, bottom: bottom, into: &buffer)
        } else {
            drawWeeks(model, col: weeks.col, width: weeks.width, top: weeks.top, bottom: bottom, into: &buffer)
        }
        drawTracks(model, col: tracks.col, width: tracks.width, top: tracks.top, bottom: bottom, into: &buffer)
        drawJournal(model, col: journal.col, width: journal.width, top: journal.top, bottom: bottom, into: &buffer)
    }

    // MARK: Heatmap

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let labelWidth = HistoryLayout.labelWidth

    /// A heatmap cell's character for a level of `CalendarGrid.level`.
    public static func heatCharacter(_ level: Int) -> Character {
        switch level {
        case ...0: " "
        case 1: "░"
        case 2: "▒"
        case 3: "▓"
        default: "█"
        }
    }

    /// A heatmap cell's role: below the goal, the goal reached, or nothing logged.
    public static func heatRole(_ level: Int) -> Role {
        switch level {
        case ...0: .barEmpty
        case 1, 2: .bar
        default: .good
        }
    }

    static func monthName(_ month: Int) -> String {
        monthNames[min(max(month, 1), 12) - 1]
    }

    /// "Jul – Nov 2026", or "Aug 2026 – Jan 2027" across a year's end.
    static func span(_ grid: CalendarGrid) -> String {
        let first = grid.firstDay, last = grid.today
        if first.year == last.year {
            return "\(monthName(first.month)) – \(monthName(last.month)) \(last.year)"
        }
        return "\(monthName(first.month)) \(first.year) – \(monthName(last.month)) \(last.year)"
    }

    /// Returns the row after the last one drawn.
    @discardableResult
    static func drawHeatmap(_ model: HistoryModel, cellWidth: Int, col: Int, width: Int, top: Int, bottom: Int,
                            into buffer: inout ScreenBuffer) -> Int {
        let grid = CalendarGrid(today: model.today, weeks: heatmapWeeks)
        let frozen = Set(model.streaks.frozenDays)
        var row = top
        guard row < bottom else { return row }
        let heading = "Last \(heatmapWeeks) weeks"
        let x = buffer.put(heading, row: row, col: col, width: width, style: Style(.heading, bold: true))
        buffer.put(" · " + span(grid), row: row, col: col + x, width: width - x, style: Style(.dim))
        row += 1
        guard row < bottom else { return row }
        let gridCol = col + labelWidth
        var free = gridCol
        for start in grid.monthStarts {
            let at = gridCol + start.column * cellWidth
            guard at >= free, at + 3 <= col + width else { continue }
            free = at + buffer.put(monthName(start.month), row: row, col: at, style: Style(.dim)) + 1
        }
        row += 1
        let cell = max(1, cellWidth - 1)
        for weekday in 0..<CalendarGrid.daysPerWeek where row < bottom {
            buffer.put(weekdayNames[weekday], row: row, col: col, width: labelWidth, style: Style(.dim))
            for column in 0..<grid.weeks {
                let day = grid.day(column: column, row: weekday)
                let at = gridCol + column * cellWidth
                guard !grid.isFuture(day), at + cell <= col + width else { continue }
                let level = CalendarGrid.level(minutes: model.minutesByDay[day] ?? 0, goal: model.goals.goal(on: day))
                // Nothing logged on a day off or a day a freeze covered: marked, so the
                // gap reads as planned rather than missed.
                let mark: Character? = level > 0 ? nil
                    : frozen.contains(day) ? "❄" : model.calendar.isOff(day) ? "·" : nil
                buffer.fill(row: row, col: at, width: cell, with: mark ?? heatCharacter(level),
                            style: Style(mark == nil ? heatRole(level) : .dim, bold: day == model.today,
                                         reverse: day == model.today))
            }
            row += 1
        }
        guard row < bottom else { return row }
        // The legend, under the grid.
        var at = gridCol
        let keys: [(level: Int, label: String)] = [(1, "<½ goal"), (2, "<goal"), (3, "goal"), (4, "2× goal")]
        for key in keys {
            let need = 2 + DisplayWidth.of(key.label)
            guard at + need <= col + width else { break }
            buffer.put(String(heatCharacter(key.level)), row: row, col: at, style: Style(heatRole(key.level)))
            buffer.put(key.label, row: row, col: at + 2, style: Style(.dim))
            at += need + 2
        }
        let marks = "· off  ❄ frozen"
        if !model.calendar.restDays.isEmpty || !model.calendar.breaks.isEmpty || !frozen.isEmpty,
           at + DisplayWidth.of(marks) <= col + width {
            buffer.put(marks, row: row, col: at, style: Style(.dim))
        }
        return row + 1
    }

    // MARK: Minutes per week

    /// "Nov 16": the Monday that starts the week.
    static func weekLabel(_ day: StudyDay) -> String {
        "\(monthName(day.month)) \(day.day)"
    }

    @discardableResult
    static func drawWeeks(_ model: HistoryModel, col: Int, width: Int, top: Int, bottom: Int,
                          into buffer: inout ScreenBuffer) -> Int {
        guard bottom - top >= 2 else { return top }
        let grid = CalendarGrid(today: model.today, weeks: chartWeeks)
        let totals = grid.weekTotals(model.minutesByDay)
        let weeklyGoal = 7 * max(0, model.goals.goal(on: model.today))
        let scale = max(1, max(weeklyGoal, totals.max() ?? 0))
        var row = top
        let heading = "Minutes per week"
        buffer.put(heading, row: row, col: col, width: width, style: Style(.heading, bold: true))
        let goalText = "goal \(MinutesText.short(weeklyGoal))/week"
        let goalWidth = DisplayWidth.of(goalText)
        if weeklyGoal > 0, DisplayWidth.of(heading) + 2 + goalWidth <= width {
            buffer.put(goalText, row: row, col: col + width - goalWidth, style: Style(.dim))
        }
        row += 1
        let labelWidth = 7
        let minutesWidth = 6
        let barWidth = min(50, width - labelWidth - 1 - minutesWidth)
        let shown = min(chartWeeks, bottom - row)
        for column in (chartWeeks - shown)..<chartWeeks {
            let current = column == chartWeeks - 1
            let minutes = totals[column]
            buffer.put(weekLabel(grid.weekStart(column: column)), row: row, col: col, width: labelWidth,
                       style: Style(current ? .accent : .dim, bold: current))
            var x = col + labelWidth
            if barWidth >= 4 {
                buffer.progressBar(row: row, col: x, width: barWidth, fraction: Double(minutes) / Double(scale))
                x += barWidth + 1
            }
            let text = MinutesText.short(minutes)
            buffer.put(String(repeating: " ", count: max(0, minutesWidth - text.count)) + text, row: row, col: x,
                       width: col + width - x, style: Style(weeklyGoal > 0 && minutes >= weeklyGoal ? .good : .normal))
            row += 1
        }
        return row
    }

    // MARK: Tracks

    @discardableResult
    static func drawTracks(_ model: HistoryModel, col: Int, width: Int, top: Int, bottom: Int,
                           into buffer: inout ScreenBuffer) -> Int {
        guard bottom - top >= 2 else { return top }
        var row = top
        buffer.put("Progress per track", row: row, col: col, width: width, style: Style(.heading, bold: true))
        row += 1
        let tracks = model.trackProgress
        if tracks.isEmpty {
            buffer.put("No tracks loaded", row: row, col: col, width: width, style: Style(.dim))
            return row + 1
        }
        let showCounts = width >= 55
        let countsWidth = showCounts ? 9 : 0
        let barWidth = min(20, max(6, width / 4))
        let percentWidth = 5
        let titleWidth = max(4, width - barWidth - percentWidth - countsWidth - 1)
        let rows = bottom - row
        let shown = HistoryLayout.tracksShown(count: tracks.count, rows: rows)
        for line in tracks.prefix(shown) {
            buffer.put(DisplayWidth.pad(line.title, to: titleWidth), row: row, col: col)
            buffer.progressBar(row: row, col: col + titleWidth + 1, width: barWidth, fraction: line.count.fraction)
            let percent = "\(line.count.percent)%"
            buffer.put(String(repeating: " ", count: max(0, percentWidth - percent.count)) + percent,
                       row: row, col: col + titleWidth + 1 + barWidth, style: Style(.dim))
            if showCounts {
                buffer.put("  \(line.count.done)/\(line.count.counted)", row: row,
                           col: col + titleWidth + 1 + barWidth + percentWidth, width: countsWidth, style: Style(.dim))
            }
            row += 1
        }
        if shown < tracks.count, row < bottom {
            let more = tracks.count - shown
            buffer.put("… \(more) more track\(more == 1 ? "" : "s")", row: row, col: col, width: width, style: Style(.dim))
            row += 1
        }
        return row
    }

    // MARK: Journal

    @discardableResult
    static func drawJournal(_ model: HistoryModel, col: Int, width: Int, top: Int, bottom: Int,
                            into buffer: inout ScreenBuffer) -> Int {
        guard bottom - top >= 2 else { return top }
        var row = top
        let headingWidth = buffer.put("Journal", row: row, col: col, width: width, style: Style(.heading, bold: true))
        row += 1
        let entries = model.journal
        if entries.isEmpty {
            let text = "No sessions logged yet: press s on Today to time one, or run coach log --minutes N."
            for line in TextWrap.wrap(text, width: width) where row < bottom {
                buffer.put(line, row: row, col: col, width: width, style: Style(.dim))
                row += 1
            }
            return row
        }
        let rows = bottom - row
        let longDate = width >= 40
        let shown = ListWidget.draw(count: entries.count, cursor: model.journalList,
                                    in: Rect(row: row, col: col, rows: rows, cols: width), into: &buffer) { index, line, buffer in
            let entry = entries[index]
            let date = longDate ? entry.day.description : weekLabel(entry.day)
            // Date, minutes, an empty column for a wider gap, then the note (or the items).
            let table = TableWidget([.init("", width: DisplayWidth.of(date)), .init("", width: 6, right: true),
                                     .init("", width: 0), .init("", width: nil)], width: width, minimumFlex: 1)
            var text = (entry.note ?? "", Style.plain)
            if text.0.isEmpty, !entry.items.isEmpty {
                text = (entry.items.map { model.itemTitles[$0] ?? $0 }.joined(separator: ", "), Style(.dim))
            }
            table.draw([(date, Style(.dim)), (MinutesText.short(entry.minutes), Style(.normal, bold: true)), ("", .plain), text],
                       row: line, col: col, into: &buffer)
        }
        let range = ListWidget.range(shown, of: entries.count) ?? "\(entries.count)"
        let rangeWidth = DisplayWidth.of(range)
        if headingWidth + 2 + rangeWidth <= width {
            buffer.put(range, row: top, col: col + width - rangeWidth, style: Style(.dim))
        }
        return row + shown.count
    }
}

