import Foundation
import Testing

/// Every item id the program shows as an example — in a hint, an error, a help text or
/// the README — exists in the shipped curriculum, so a learner who types it is not refused.
@Suite struct ExampleIDTests {
    /// The shipped track ids and item ids, read from Data/tracks/*.json.
    static func shipped() throws -> (tracks: Set<String>, items: Set<String>) {
        var tracks: Set<String> = []
        var items: Set<String> = []
        let files = try FileManager.default.contentsOfDirectory(at: CurriculumDataTests.tracksFolder,
                                                                includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "json" {
            let track = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            tracks.insert(try #require(track["id"] as? String))
            for section in track["sections"] as? [[String: Any]] ?? [] {
                for item in section["items"] as? [[String: Any]] ?? [] {
                    if let id = item["id"] as? String { items.insert(id) }
                }
            }
        }
        return (tracks, items)
    }

    /// Words of the form `track.item` whose track is a shipped one, with where they are.
    static func exampleIDs(in text: String, tracks: Set<String>) -> [(line: Int, id: String)] {
        let pattern = try! NSRegularExpression(pattern: "(?<![\\w.-])([a-z][a-z0-9-]*)\\.([a-z0-9][a-z0-9-]*)(?![\\w-]|\\.\\w)")
        var found: [(Int, String)] = []
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            let range = NSRange(line.startIndex..., in: line)
            for match in pattern.matches(in: line, range: range) {
                guard let whole = Range(match.range, in: line), let track = Range(match.range(at: 1), in: line),
                      tracks.contains(String(line[track])) else { continue }
                found.append((number + 1, String(line[whole])))
            }
        }
        return found
    }

    @Test func theScanFindsIDsInHintsAndSkipsFileNames() {
        let found = Self.exampleIDs(in: "\"must be ids like genai.rag, agents.nope\"\nprogress.json genai.x.y", tracks: ["genai", "agents"])
        #expect(found.map(\.id) == ["genai.rag", "agents.nope"])
    }

    @Test func everyExampleIDInTheSourcesAndTheReadmeExists() throws {
        let (tracks, items) = try Self.shipped()
        #expect(items.count > 100 && tracks.count == 8)
        let root = CurriculumDataTests.packageRoot
        var files = [root.appendingPathComponent("README.md")]
        let sources = try #require(FileManager.default.enumerator(at: root.appendingPathComponent("Sources"),
                                                                   includingPropertiesForKeys: nil))
        for case let file as URL in sources where file.pathExtension == "swift" { files.append(file) }
        var checked = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (line, id) in Self.exampleIDs(in: text, tracks: tracks) {
                checked += 1
                #expect(items.contains(id), "\(file.lastPathComponent):\(line) shows \(id), which is not a shipped item")
            }
        }
        #expect(checked > 10, "the scan reads the hints (found \(checked) ids)")
    }
}
