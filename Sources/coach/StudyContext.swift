import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials
import Glibc

/// What the daily-session commands need beyond `AppContext`: the day, the journal and
/// the reviews, loaded only by the commands that use them.
extension AppContext {
    /// The learner's clock: days begin at their day start (04:00 unless set) where they
    /// are (TZ).
    var timeZone: TimeZoneRules { StudyFiles.learnerDays(settings) }
    var today: StudyDay { StudyFiles.today(in: timeZone) }

    /// COACH_TODAY=YYYY-MM-DD moves the day of the commands' reviews and plans, for the
    /// end-to-end tests that need tomorrow's reviews today. Not for learners.
    static var overriddenToday: StudyDay? {
        getenv("COACH_TODAY").flatMap { StudyDay(String(cString: $0)) }
    }

    /// Logs a session that an earlier run left under way (see `SessionRecovery`),
    /// telling the learner on stderr. Every command that reads the journal calls it
    /// first, outside `writing` (it takes the lock for itself).
    func recoverInterruptedSession() throws {
        try StudyFiles.recoverInterruptedSession(home, timeZone: timeZone, report: true)
    }

    /// The journal, after `recoverInterruptedSession`.
    func loadJournal() throws -> Journal {
        try recoverInterruptedSession()
        return try storeErrors { try JournalStore.load(home) }
    }

    func loadReviews() throws -> ReviewBook {
        try storeErrors { try ReviewStore.load(home) }
    }

    func plan(reviews: ReviewBook) -> DailyPlan {
        DailyPlan(curriculum: curriculum, progress: progress, reviews: reviews, settings: settings,
                  day: today, timeZone: timeZone)
    }

    /// "genai.rag", or "Retrieval-augmented generation" when the curriculum has it.
    func title(of itemID: String) -> String {
        curriculum.item(id: itemID)?.title ?? itemID
    }
}

/// The daily-session files for commands that do without `AppContext` (`coach status`
/// must not pay for the curriculum), and the glue every such command shares.
enum StudyFiles {
    /// The zone every day of the learner is counted in: TZ's, with the settings' day start.
    static func learnerDays(_ settings: Settings) -> TimeZoneRules {
        settings.days(in: .current)
    }

    /// Today, for every command and the full-screen coach alike: the one place "now"
    /// becomes a day (COACH_TODAY aside).
    static func today(in zone: TimeZoneRules, now: Date = Date()) -> StudyDay {
        AppContext.overriddenToday ?? StudyDay(now, in: zone)
    }

    static func recoverInterruptedSession(_ home: CoachHome, timeZone: TimeZoneRules, report: Bool) throws {
        let entry = try storeErrors { try SessionRecovery.recoverInterruptedSession(home: home, timeZone: timeZone) }
        if report, let entry {
            warn("coach: logged a session that was still under way when Coach last stopped: \(entry.minutes) min on \(entry.day) (session \(entry.id))")
        }
    }

    /// Minutes logged from the Monday of this week to `today` (weeks as the History
    /// screen counts them).
    static func minutesThisWeek(_ journal: Journal, today: StudyDay) -> Int {
        let monday = CalendarGrid.weekStart(of: today)
        return journal.entries.reduce(0) { $1.day >= monday && $1.day <= today ? $0 + $1.minutes : $0 }
    }

    /// A session's fields as they were given on the command line: the flag that
    /// carries each one, for the messages.
    static func flag(_ field: JournalField) -> String {
        switch field {
        case .date: "--date"
        case .minutes: "--minutes"
        case .note: "--note"
        case .items: "--item"
        }
    }

    /// Checks a hand-logged session with `JournalValidation`; every problem, each naming
    /// its flag, in one line.
    static func validated(_ draft: JournalDraft, today: StudyDay, curriculum: Curriculum?) throws -> JournalEntry {
        switch JournalValidation.validate(draft, today: today, curriculum: curriculum) {
        case .success(let entry): return entry
        case .failure(let problems):
            throw CoachFailure(problems.all.map { "\(flag($0.field)) \($0.message)" }.joined(separator: "; "))
        }
    }

    /// "1 session", "3 sessions".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// What an export holds, in one line.
    static func contents(of document: HomeExport) -> String {
        "\(count(document.progress.items.count, "item")) with progress, \(count(document.backlog.count, "idea")), "
            + "\(count(document.journal.entries.count, "session")), \(count(document.reviews.reviewCount, "review"))"
    }

    /// "2024-05-01 · 45 min · genai.rag, genai.evals · a note"
    static func summary(_ entry: JournalEntry) -> String {
        var parts = ["\(entry.day)", "\(entry.minutes) min"]
        if !entry.items.isEmpty { parts.append(entry.items.joined(separator: ", ")) }
        if let note = entry.note { parts.append(note) }
        return parts.joined(separator: " · ")
    }
}

extension ReviewRating: ExpressibleByArgument {}
