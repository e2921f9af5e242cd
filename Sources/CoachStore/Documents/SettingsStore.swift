import CoachCore
import Foundation

/// settings.json: the focus track and the daily goal.
public enum SettingsStore {
    public static let version = 1

    struct FileContents: Codable {
        var version: Int
        var focusTrack: String?
        var dailyGoalMinutes: Int?
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
        return Settings(focusTrack: document.focusTrack, dailyGoalMinutes: goal)
    }

    public static func save(_ settings: Settings, to home: CoachHome) throws {
        try JSONFile.save(FileContents(version: version, focusTrack: settings.focusTrack,
                                       dailyGoalMinutes: settings.dailyGoalMinutes), to: file(home))
    }
}
