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
        var track: String?
        var minutes: Int
        var finished: Bool
    }

    struct Report: Encodable {
        var date: String
        var focusTrack: String?
        var goal: Int
        /// Minutes of the plan.
        var planned: Int
        /// Minutes in the journal today.
        var logged: Int
        var reviewsDue: Int
        var reviewsWaiting: Int
        var notice: String?
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
                  finished: entry.finished)
        }
        let report = Report(date: today.description, focusTrack: context.settings.focusTrack, goal: plan.goal,
                            planned: plan.totalMinutes, logged: journal.minutes(on: today), reviewsDue: plan.reviewsDue,
                            reviewsWaiting: plan.reviewsWaiting, notice: plan.message, entries: entries)
        if json { return try JSONOutput.print(report) }

        let focus = context.settings.focusTrack.map { context.curriculum.track(id: $0)?.title ?? $0 } ?? "none"
        print("Today, \(report.date) · focus: \(focus) · goal \(report.goal) min")
        if entries.isEmpty {
            print("  nothing planned")
        } else {
            let idWidth = entries.map(\.item.count).max() ?? 0
            let titleWidth = min(48, entries.map { DisplayWidth.of($0.title) }.max() ?? 0)
            for entry in entries {
                let mark = entry.finished ? "[x]" : "[ ]"
                let title = DisplayWidth.pad(DisplayWidth.truncate(entry.title, to: titleWidth), to: titleWidth)
                print("  \(column(entry.kind, 7)) \(mark) "
                    + "\(column(entry.item, idWidth))  \(title)  \(pad(MinutesText.short(entry.minutes), 5))")
            }
        }
        print("planned \(report.planned) of \(report.goal) min · logged today \(report.logged) min")
        if plan.reviewsWaiting > 0 {
            let count = plan.reviewsWaiting
            print("\(count) more review\(count == 1 ? "" : "s") wait for another day: reviews take at most half of the goal")
        }
        if let message = plan.message { print(message) }
    }
}
