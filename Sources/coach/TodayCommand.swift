import ArgumentParser
import CoachCore
import CoachStore
import CoachUI
import FoundationEssentials

struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Print today's plan: due reviews, the next items of the focus track, one item to explore.")

    @OptionGroup var home: HomeOption
    @Flag(help: "Print JSON.") var json = false

    struct Entry: Encodable {
        var kind: String
        var item: String
        var title: String
        @OrNull var track: String?
        var minutes: Int
        var finished: Bool
        /// A study step: which part, of how many; minutes spent in all and the estimate.
        var part: Int?
        var lastPart: Int?
        var parts: Int?
        var spent: Int?
        var estimate: Int?
        var remaining: Int?
    }

    struct Report: Encodable {
        var date: String
        @OrNull var focusTrack: String?
        var goal: Int
        /// Minutes of the plan.
        var planned: Int
        /// Minutes over the goal (one step at most).
        var over: Int
        /// Minutes in the journal today.
        var logged: Int
        var minutesPerCard: Double
        var reviewsDue: Int
        var reviewsWaiting: Int
        @OrNull var notice: String?
        var entries: [Entry]
    }

    func run() throws {
        let context = try AppContext.load(home: home)
        if let merges = MergeNotices.line(for: context.home) { warn("coach: \(merges)") }
        let journal = try context.loadJournal()
        let plan = context.plan(reviews: try context.loadReviews())
        let today = context.today
        let entries = plan.entries.map { entry in
            Entry(kind: entry.kind.rawValue, item: entry.itemID, title: context.title(of: entry.itemID),
                  track: context.curriculum.track(containing: entry.itemID)?.id, minutes: entry.minutes,
                  finished: entry.finished, part: entry.step?.firstPart, lastPart: entry.step?.lastPart,
                  parts: entry.step?.parts, spent: entry.step?.spent, estimate: entry.step?.estimate,
                  remaining: entry.step?.remaining)
        }
        let report = Report(date: today.description, focusTrack: context.settings.focusTrack, goal: plan.goal,
                            planned: plan.totalMinutes, over: plan.minutesOver, logged: journal.minutes(on: today),
                            minutesPerCard: plan.minutesPerCard, reviewsDue: plan.reviewsDue,
                            reviewsWaiting: plan.reviewsWaiting, notice: plan.message, entries: entries)
        if json { return try JSONOutput.print(report) }

        let focus = context.settings.focusTrack.map { context.curriculum.track(id: $0)?.title ?? $0 } ?? "none"
        print("Today, \(report.date) · focus: \(focus) · goal \(report.goal) min")
        if entries.isEmpty {
            print("  nothing planned")
        } else {
            let idWidth = entries.map(\.item.count).max() ?? 0
            let titleWidth = min(48, entries.map { DisplayWidth.of($0.title) }.max() ?? 0)
            for (entry, planned) in zip(entries, plan.entries) {
                let mark = entry.finished ? "[x]" : "[ ]"
                let title = DisplayWidth.pad(DisplayWidth.truncate(entry.title, to: titleWidth), to: titleWidth)
                let step = planned.step.map { step in
                    "  " + ([step.partText, step.spentText, step.remaining > 0 && !entry.finished ? "\(MinutesText.short(step.remaining)) left" : nil]
                        .compactMap { $0 }.joined(separator: " · "))
                } ?? ""
                print("  \(column(entry.kind, 7)) \(mark) "
                    + "\(column(entry.item, idWidth))  \(title)  \(pad(MinutesText.short(entry.minutes), 5))\(step)")
            }
        }
        let over = report.over > 0 ? " (\(report.over) over)" : ""
        print("planned \(report.planned) of \(report.goal) min\(over) · logged today \(report.logged) min")
        if plan.reviewsWaiting > 0 {
            let count = plan.reviewsWaiting
            print("\(count) more review\(count == 1 ? "" : "s") wait for another day: reviews take at most half of the goal")
        }
        if let message = plan.message { print(message) }
    }
}
