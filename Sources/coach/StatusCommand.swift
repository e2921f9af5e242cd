import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials
import Glibc

/// One short line for a shell prompt or a status bar. Runs at every prompt, so while none
/// of the files it reads has changed it answers from the figures it kept last time
/// (`StatusCache`, outside the home); otherwise it reads the journal, the reviews, the
/// progress and the curriculum (for the cards of the done items) — not the backlog — and
/// writes nothing in the home (unless an earlier run left a session to log).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "One line for a shell prompt: streak, minutes today of the goal, cards due.",
        discussion: "Prints e.g. \"🔥 4 · 20/45m · 2 due\"; with --plain, or when NO_COLOR is set, plain ASCII: \"streak 4 | 20/45 min | 2 cards due\". Items without recall prompts count as one card each.")

    @OptionGroup var home: HomeOption
    @Flag(help: "Plain ASCII, no emoji (also when NO_COLOR is set).") var plain = false
    @Flag(help: "Print JSON: the figures of the line, and the line itself.") var json = false
    @Flag(help: "Print nothing; exit 0 when today's goal is met (or today is a day off), 1 when not, 2 on a problem.")
    var check = false

    struct Report: Encodable {
        var date: String
        var streak: Int
        var minutesToday: Int
        var goal: Int
        var cardsDue: Int
        var line: String
    }

    func run() throws {
        if check { return try Self.check(homeFlag: home.home) }
        try Self.run(homeFlag: home.home, plain: plain, json: json)
    }

    /// The home, its settings and the learner's today, once a change cut short is
    /// finished and a session Coach was killed during is logged.
    private static func day(homeFlag: String?) throws
    -> (home: CoachHome, settings: Settings, timeZone: TimeZoneRules, today: StudyDay) {
        let home = CoachHome.resolve(flag: homeFlag)
        try home.finishInterruptedChange()
        let settings = try storeErrors { try SettingsStore.load(home) }
        let timeZone = StudyFiles.learnerDays(settings)
        try StudyFiles.recoverInterruptedSession(home, timeZone: timeZone, report: false)
        return (home, settings, timeZone, StudyFiles.today(in: timeZone))
    }

    /// `--check`, for cron jobs and prompts: the answer is the exit status. A problem (a
    /// file that cannot be read) says its one line on stderr and exits 2.
    static func check(homeFlag: String?) throws {
        let met: Bool
        do {
            met = try Self.figures(homeFlag: homeFlag).figures.goalMet
        } catch {
            warn("coach: \(error)")
            throw ExitCode(2)
        }
        if !met { throw ExitCode(1) }
    }

    /// The status line, also printed by `Entry` without the parser.
    static func run(homeFlag: String?, plain: Bool, json: Bool = false) throws {
        let (today, figures) = try Self.figures(homeFlag: homeFlag)
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let line = Self.line(streak: figures.streak, minutes: figures.minutes, goal: figures.goal, due: figures.due,
                             plain: plain || noColor)
        if json {
            return try JSONOutput.print(Report(date: today.description, streak: figures.streak, minutesToday: figures.minutes,
                                               goal: figures.goal, cardsDue: figures.due, line: line))
        }
        print(line)
        if let notice = figures.notice { warn("coach: \(TerminalText.safe(notice))") }
    }

    /// Today's figures: kept from an earlier run while nothing they come from has
    /// changed (`StatusCache`), else worked out from the files and kept.
    static func figures(homeFlag: String?) throws -> (today: StudyDay, figures: StatusCache.Figures) {
        let (home, settings, timeZone, today) = try Self.day(homeFlag: homeFlag)
        let dataPath = try? CurriculumLoader.locateDataPath()
        // The key is taken before the files are read: a file that changes in between
        // leaves figures under a key that no longer matches, never stale figures.
        let cache = StatusCache(home: home)
        let key = StatusCache.key(home: home, dataFolder: dataPath, day: today.description, timeZone: timeZone)
        if let kept = cache.read(key: key) { return (today, kept) }
        let data = dataPath.map { URL(filePath: $0, directoryHint: .isDirectory) }
        let (journal, progress, reviews) = try storeErrors {
            (try JournalStore.load(home), try ProgressStore.load(home), try ReviewStore.load(home))
        }
        let minutes = journal.minutes(on: today)
        let figures = StatusCache.Figures(
            streak: Streaks(journal: journal, today: today, rules: settings.streakRules).current,
            minutes: minutes, goal: settings.dailyGoalMinutes,
            due: Self.cardsDue(home: home, data: data, reviews: reviews, progress: progress, settings: settings, today: today,
                               timeZone: timeZone),
            goalMet: settings.calendar.goalMet(minutes: minutes, goal: journal.goals.goal(on: today), on: today),
            notice: MergeNotices.line(for: home))
        cache.write(figures, key: key, now: Date())
        return (today, figures)
    }

    /// The cards due today; an item without prompts (or every item, when the curriculum
    /// cannot be read) counts as one, on the ladder.
    static func cardsDue(home: CoachHome, data: URL?, reviews: ReviewBook, progress: ProgressBook, settings: Settings,
                         today: StudyDay, timeZone: TimeZoneRules) -> Int {
        guard let data, let curriculum = try? CurriculumLoader.load(data: data, userTracks: home.tracksFolder).curriculum
        else { return reviews.due(on: today, progress: progress, timeZone: timeZone).count }
        let cards = reviews.dueCards(on: today, curriculum: curriculum, progress: progress, timeZone: timeZone,
                                     scheduler: settings.scheduler).count
        let ladder = reviews.due(on: today, progress: progress, timeZone: timeZone)
            .filter { curriculum.item(id: $0.itemID)?.prompts.isEmpty != false }.count
        return cards + ladder
    }

    static func line(streak: Int, minutes: Int, goal: Int, due: Int, plain: Bool) -> String {
        if plain {
            return "streak \(streak) | \(minutes)/\(goal) min | \(due) card\(due == 1 ? "" : "s") due"
        }
        return "🔥 \(streak) · \(minutes)/\(goal)m · \(due) due"
    }
}
