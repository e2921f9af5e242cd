import CoachCore
import FoundationEssentials

/// What the Today screen shows, as plain values: the view needs no `AppState`.
public struct TodayModel: Sendable {
    public var plan: DailyPlan
    /// Item titles by id; an id missing here is shown as itself.
    public var titles: [String: String]
    /// The session in progress, running or paused; nil when none.
    public var timer: SessionTimer?
    /// The moment the frame is drawn, for the timer.
    public var now: Date
    public var streak: Streaks
    /// Minutes logged today (finished sessions).
    public var minutesToday: Int
    public var goal: Int
    public var reviewsDue: Int
    /// The plan's selection and scroll.
    public var list: ListCursor
    public var focusTrackTitle: String?
    /// The countdown to the goal (`S`), when the timer counts down.
    public var countdown: Countdown?

    /// `goal` and `reviewsDue` default to the plan's own.
    public init(plan: DailyPlan, titles: [String: String], timer: SessionTimer?, now: Date, streak: Streaks,
                minutesToday: Int, goal: Int? = nil, reviewsDue: Int? = nil, list: ListCursor = ListCursor(),
                focusTrackTitle: String? = nil) {
        self.plan = plan
        self.titles = titles
        self.timer = timer
        self.now = now
        self.streak = streak
        self.minutesToday = minutesToday
        self.goal = goal ?? plan.goal
        self.reviewsDue = reviewsDue ?? plan.reviewsDue
        self.list = list
        self.focusTrackTitle = focusTrackTitle
    }

    /// The titles of the plan's items looked up in `curriculum`.
    public init(plan: DailyPlan, curriculum: Curriculum, timer: SessionTimer?, now: Date, streak: Streaks,
                minutesToday: Int, goal: Int? = nil, reviewsDue: Int? = nil, list: ListCursor = ListCursor(),
                focusTrackTitle: String? = nil) {
        var titles: [String: String] = [:]
        for entry in plan.entries {
            if let item = curriculum.item(id: entry.itemID) { titles[entry.itemID] = item.title }
        }
        self.init(plan: plan, titles: titles, timer: timer, now: now, streak: streak, minutesToday: minutesToday,
                  goal: goal, reviewsDue: reviewsDue, list: list, focusTrackTitle: focusTrackTitle)
    }

    func title(of entry: DailyPlan.Entry) -> String {
        titles[entry.itemID] ?? entry.itemID
    }
}

/// Screen 1: streak, minutes today and reviews due on top, the session timer, then
/// today's plan with its total against the goal.
public enum TodayView: View {
    /// The widest the screen's content gets: on a wide window a plan row stays short
    /// enough to read from title to minutes.
    public static let maxWidth = 100

    /// Draws into `rect`: the rows between the title bar and the key bar.
    public static func draw(_ model: TodayModel, in rect: Rect, into buffer: inout ScreenBuffer) {
        let (top, bottom) = (rect.row, rect.bottom)
        let col = rect.col + 1
        let width = min(rect.cols - 2, maxWidth)
        guard width > 10, bottom > top else { return }
        var row = top
        let due = model.reviewsDue
        let reviews = due == 0 ? "no reviews due" : "↻ \(due) review\(due == 1 ? "" : "s") due"
        StreakLine.draw(model.streak, right: (reviews, Style(due > 0 ? .accent : .dim, bold: due > 0)),
                        in: Rect(row: row, col: col, rows: 1, cols: width), into: &buffer)
        row += 1
        if row < bottom { drawGoalLine(model, row: row, col: col, width: width, into: &buffer) }
        row += 2
        if row < bottom { drawTimerLine(model, row: row, col: col, width: width, into: &buffer) }
        row += 2
        guard row < bottom else { return }
        drawPlan(model, into: &buffer, col: col, width: width, top: row, bottom: bottom)
    }

    // MARK: Header

    static func drawGoalLine(_ model: TodayModel, row: Int, col: Int, width: Int, into buffer: inout ScreenBuffer) {
        let minutes = max(0, model.minutesToday)
        let goal = max(0, model.goal)
        let fraction = goal > 0 ? Double(minutes) / Double(goal) : (minutes > 0 ? 1 : 0)
        let reached = minutes > 0 && minutes >= goal
        var x = col
        x += buffer.put("Today  ", row: row, col: x, style: Style(.heading, bold: true))
        x += buffer.put("\(MinutesText.short(minutes)) of \(MinutesText.short(goal))", row: row, col: x,
                        style: Style(reached ? .good : .normal, bold: true))
        x += 2
        let percent = Int(min(999, (fraction * 100).rounded(.down)))
        let tail = " \(percent)%" + (reached ? "  goal reached ✓" : "")
        let barWidth = min(40, col + width - x - DisplayWidth.of(tail))
        if barWidth >= 5 {
            buffer.progressBar(row: row, col: x, width: barWidth, fraction: fraction)
            x += barWidth
        }
        buffer.put(tail, row: row, col: x, width: col + width - x, style: Style(reached ? .good : .dim))
    }

    /// Elapsed time as a stopwatch shows it: "mm:ss", or "h:mm:ss" from an hour on.
    public static func clock(_ seconds: TimeInterval) -> String {
        let total = seconds.isFinite ? Int(max(0, seconds).rounded(.down)) : 0
        let h = total / 3600, m = total / 60 % 60, s = total % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
    }

    static func drawTimerLine(_ model: TodayModel, row: Int, col: Int, width: Int, into buffer: inout ScreenBuffer) {
        var x = col
        x += buffer.put("Session  ", row: row, col: x, style: Style(.heading, bold: true))
        guard let timer = model.timer else {
            buffer.put("press s to start", row: row, col: x, width: col + width - x, style: Style(.dim))
            return
        }
        let running = timer.isRunning
        x += buffer.put(clock(timer.elapsed(at: model.now)), row: row, col: x,
                        style: Style(running ? .accent : .warn, bold: true))
        if let countdown = model.countdown {
            let elapsed = timer.elapsed(at: model.now)
            let over = countdown.remaining(at: elapsed) <= 0
            x += buffer.put("  " + countdown.text(at: elapsed) + (over ? " · goal reached 🔔" : ""), row: row, col: x,
                            width: col + width - x, style: Style(over ? .good : .accent, bold: true))
        }
        let state = running ? "  running · s pauses · f finishes" : "  paused · s resumes · f finishes"
        x += buffer.put(state, row: row, col: x, width: col + width - x, style: Style(running ? .normal : .warn))
        let count = timer.items.count
        if count > 0 {
            let touched = "\(count) item\(count == 1 ? "" : "s") touched"
            let w = DisplayWidth.of(touched)
            if x + 2 + w <= col + width {
                buffer.put(touched, row: row, col: col + width - w, style: Style(.dim))
            }
        }
    }

    // MARK: Plan

    /// How a plan entry's kind is marked in the list.
    public static func kindLabel(_ kind: DailyPlan.Kind) -> String {
        switch kind {
        case .review: "↻ review"
        case .focus: "★ focus"
        case .explore: "◇ explore"
        }
    }

    static func kindRole(_ kind: DailyPlan.Kind) -> Role {
        switch kind {
        case .review: .accent
        case .focus: .heading
        case .explore: .dim
        }
    }

    static let kindWidth = 9

    static func drawPlan(_ model: TodayModel, into buffer: inout ScreenBuffer, col: Int, width: Int, top: Int, bottom: Int) {
        let plan = model.plan
        let entries = plan.entries
        var heading = "Today's plan"
        if let focus = model.focusTrackTitle { heading += " · focus: \(focus)" }
        let headingWidth = buffer.put(heading, row: top, col: col, width: width, style: Style(.heading, bold: true))

        var row = top + 1
        guard row < bottom else { return }
        if entries.isEmpty {
            let text = plan.message ?? "Nothing to plan today: every track is finished or skipped."
            for line in TextWrap.wrap(text, width: width) where row < bottom {
                buffer.put(line, row: row, col: col, width: width, style: Style(.warn))
                row += 1
            }
            return
        }

        // Below the list: a rule, the total, then what the learner should know.
        var notes: [(text: String, style: Style)] = []
        if plan.reviewsWaiting > 0 {
            let n = plan.reviewsWaiting
            let text = "↻ \(n) more review\(n == 1 ? "" : "s") wait\(n == 1 ? "s" : "") for another day: reviews take at most half the goal."
            notes += TextWrap.wrap(text, width: width).map { ($0, Style(.dim)) }
        }
        if let message = plan.message {
            notes += TextWrap.wrap(message, width: width).map { ($0, Style(.warn)) }
        }
        if plan.firstDayBack {
            notes += TextWrap.wrap("Welcome back: a short plan today (half the goal); reviews from the break are spread over the next days.",
                                   width: width).map { ($0, Style(.good)) }
        }
        if plan.isDone {
            notes += TextWrap.wrap("Today's plan is done ✓ · m: one more step · R: review ahead", width: width)
                .map { ($0, Style(.good)) }
        }
        let window = TodayLayout.planWindow(entries: entries.count, cursor: model.list, heading: top, bottom: bottom)
        let (first, listRows) = (window.first, window.rows)
        let noteRows = max(0, bottom - row - TodayLayout.footerRows - listRows)
        let selected = min(max(0, model.list.selected), entries.count - 1)
        if entries.count > listRows {
            let range = "\(first + 1)–\(first + listRows) of \(entries.count)"
            let w = DisplayWidth.of(range)
            if col + headingWidth + 2 + w <= col + width {
                buffer.put(range, row: top, col: col + width - w, style: Style(.dim))
            }
        }
        var list = model.list
        list.selected = selected
        list.scroll = first
        ListWidget.draw(count: entries.count, cursor: list, in: Rect(row: row, col: col, rows: min(listRows, bottom - row),
                                                                     cols: width), into: &buffer) { index, line, buffer in
            drawEntry(entries[index], title: model.title(of: entries[index]), selected: index == selected,
                      detail: detail(of: entries[index], model: model), row: line, col: col, width: width, into: &buffer)
        }
        row = min(bottom, row + listRows)
        guard row < bottom else { return }
        buffer.fill(row: row, col: col, width: width, with: "─", style: Style(.dim))
        row += 1
        guard row < bottom else { return }
        drawTotal(plan, goal: model.goal, row: row, col: col, width: width, into: &buffer)
        row += 1
        for note in notes.prefix(noteRows) where row < bottom {
            buffer.put(note.text, row: row, col: col, width: width, style: note.style)
            row += 1
        }
    }

    /// What a study step adds to its row: "part 2 of 14 · 3h10 of 10h". The time spent
    /// grows while the timer runs on the item.
    public static func detail(of entry: DailyPlan.Entry, model: TodayModel) -> String {
        guard var step = entry.step else { return "" }
        if let timer = model.timer {
            step.spent += Int((timer.seconds(on: entry.itemID, at: model.now) / 60).rounded(.down))
        }
        return ([step.partText] + [step.spentText]).compactMap { $0 }.joined(separator: " · ")
    }

    /// "▸ [x] ↻ review   title …  part 2 of 14 · 3h10 of 10h  30m"
    static func drawEntry(_ entry: DailyPlan.Entry, title: String, selected: Bool, detail: String = "", row: Int, col: Int,
                          width: Int, into buffer: inout ScreenBuffer) {
        let minutes = MinutesText.short(entry.minutes)
        // The detail gives way to the title on a narrow window: at most a third of the row.
        let detailWidth = detail.isEmpty ? 0 : min(DisplayWidth.of(detail), max(0, width / 3))
        var columns: [TableWidget.Column] = [.init("", width: 1), .init("", width: 3), .init("", width: kindWidth + 1),
                                             .init("", width: nil)]
        if detailWidth > 0 { columns.append(.init("", width: detailWidth)) }
        columns.append(.init("", width: max(5, minutes.count), right: true))
        let table = TableWidget(columns, width: width, minimumFlex: 1)
        var cells: [(String, Style)] = [(selected ? "▸" : " ", Style(.accent, bold: true)),
                                        (entry.finished ? "[x]" : "[ ]", Style(entry.finished ? .good : .normal, bold: entry.finished)),
                                        (kindLabel(entry.kind), Style(kindRole(entry.kind))),
                                        (title, Style(entry.finished ? .dim : .normal))]
        if detailWidth > 0 { cells.append((detail, Style(.dim))) }
        cells.append((minutes, Style(.dim)))
        table.draw(cells, row: row, col: col, into: &buffer)
    }

    static func drawTotal(_ plan: DailyPlan, goal: Int, row: Int, col: Int, width: Int, into buffer: inout ScreenBuffer) {
        let finished = plan.entries.filter(\.finished)
        let doneMinutes = finished.reduce(0) { $0 + $1.minutes }
        let left = "\(finished.count) of \(plan.entries.count) done · \(MinutesText.short(doneMinutes))"
        let total = plan.totalMinutes
        let over = max(0, total - max(0, goal))
        let right = "Total \(MinutesText.short(total)) of \(MinutesText.short(max(0, goal))) goal"
            + (over > 0 ? " · \(MinutesText.short(over)) over" : "")
        let rightWidth = DisplayWidth.of(right)
        buffer.put(right, row: row, col: col + width - rightWidth,
                   style: Style(over > 0 ? .warn : total >= goal ? .good : .warn, bold: true))
        buffer.put(left, row: row, col: col, width: max(0, width - rightWidth - 2), style: Style(.dim))
    }

}
