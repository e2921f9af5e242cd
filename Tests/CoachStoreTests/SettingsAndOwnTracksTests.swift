import CoachCore
import Foundation
import Testing
@testable import CoachStore

@Suite struct SettingsAndOwnTracksTests {
    @Test func settingsRoundTripAndDefaults() throws {
        try withTemporaryFolder { folder in
        let home = CoachHome(url: folder)
        #expect(try SettingsStore.load(home) == Settings())
        try SettingsStore.save(Settings(focusTrack: "genai", dailyGoalMinutes: 60), to: home)
        #expect(try SettingsStore.load(home) == Settings(focusTrack: "genai", dailyGoalMinutes: 60))
        let text = try String(contentsOf: SettingsStore.file(home), encoding: .utf8)
        #expect(text.contains("\"version\" : 2"))
        }
    }

    @Test func settingsWithAGoalOutOfRangeAreRefusedAndKept() throws {
        try withTemporaryFolder { folder in
        let home = CoachHome(url: folder)
        let bad = Data("{\"version\": 1, \"dailyGoalMinutes\": 0}".utf8)
        try bad.write(to: SettingsStore.file(home))
        #expect(throws: StoreError.self) { try SettingsStore.load(home) }
        #expect(try Data(contentsOf: SettingsStore.file(home)) == bad)
        }
    }

    func writeTrack(_ json: String, _ name: String, in dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: dir.appendingPathComponent(name))
    }

    @Test func ownTracksLoadAfterTheShippedOnesAndBadOnesAreReported() throws {
        try withTemporaryFolder { folder in
        let data = folder.appendingPathComponent("data")
        let own = folder.appendingPathComponent("own")
        try writeTrack(#"{"id":"base","title":"Base","sections":[{"title":"S","items":[{"id":"base.a","title":"A","summary":"s","minutes":5}]}]}"#,
                       "01-base.json", in: data.appendingPathComponent("tracks"))
        try writeTrack(#"{"id":"mine","title":"Mine","sections":[{"title":"S","items":[{"id":"mine.a","title":"A","summary":"s","minutes":5}]}]}"#,
                       "a.json", in: own)
        try writeTrack(#"{"id":"bad","title":"","sections":[]}"#, "b.json", in: own)
        try writeTrack(#"{"id":"other","title":"Other","sections":[{"title":"S","items":[{"id":"base.a","title":"A","summary":"s","minutes":5}]}]}"#,
                       "c.json", in: own)
        let loaded = try CurriculumLoader.load(data: data, userTracks: own)
        #expect(loaded.curriculum.tracks.map(\.id) == ["base", "mine"])
        #expect(loaded.warnings.count == 2)
        #expect(loaded.warnings[0].contains("b.json: $.title: empty title"))
        #expect(loaded.warnings[1].contains("c.json: $.sections[0].items[0].id: duplicate item id \"base.a\""))
        #expect(loaded.warnings[1].contains("was not loaded"))
        }
    }

    @Test func noOwnTracksFolderIsFine() throws {
        try withTemporaryFolder { folder in
        let data = folder.appendingPathComponent("data")
        try writeTrack(#"{"id":"base","title":"Base","sections":[]}"#, "01-base.json", in: data.appendingPathComponent("tracks"))
        let loaded = try CurriculumLoader.load(data: data, userTracks: folder.appendingPathComponent("missing"))
        #expect(loaded.curriculum.tracks.count == 1)
        #expect(loaded.warnings.isEmpty)
        }
    }
}
