import CoachCore
import FoundationEssentials

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
        guard let document = try JSONFile.load(FileContents.self, from: file(home), supported: version) else {
            return Settings()
        }
        let goal = document.dailyGoalMinutes ?? Settings.defaultGoal
        guard Settings.goalRange.contains(goal) else {
            throw StoreError.unreadable(file: file(home).path, place: "dailyGoalMinutes",
                                        reason: "must be \(Settings.goalRange.lowerBound)–\(Settings.goalRange.upperBound) minutes, found \(goal)")
        }
        return Settings(focusTrack: document.focusTrack, dailyGoalMinutes: goal)
    }

    public static func save(_ settings: Settings, to home: CoachHome) throws {
        try JSONFile.save(FileContents(version: version, focusTrack: settings.focusTrack,
                                       dailyGoalMinutes: settings.dailyGoalMinutes), to: file(home))
    }
}
