import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials
import Glibc

/// One short line for a shell prompt or a status bar. Runs at every prompt, so it reads
/// only the small files it needs and the curriculum (for the cards of the done items;
/// about half a millisecond) — not the backlog — and writes nothing (unless an earlier
/// run left a session to log).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "One line for a shell prompt: streak, minutes today of the goal, cards due.",
        discussion: "Prints e.g. \"🔥 4 · 20/45m · 2 due\"; with --plain, or when NO_COLOR is set, plain ASCII: \"streak 4 | 20/45 min | 2 cards due\". Items without recall prompts count as one card each.")

    @OptionGroup var home: HomeOption
    @Flag(help: "Plain ASCII, no emoji (also when NO_COLOR is set).") var plain = false

    func run() throws {
        try Self.run(homeFlag: home.home, plain: plain)
    }

    /// The status line, also printed by `Entry` without the parser.
    static func run(homeFlag: String?, plain: Bool) throws {
        let home = CoachHome.resolve(flag: homeFlag)
        let timeZone = TimeZoneRules.current
        let today = AppContext.overriddenToday ?? StudyDay(Date(), in: timeZone)
        try home.finishInterruptedChange()
        try StudyFiles.recoverInterruptedSession(home, timeZone: timeZone, report: false)
        let (settings, journal, progress, reviews) = try storeErrors {
            (try SettingsStore.load(home), try JournalStore.load(home), try ProgressStore.load(home), try ReviewStore.load(home))
        }
        let streak = Streaks(journal: journal, today: today).current
        let minutes = journal.minutes(on: today)
        let goal = settings.dailyGoalMinutes
        let due = Self.cardsDue(home: home, reviews: reviews, progress: progress, settings: settings, today: today,
                                timeZone: timeZone)
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        print(Self.line(streak: streak, minutes: minutes, goal: goal, due: due, plain: plain || noColor))
        if let merges = MergeNotices.line(for: home) { warn("coach: \(merges)") }
    }

    /// The cards due today; an item without prompts (or every item, when the curriculum
    /// cannot be read) counts as one, on the ladder.
    static func cardsDue(home: CoachHome, reviews: ReviewBook, progress: ProgressBook, settings: Settings, today: StudyDay,
                         timeZone: TimeZoneRules) -> Int {
        guard let curriculum = try? CurriculumLoader.load(data: CurriculumLoader.locateData(),
                                                          userTracks: home.tracksFolder).curriculum
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
