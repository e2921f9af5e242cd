@testable import CoachStore
import Foundation
import Testing

/// A key written twice is refused whether the object's keys are still few (kept in an
/// array) or many (kept in a Set): `SeenKeys` answers as a Set would for every sequence.
struct SeenKeysTests {
    @Test func answersAsASetWouldBeforeAndPastTheArrayLimit() {
        var random = SeededRandom(seed: 15)
        for round in 0..<200 {
            var seen = SeenKeys()
            var reference: Set<String> = []
            // Up to three times the limit, from a pool small enough to repeat.
            let count = random.next(below: SeenKeys.arrayLimit * 3)
            let pool = 1 + random.next(below: SeenKeys.arrayLimit * 2)
            for _ in 0..<count {
                let key = "k\(random.next(below: pool))"
                #expect(seen.insert(key) == reference.insert(key).inserted, "round \(round), key \(key)")
            }
        }
    }

    @Test func aKeyRepeatedAmongManyIsStillRefusedInADocument() throws {
        let others = (0..<(SeenKeys.arrayLimit + 4)).map { "\"extra\($0)\": \($0)" }.joined(separator: ", ")
        let text = "{\"version\": 2, \(others), \"extra3\": 9}"
        let error = try DailyFiles.refusal(text, as: "settings.json") { home in _ = try SettingsStore.load(home) }
        #expect(DailyFiles.place(of: error) == "extra3")
        guard case .unreadable(_, _, let reason)? = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(reason == JSONFile.repeatedKeyReason)
    }
}
