import ArgumentParser
import CoachCore
import CoachStore
import CoachUI
import FoundationEssentials

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Streaks, minutes studied, reviews due and progress per track.")

    @OptionGroup var home: HomeOption
    @Flag(help: "Print JSON.") var json = false

    struct TrackRow: Encodable {
        var id: String
        var title: String
        var done: Int
        var counted: Int
        var percent: Int
    }

    struct Report: Encodable {
        var date: String
        var currentStreak: Int
        var longestStreak: Int
        /// The current streak ends unless today counts.
        var streakAtRisk: Bool
        var todayCounts: Bool
        /// Streak freezes held (0 when they are off).
        var streakFreezes: Int
        /// Half the goal on the first day back from a break, 0 on a day off.
        var goalToday: Int
        var minutesToday: Int
        var minutesThisWeek: Int
        var minutesTotal: Int
        var sessions: Int
        var daysStudied: Int
        var reviewsDue: Int
        var reviewsDone: Int
        var itemsDone: Int
        var itemsCounted: Int
        var percent: Int
        var tracks: [TrackRow]
    }

    func run() throws {
        let context = try AppContext.load(home: home)
        let journal = try context.loadJournal()
        let reviews = try context.loadReviews()
        let today = context.today
        let streaks = Streaks(journal: journal, today: today, rules: context.settings.streakRules)
        let byDay = journal.minutesByDay
        let overall = context.progress.count(context.curriculum)
        let tracks = context.curriculum.tracks.map { track in
            let count = context.progress.count(track)
            return TrackRow(id: track.id, title: track.title, done: count.done, counted: count.counted, percent: count.percent)
        }
        let report = Report(
            date: today.description, currentStreak: streaks.current, longestStreak: streaks.longest,
            streakAtRisk: streaks.atRisk, todayCounts: streaks.todayCounts, streakFreezes: streaks.freezes,
            goalToday: context.settings.calendar.goal(on: today, normal: context.settings.dailyGoalMinutes),
            minutesToday: journal.minutes(on: today), minutesThisWeek: StudyFiles.minutesThisWeek(journal, today: today),
            minutesTotal: byDay.values.reduce(0, +), sessions: journal.entries.count,
            daysStudied: byDay.values.filter { $0 > 0 }.count,
            reviewsDue: reviews.due(on: today, progress: context.progress, timeZone: context.timeZone).count,
            reviewsDone: reviews.reviewCount, itemsDone: overall.done, itemsCounted: overall.counted,
            percent: overall.percent, tracks: tracks)
        if json { return try JSONOutput.print(report) }

        var streakLine = "streak       \(days(report.currentStreak)) (longest \(days(report.longestStreak)))"
        if report.streakAtRisk { streakLine += ", at risk: reach today's goal to keep it" }
        if report.streakFreezes > 0 { streakLine += ", \(report.streakFreezes) freeze\(report.streakFreezes == 1 ? "" : "s") held" }
        print(streakLine)
        print("today        \(report.minutesToday) of \(report.goalToday) min\(report.todayCounts ? ", goal reached" : "")")
        print("this week    \(report.minutesThisWeek) min (since Monday)")
        print("in total     \(report.minutesTotal) min in \(report.sessions) session\(report.sessions == 1 ? "" : "s") on \(days(report.daysStudied))")
        print("reviews      \(report.reviewsDue) due, \(report.reviewsDone) done")
        print("progress     \(report.itemsDone) of \(report.itemsCounted) items done (\(report.percent)%)")
        let idWidth = tracks.map(\.id.count).max() ?? 0
        let titleWidth = tracks.map { DisplayWidth.of($0.title) }.max() ?? 0
        for track in tracks {
            print("  \(column(track.id, idWidth))  \(DisplayWidth.pad(track.title, to: titleWidth))  "
                + "\(pad("\(track.done)/\(track.counted)", 7))  \(pad("\(track.percent)%", 4))")
        }
    }

    private func days(_ count: Int) -> String {
        "\(count) day\(count == 1 ? "" : "s")"
    }
}
