import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// session.json has one reader: every valid spelling of the format reads the same, and
/// every problem names the file and the JSON path.
@Suite("SessionStore: the one reader")
struct SessionReaderTests {
    func sessionRefusal(_ text: String) throws -> StoreError? {
        try DailyFiles.refusal(text, as: "session.json") { home in _ = try SessionStore.load(home) }
    }

    func reason(of error: StoreError?) -> String? {
        if case .unreadable(_, _, let reason)? = error { return reason }
        return nil
    }

    static let sessionURL = URL(fileURLWithPath: "/h/session.json")

    // MARK: session.json

    static let timer = SessionTimer(started: DailyFiles.morning("2024-05-01"), accumulatedSeconds: 90.5,
                                    runningSince: DailyFiles.morning("2024-05-01").addingTimeInterval(600),
                                    lastSeen: DailyFiles.morning("2024-05-01").addingTimeInterval(900),
                                    items: ["genai.rag", "a \"quoted\" id"])

    @Test func everyValidSpellingOfTheSessionReadsTheSame() throws {
        let spelled = "\u{FEFF} {\"version\":1,\n\t\"timer\" : {\"items\":[\"genai.rag\",\"a \\\"quoted\\\" \\u0069d\"],"
            + #" "started":"2024-05-01T07:00:00Z","lastSeen" : "2024-05-01T07:15:00Z", "accumulatedSeconds": 9.05e1,"#
            + #""runningSince":"2024-05-01T07:10:00Z"}}"# + "\r\n"
        #expect(try SessionStore.timer(from: Data(spelled.utf8), file: Self.sessionURL) == Self.timer)
    }

    @Test func theSessionIsWrittenInTheHouseFormatAndReadBack() throws {
        let bytes = SessionStore.text(of: Self.timer)
        #expect(FileFormat.problem(with: String(decoding: bytes, as: UTF8.self)) == nil)
        #expect(try SessionStore.timer(from: Data(bytes), file: Self.sessionURL) == Self.timer)
        var paused = Self.timer
        paused.pause(at: DailyFiles.morning("2024-05-01").addingTimeInterval(900))
        let text = String(decoding: SessionStore.text(of: paused), as: UTF8.self)
        #expect(!text.contains("runningSince"), "a paused timer leaves it out")
        #expect(try SessionStore.timer(from: Data(text.utf8), file: Self.sessionURL) == paused)
    }

    static let validTimer = #""started": "2024-05-01T07:00:00Z", "lastSeen": "2024-05-01T07:00:00Z", "items": []"#

    @Test(arguments: [
        (#"{"version": 1, "timer": []}"#, "timer", nil),
        (#"{"version": 1, "timer": {\#(validTimer), "accumulatedSeconds": "3"}}"#, "timer.accumulatedSeconds",
         "expected a number, found text"),
        (#"{"version": 1, "timer": {\#(validTimer), "accumulatedSeconds": 1e400}}"#, "timer.accumulatedSeconds",
         "expected a number a Double holds, got 1e400"),
        (#"{"version": 1, "timer": {\#(validTimer), "accumulatedSeconds": 3, "accumulatedSeconds": 4}}"#,
         "timer.accumulatedSeconds", JSONFile.repeatedKeyReason),
        (#"{"version": 1, "timer": {\#(validTimer), "accumulatedSeconds": 3}, "timer": null}"#, "timer",
         JSONFile.repeatedKeyReason),
        (#"{"version": 1, "timer": {\#(validTimer), "accumulatedSeconds": 3, "runningSince": 5}}"#, "timer.runningSince",
         "expected text, found a number"),
        (#"{"version": 1, "timer": {"started": "2024-05-01T07:00:00Z", "accumulatedSeconds": 3, "items": []}}"#,
         "timer.lastSeen", #"missing field "lastSeen""#),
        (#"{"version": 1, "timer": {"started": "2024-05-01T07:00:00Z", "lastSeen": "2024-05-01T07:00:00Z", "accumulatedSeconds": 3, "items": [1]}}"#,
         "timer.items[0]", "expected text, found a number"),
    ])
    func badSessionsAreRefusedWithTheirPath(text: String, place: String, reason: String?) throws {
        let error = try sessionRefusal(text)
        #expect(DailyFiles.place(of: error) == place)
        if let reason { #expect(self.reason(of: error) == reason) }
    }
}
