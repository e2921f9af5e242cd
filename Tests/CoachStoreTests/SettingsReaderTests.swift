import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// settings.json has one reader: every valid spelling of the format reads the same, and
/// every problem names the file and the JSON path.
@Suite("SettingsStore: the one reader")
struct SettingsReaderTests {
    func settingsRefusal(_ text: String) throws -> StoreError? {
        try DailyFiles.refusal(text, as: "settings.json") { home in _ = try SettingsStore.load(home) }
    }

    func reason(of error: StoreError?) -> String? {
        if case .unreadable(_, _, let reason)? = error { return reason }
        return nil
    }

    static let settingsURL = URL(fileURLWithPath: "/h/settings.json")

    // MARK: settings.json

    @Test func everyValidSpellingOfTheSettingsReadsTheSame() throws {
        let spelled = "\u{FEFF}\r\n { \"version\" : 1.0 ,\t\"focusTr\\u0061ck\" : \"ai-\\u0070roduct\", \"dailyGoalMinutes\":45.0 }\n\n"
        #expect(try SettingsStore.settings(from: Data(spelled.utf8), file: Self.settingsURL)
                == Settings(focusTrack: "ai-product", dailyGoalMinutes: 45))
        let nulls = #"{"dailyGoalMinutes": null, "focusTrack": null, "version": 1}"#
        #expect(try SettingsStore.settings(from: Data(nulls.utf8), file: Self.settingsURL) == Settings())
    }

    @Test func theSettingsAreWrittenInTheHouseFormat() {
        let text = String(decoding: SettingsStore.text(of: Settings(focusTrack: "ai-product", dailyGoalMinutes: 45)), as: UTF8.self)
        #expect(text == "{\n  \"dailyGoalMinutes\" : 45,\n  \"focusTrack\" : \"ai-product\",\n  \"version\" : 2\n}\n")
        #expect(FileFormat.problem(with: text) == nil)
        let noTrack = String(decoding: SettingsStore.text(of: Settings()), as: UTF8.self)
        #expect(noTrack == "{\n  \"dailyGoalMinutes\" : 45,\n  \"version\" : 2\n}\n")
    }

    @Test(arguments: [
        (#"{"version": 1, "dailyGoalMinutes": "45"}"#, "dailyGoalMinutes", "expected a whole number, found text"),
        (#"{"version": 1, "focusTrack": 7}"#, "focusTrack", "expected text, found a number"),
        (#"{"version": 1, "dailyGoalMinutes": 45.5}"#, "dailyGoalMinutes", "expected a whole number, got 45.5"),
        (#"{"version": 1, "dailyGoalMinutes": 1234567890123456789}"#, "dailyGoalMinutes",
         "expected a whole number from -9007199254740992 to 9007199254740992, got 1234567890123456789"),
        (#"{"version": 1, "dailyGoalMinutes": 45, "dailyGoalMinutes": 50}"#, "dailyGoalMinutes",
         JSONFile.repeatedKeyReason),
        (#"{"version": 1, "focusTrack": "a", "focusTrack": "b"}"#, "focusTrack", JSONFile.repeatedKeyReason),
        (#"{"version": 1, "dailyGoalMinutes": 601}"#, "dailyGoalMinutes", "must be 5–600 minutes, found 601"),
        ("[]", "top level", "expected an object with a version"),
    ])
    func badSettingsAreRefusedWithTheirPath(text: String, place: String, reason: String) throws {
        let error = try settingsRefusal(text)
        #expect(DailyFiles.place(of: error) == place)
        #expect(self.reason(of: error) == reason)
    }

    @Test func newerSettingsAreRefused() throws {
        let error = try settingsRefusal(#"{"version": 3, "dailyGoalMinutes": "more"}"#)
        guard case .newerVersion(_, let found, _)? = error else {
            Issue.record("expected newerVersion, got \(String(describing: error))")
            return
        }
        #expect(found == 3)
    }
}
