import CoachCore
import FoundationEssentials

/// settings.json: the focus track, the daily goal, and the review scheduler's desired
/// retention and maximum interval (absent: the defaults).
public enum SettingsStore {
    public static let version = 1

    struct FileContents: Codable {
        var version: Int
        var focusTrack: String?
        var dailyGoalMinutes: Int?
        var retention: Double?
        var maximumInterval: Int?
    }

    public static func file(_ home: CoachHome) -> URL {
        home.file(.settings)
    }

    public static func load(_ home: CoachHome) throws -> Settings {
        guard let data = try AtomicFile.read(file(home), limit: FileSizeLimit.small) else { return Settings() }
        return try settings(from: data, file: file(home))
    }

    /// The settings `data`, read from `url`, holds.
    static func settings(from data: Data, file url: URL) throws -> Settings {
        let document = try JSONFile.decode(FileContents.self, from: data, file: url, supported: version)
        let goal = document.dailyGoalMinutes ?? Settings.defaultGoal
        guard Settings.goalRange.contains(goal) else {
            throw StoreError.unreadable(file: url.path, place: "dailyGoalMinutes",
                                        reason: "must be \(Settings.goalRange.lowerBound)–\(Settings.goalRange.upperBound) minutes, found \(goal)")
        }
        let retention = document.retention ?? FSRSScheduler.defaultRetention
        if let problem = Settings.retentionProblem(retention) {
            throw StoreError.unreadable(file: url.path, place: "retention", reason: problem)
        }
        let maximumInterval = document.maximumInterval ?? FSRSScheduler.defaultMaximumInterval
        if let problem = Settings.maximumIntervalProblem(maximumInterval) {
            throw StoreError.unreadable(file: url.path, place: "maximumInterval", reason: problem)
        }
        return Settings(focusTrack: document.focusTrack, dailyGoalMinutes: goal, retention: retention,
                        maximumInterval: maximumInterval)
    }

    public static func save(_ settings: Settings, to home: CoachHome) throws {
        // The defaults are left out, so a file written before these settings existed is
        // written back unchanged.
        let retention = settings.retention == FSRSScheduler.defaultRetention ? nil : settings.retention
        let maximumInterval = settings.maximumInterval == FSRSScheduler.defaultMaximumInterval ? nil : settings.maximumInterval
        try JSONFile.save(FileContents(version: version, focusTrack: settings.focusTrack,
                                       dailyGoalMinutes: settings.dailyGoalMinutes, retention: retention,
                                       maximumInterval: maximumInterval), to: file(home))
    }
}
