import Foundation
import Testing

/// Text from the learner's files and arguments never reaches the terminal raw: OSC, CSI,
/// C1 and bidirectional controls planted in a journal note, an own track's titles, an
/// idea title and the arguments come out as visible escapes from every command.
@Suite struct EscapeInjectionTests {
    static let planted = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}"
    static let plantedJSON = "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202e"

    /// The scalars a terminal would act on (line breaks and tabs are layout).
    static func steering(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A, 0x09: false
            case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }.map { "U+" + String($0.value, radix: 16) }
    }

    static func plantedHome() throws -> TemporaryHome {
        let home = TemporaryHome()
        let tracks = home.url.appendingPathComponent("tracks")
        try FileManager.default.createDirectory(at: tracks, withIntermediateDirectories: true)
        try Data("""
        {"id": "mine", "title": "Mine \(plantedJSON)", "summary": "s \(plantedJSON)", "sections": [{"title": "Part \(plantedJSON)",
         "items": [{"id": "mine.one", "title": "Red one \(plantedJSON)", "summary": "x", "minutes": 30, "resources": []}]}]}
        """.utf8).write(to: tracks.appendingPathComponent("mine.json"))
        try Data("""
        {"version": 1, "entries": [{"id": 1, "day": "2026-01-05", "minutes": 30, "items": [], "note": "note \(plantedJSON)"}], "goals": []}
        """.utf8).write(to: home.url.appendingPathComponent("journal.json"))
        return home
    }

    static let commands: [[String]] = [
        ["journal"], ["tracks"], ["show", "mine"], ["search", "red"], ["stats"], ["today"],
        ["export", "--format", "markdown"], ["export", "--format", "json"], ["tracks", "--json"],
        ["check", "x\(planted)"], ["show", "x\(planted)"], ["tracks", "--bogus\(planted)"],
        ["idea", "add", "Title \(planted)", "--reach", "1", "--impact", "high", "--confidence", "50%", "--effort", "1"],
        ["log", "--minutes", "10", "--note", planted], ["settings", "--goal", planted],
        ["check", String(repeating: "x", count: 5_000)],
    ]

    @Test(arguments: commands)
    func noOutputPathWritesASteeringCharacter(_ command: [String]) throws {
        let home = try Self.plantedHome()
        let result = try CoachBinary.run(command, home: home.url)
        #expect(Self.steering(result.stdout).isEmpty, "stdout of \(command.map { $0.prefix(30) })")
        #expect(Self.steering(result.stderr).isEmpty, "stderr of \(command.map { $0.prefix(30) }): \(result.stderr.prefix(300))")
        // An argument is echoed cut to a sane length, never whole.
        #expect(result.stderr.count < 2_000, "\(result.stderr.count) characters on stderr")
    }

    @Test func thePlantedTextIsShownAsVisibleEscapes() throws {
        let home = try Self.plantedHome()
        let journal = try CoachBinary.run(["journal"], home: home.url)
        #expect(journal.stdout.contains("note ^[]0;pwned^G^[[2J<U+009B>31m<U+202E>"), "\(journal.stdout)")
        let markdown = try CoachBinary.run(["export", "--format", "markdown"], home: home.url)
        #expect(markdown.stdout.contains("<U+202E>"), "\(markdown.stdout)")
        // JSON stays exact: the escapes read back as the planted text.
        let json = try CoachBinary.run(["export", "--format", "json"], home: home.url)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let entries = (object?["journal"] as? [String: Any])?["entries"] as? [[String: Any]]
        #expect(entries?.first?["note"] as? String == "note " + Self.planted)
    }

    @Test func importRefusesControlCharactersNamingTheJSONPath() throws {
        let home = try Self.plantedHome()
        let export = home.url.appendingPathComponent("export.json")
        #expect(try CoachBinary.run(["export", "--format", "json", "--output", export.path], home: home.url).status == 0)
        let empty = TemporaryHome()
        let result = try CoachBinary.run(["import", export.path], home: empty.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("journal.entries[0].note: holds the control character ^["), "\(result.stderr)")
        #expect(Self.steering(result.stderr).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: empty.url.appendingPathComponent("journal.json").path))
    }
}
