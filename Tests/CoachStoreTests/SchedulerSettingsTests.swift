import CoachCore
@testable import CoachStore
import Foundation
import Testing

@Suite("SettingsStore: retention and maximum interval")
struct SchedulerSettingsTests {
    @Test func theDefaultsAreFSRSsAndRoundTrip() throws {
        try DailyFiles.withHome { home throws in
            #expect(try SettingsStore.load(home).retention == 0.90)
            let settings = Settings(focusTrack: "genai", dailyGoalMinutes: 30, retention: 0.85, maximumInterval: 365)
            try SettingsStore.save(settings, to: home)
            #expect(try SettingsStore.load(home) == settings)
            #expect(try SettingsStore.load(home).scheduler.desiredRetention == 0.85)
            #expect(try SettingsStore.load(home).scheduler.maximumInterval == 365)
        }
    }

    @Test(arguments: [
        (#"{"version":1,"dailyGoalMinutes":45,"retention":0.5}"#, "retention"),
        (#"{"version":1,"dailyGoalMinutes":45,"retention":0.99}"#, "retention"),
        (#"{"version":1,"dailyGoalMinutes":45,"maximumInterval":0}"#, "maximumInterval"),
    ])
    func outOfRangeValuesAreRefusedByName(_ text: String, _ field: String) throws {
        let error = try DailyFiles.refusal(text, as: "settings.json") { home in _ = try SettingsStore.load(home) }
        #expect(DailyFiles.place(of: error) == field)
    }

    @Test func theProblemsNameTheRange() {
        #expect(Settings.retentionProblem(0.9) == nil)
        #expect(Settings.retentionProblem(0.7) == nil && Settings.retentionProblem(0.97) == nil)
        #expect(Settings.retentionProblem(0.69)?.contains("0.70 and 0.97") == true)
        #expect(Settings.retentionProblem(.nan) != nil)
        #expect(Settings.maximumIntervalProblem(0) != nil && Settings.maximumIntervalProblem(36_500) == nil)
    }
}
