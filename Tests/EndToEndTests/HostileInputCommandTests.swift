import Foundation
import Testing

/// Issue 11, items 5 and 8 through the real binary: a huge number in a file or a huge
/// argument is refused in one short line, quickly, and a bad own track leaves every
/// command working.
@Suite struct HostileInputCommandTests {
    @Test func anIdOverTwoHundredCharactersIsRefusedByItsLength() throws {
        let home = TemporaryHome()
        let result = try CoachBinary.run(["check", String(repeating: "x", count: 5_000)], home: home.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("an item id is at most 200 characters; this one has 5000"), "\(result.stderr)")
        #expect(result.stderr.count < 300)
    }

    @Test func anArgumentOverTheLimitIsRefusedBeforeParsing() throws {
        let home = TemporaryHome()
        let result = try CoachBinary.run(["log", "--minutes", "5", "--note", String(repeating: "n", count: 130_000)], home: home.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("has 130000 characters; an argument is at most 10000"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.count < 300)
        #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent("journal.json").path))
    }

    @Test func aNineteenDigitNumberInAnOwnTrackLeavesTheTrackOutAndCommandsWork() throws {
        let home = TemporaryHome()
        let tracks = home.url.appendingPathComponent("tracks")
        try FileManager.default.createDirectory(at: tracks, withIntermediateDirectories: true)
        try Data(#"{"id":"mine","title":"Mine","sections":[{"title":"S","items":[{"id":"mine.a","title":"A","minutes":1234567890123456789}]}]}"#.utf8)
            .write(to: tracks.appendingPathComponent("mine.json"))
        let result = try CoachBinary.run(["tracks"], home: home.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("mine.json: $.sections[0].items[0].minutes: minutes must be a whole number from 1 to 10000"), "\(result.stderr)")
        #expect(!result.stdout.contains("Mine"))
    }

    @Test func aNineteenDigitNumberInAFileIsReportedAtItsPath() throws {
        let home = TemporaryHome()
        try Data(#"{"version": 1, "entries": [{"id": 1, "day": "2026-01-05", "minutes": 1234567890123456789012}], "goals": []}"#.utf8)
            .write(to: home.url.appendingPathComponent("journal.json"))
        let result = try CoachBinary.run(["stats"], home: home.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("(entries[0].minutes): expected a whole number from -9007199254740992 to 9007199254740992, got 1234567890123456789012"), "\(result.stderr)")
    }
}
