import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Everything the learner made, in one JSON document: what `coach export --format json`
/// writes and `coach import` restores.
///
///     {"version": 1, "exportedAt": "…", "progress": {id: item progress},
///      "backlog": [ideas], "journal": {"entries": […], "goals": […]},
///      "reviews": {id: [reviews]}, "settings": {"focusTrack": …, "dailyGoalMinutes": …}}
///
/// Each section has the shape of its own file without the file's version, so a section
/// reads as the file reads. Decoding checks everything the files' loaders check (ideas
/// as typed, journal ids and minutes, the goal's range), so a document that decodes can
/// be written without a single refusal; and the import writes only into an empty home —
/// never a silent merge.
public struct HomeExport: Equatable, Sendable {
    public static let version = 1

    public var exportedAt: Date
    public var progress: ProgressBook
    public var backlog: Backlog
    public var journal: Journal
    public var reviews: ReviewBook
    public var settings: Settings

    public init(exportedAt: Date, progress: ProgressBook = ProgressBook(), backlog: Backlog = Backlog(),
                journal: Journal = Journal(), reviews: ReviewBook = ReviewBook(), settings: Settings = Settings()) {
        self.exportedAt = exportedAt
        self.progress = progress
        self.backlog = backlog
        self.journal = journal
        self.reviews = reviews
        self.settings = settings
    }

    /// Everything in `home`, read by each file's own loader (a file that does not
    /// parse is refused as it is everywhere else).
    public static func load(from home: CoachHome, exportedAt: Date) throws -> HomeExport {
        HomeExport(exportedAt: exportedAt, progress: try ProgressStore.load(home), backlog: try BacklogStore.load(home),
                       journal: try JournalStore.load(home), reviews: try ReviewStore.load(home),
                       settings: try SettingsStore.load(home))
    }

    // MARK: JSON

    struct FileContents: Codable {
        var version: Int
        var exportedAt: Date
        var progress: [String: ItemProgress]
        var backlog: [Idea]
        var journal: JournalSection
        var reviews: [String: [Review]]
        /// The cards, their ratings and the drill attempts, as reviews.json version 2
        /// holds them (absent in exports written before there were cards).
        var reviewCards: ReviewStore.CardContents?
        var settings: SettingsSection
    }

    struct JournalSection: Codable {
        var entries: [JournalEntry]
        var goals: [GoalHistory.Change]
    }

    struct SettingsSection: Codable {
        var focusTrack: String?
        var dailyGoalMinutes: Int
        var retention: Double?
        var maximumInterval: Int?
        /// Absent at their defaults (and in exports written before they existed).
        var dayStart: String?
        var restDays: [String]?
        var breaks: [BreakSection]?
        var streakFreezes: Bool?
    }

    struct BreakSection: Codable {
        var first: StudyDay
        var last: StudyDay
    }

    /// The document as JSON: keys sorted, readable, ideas in the order they were made
    /// (as backlog.json keeps them), journal entries by id.
    public func encoded() throws -> Data {
        let ideas = backlog.ranked.sorted { $0.created != $1.created ? $0.created < $1.created : $0.id < $1.id }
        let document = FileContents(
            version: Self.version, exportedAt: exportedAt, progress: progress.items, backlog: ideas,
            journal: JournalSection(entries: journal.entries, goals: journal.goals.changes),
            reviews: reviews.items,
            reviewCards: reviews.cards.isEmpty && reviews.log.isEmpty && reviews.drillAttempts.isEmpty
                ? nil : ReviewStore.contents(of: ReviewBook(cards: reviews.cards, log: reviews.log,
                                                            drillAttempts: reviews.drillAttempts)),
            settings: SettingsSection(
                focusTrack: settings.focusTrack, dailyGoalMinutes: settings.dailyGoalMinutes,
                retention: settings.retention == FSRSScheduler.defaultRetention ? nil : settings.retention,
                maximumInterval: settings.maximumInterval == FSRSScheduler.defaultMaximumInterval ? nil : settings.maximumInterval,
                dayStart: settings.dayStart == .standard ? nil : settings.dayStart.description,
                restDays: settings.calendar.restDays.isEmpty ? nil : Weekday.ordered(settings.calendar.restDays).map(\.shortName),
                breaks: settings.calendar.breaks.isEmpty ? nil : settings.calendar.breaks.map { BreakSection(first: $0.first, last: $0.last) },
                streakFreezes: settings.streakFreezes ? nil : false))
        return try JSONFile.encoder().encode(document) + Data("\n".utf8)
    }

    /// Reads and checks a whole export; `file` names it in the messages. A newer version
    /// is refused before anything else; every problem is a `StoreError` with the JSON
    /// place ("journal.entries[3].minutes") and the reason.
    public static func decode(_ data: Data, file: URL) throws -> HomeExport {
        let document = try JSONFile.decode(FileContents.self, from: data, file: file, supported: version)
        var seen: [String: Int] = [:]
        for (index, idea) in document.backlog.enumerated() {
            if let earlier = seen.updateValue(index, forKey: idea.id) {
                throw StoreError.unreadable(file: file.path, place: "backlog[\(index)].id",
                                            reason: "duplicate id \"\(idea.id)\" (also backlog[\(earlier)])")
            }
        }
        let journal: Journal
        do {
            journal = try JournalStore.checked(entries: document.journal.entries, goals: document.journal.goals, file: file)
        } catch StoreError.unreadable(let path, let place, let reason) {
            throw StoreError.unreadable(file: path, place: "journal.\(place)", reason: reason)
        }
        let goal = document.settings.dailyGoalMinutes
        guard Settings.goalRange.contains(goal) else {
            throw StoreError.unreadable(file: file.path, place: "settings.dailyGoalMinutes",
                                        reason: "must be \(Settings.goalRange.lowerBound)–\(Settings.goalRange.upperBound) minutes, found \(goal)")
        }
        let retention = document.settings.retention ?? FSRSScheduler.defaultRetention
        if let problem = Settings.retentionProblem(retention) {
            throw StoreError.unreadable(file: file.path, place: "settings.retention", reason: problem)
        }
        let maximumInterval = document.settings.maximumInterval ?? FSRSScheduler.defaultMaximumInterval
        if let problem = Settings.maximumIntervalProblem(maximumInterval) {
            throw StoreError.unreadable(file: file.path, place: "settings.maximumInterval", reason: problem)
        }
        let calendar = try Self.calendar(of: document.settings, file: file)
        var dayStart = DayStart.standard
        if let text = document.settings.dayStart {
            guard let parsed = DayStart(text) else {
                throw StoreError.unreadable(file: file.path, place: "settings.dayStart",
                                            reason: "expected a time from 00:00 to 23:59, found \"\(text)\"")
            }
            dayStart = parsed
        }
        var reviews = ReviewBook(items: document.reviews)
        if let cards = document.reviewCards {
            let book: ReviewBook
            do {
                book = try ReviewStore.book(from: cards, file: file)
            } catch StoreError.unreadable(let path, let place, let reason) {
                throw StoreError.unreadable(file: path, place: "reviewCards.\(place)", reason: reason)
            }
            reviews = ReviewBook(items: document.reviews, cards: book.cards, log: book.log, drillAttempts: book.drillAttempts)
        }
        return HomeExport(
            exportedAt: document.exportedAt, progress: ProgressBook(items: document.progress),
            backlog: Backlog(ideas: document.backlog), journal: journal, reviews: reviews,
            settings: Settings(focusTrack: document.settings.focusTrack, dailyGoalMinutes: goal, retention: retention,
                               maximumInterval: maximumInterval, dayStart: dayStart, calendar: calendar,
                               streakFreezes: document.settings.streakFreezes ?? true))
    }

    private static func calendar(of settings: SettingsSection, file: URL) throws -> StudyCalendar {
        var restDays: Set<Weekday> = []
        for (index, name) in (settings.restDays ?? []).enumerated() {
            guard let day = Weekday(name: name) else {
                throw StoreError.unreadable(file: file.path, place: "settings.restDays[\(index)]",
                                            reason: "expected a weekday (sun, mon, tue, wed, thu, fri, sat), found \"\(name)\"")
            }
            restDays.insert(day)
        }
        guard restDays.count < Weekday.allCases.count else {
            throw StoreError.unreadable(file: file.path, place: "settings.restDays", reason: "at least one weekday must be a study day")
        }
        var breaks: [StudyBreak] = []
        for (index, section) in (settings.breaks ?? []).enumerated() {
            guard let found = StudyBreak(first: section.first, last: section.last) else {
                throw StoreError.unreadable(file: file.path, place: "settings.breaks[\(index)]",
                                            reason: StudyBreak.problem("\(section.first)..\(section.last)"))
            }
            breaks.append(found)
        }
        return StudyCalendar(restDays: restDays, breaks: breaks)
    }

    // MARK: Restoring into an empty home

    /// The files that hold what the learner made; an import needs all of them absent.
    public static func dataFiles(of home: CoachHome) -> [URL] {
        [home.progressFile, home.backlogFile, JournalStore.file(home), ReviewStore.file(home), SettingsStore.file(home)]
    }

    /// The data files that exist in `home`; empty means an import may write.
    public static func existingDataFiles(in home: CoachHome) -> [URL] {
        dataFiles(of: home).filter { access($0.path, F_OK) == 0 }
    }

    /// Throws `HomeHasData` unless `home` holds none of the data files.
    public static func requireEmpty(_ home: CoachHome) throws {
        let existing = existingDataFiles(in: home)
        guard existing.isEmpty else {
            throw HomeHasData(home: home.path, files: existing.map(\.lastPathComponent))
        }
    }

    /// Writes the document into `home`, which must hold none of the data files: a home
    /// with data is refused (`HomeHasData`) and nothing is written. Sections that hold
    /// nothing are not written — an empty section and a missing file read the same — so
    /// exporting the restored home gives the same document. The backlog is the one
    /// exception: it is always written, because a missing backlog.json means "never
    /// looked at" and brings the starter ideas, which a learner who removed them all
    /// does not want back. If a write fails (a full disk), the files already written
    /// are removed again, leaving the home as empty as it was. The caller holds the
    /// home's lock.
    public func restore(into home: CoachHome) throws {
        try Self.requireEmpty(home)
        var written: [URL] = []
        do {
            if settings != Settings() {
                try SettingsStore.save(settings, to: home)
                written.append(SettingsStore.file(home))
            }
            if !progress.items.isEmpty {
                try ProgressStore.save(progress, to: home)
                written.append(home.progressFile)
            }
            if !reviews.items.isEmpty {
                try ReviewStore.save(reviews, to: home)
                written.append(ReviewStore.file(home))
            }
            try BacklogStore.save(backlog, to: home)
            written.append(home.backlogFile)
            if !journal.isEmpty || !journal.goals.changes.isEmpty {
                try JournalStore.save(journal, to: home)
                written.append(JournalStore.file(home))
            }
        } catch {
            for url in written { unlink(url.path) }
            throw error
        }
    }

    /// The import's refusal: the home has data already, and an import never merges.
    public struct HomeHasData: Error, Equatable, CustomStringConvertible {
        public var home: String
        /// The data files found, by name.
        public var files: [String]

        public var description: String {
            "\(home) already holds data (\(files.joined(separator: ", "))); an import restores only into an empty home, "
                + "so nothing was changed. Import into a new folder with --home DIR, or move those files away first."
        }
    }
}
