import Foundation
import Testing

/// Checks the shipped curriculum in Data/ against the product contract and against
/// coverage.json, the list of everything the source articles name. If a test here
/// fails, the message names the file and the item to fix.
@Suite struct CurriculumDataTests {

    // MARK: - Expectations

    static let expectedTrackIDs: Set<String> = [
        "ai-product", "data-science", "genai", "agents",
        "soft-skills", "engineering", "pm", "career",
    ]
    static let allowedResourceKinds: Set<String> = [
        "book", "course", "paper", "video", "article",
        "podcast", "website", "newsletter", "person",
    ]
    static let allowedImpacts: [Double] = [3, 2, 1, 0.5, 0.25]
    static let hiddenCostKeys = ["labeling", "retraining", "monitoring", "regulatory"]

    // MARK: - Locations

    /// This file lives in <root>/Tests/CurriculumDataTests/.
    static var testFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }
    static var packageRoot: URL {
        testFolder.deletingLastPathComponent().deletingLastPathComponent()
    }
    static var tracksFolder: URL {
        packageRoot.appendingPathComponent("Data/tracks")
    }
    static var ideasFile: URL {
        packageRoot.appendingPathComponent("Data/ideas.json")
    }
    static var coverageFile: URL {
        testFolder.appendingPathComponent("coverage.json")
    }

    // MARK: - Loading

    struct Track {
        let file: String
        let json: [String: Any]

        var id: String { json["id"] as? String ?? "" }
        var sections: [[String: Any]] { json["sections"] as? [[String: Any]] ?? [] }
        var items: [[String: Any]] { sections.flatMap { $0["items"] as? [[String: Any]] ?? [] } }
    }

    static func readJSON(_ url: URL) throws -> Any {
        let data = try Data(contentsOf: url)
        return try JSONSerialization.jsonObject(with: data)
    }

    static func loadTracks() throws -> [Track] {
        let files = try FileManager.default
            .contentsOfDirectory(atPath: tracksFolder.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        return try files.map { file in
            let object = try readJSON(tracksFolder.appendingPathComponent(file))
            guard let json = object as? [String: Any] else {
                throw CurriculumError("\(file): the top level is not a JSON object")
            }
            return Track(file: file, json: json)
        }
    }

    static func loadIdeas() throws -> [[String: Any]] {
        guard let ideas = try readJSON(ideasFile) as? [[String: Any]] else {
            throw CurriculumError("Data/ideas.json: the top level is not an array of objects")
        }
        return ideas
    }

    struct CurriculumError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func isBlank(_ value: Any?) -> Bool {
        (value as? String)?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true
    }

    /// A JSON number as a Double; nil when the value is missing or not a number.
    static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    // MARK: - Tracks

    @Test func exactlyTheEightTracksExist() throws {
        let ids = try Self.loadTracks().map(\.id)
        #expect(ids.count == 8, "expected 8 track files in Data/tracks, found \(ids.count): \(ids)")
        #expect(Set(ids) == Self.expectedTrackIDs,
                "track ids \(ids.sorted()) differ from \(Self.expectedTrackIDs.sorted())")
    }

    @Test func trackIDsMatchFileNames() throws {
        for track in try Self.loadTracks() {
            // "03-genai.json" -> "genai"
            var name = String(track.file.dropLast(".json".count))
            if let dash = name.firstIndex(of: "-"), name[..<dash].allSatisfy(\.isNumber) {
                name = String(name[name.index(after: dash)...])
            }
            #expect(track.id == name, "\(track.file): id \"\(track.id)\" does not match the file name")
        }
    }

    @Test func tracksHaveTitlesSummariesAndSections() throws {
        for track in try Self.loadTracks() {
            #expect(!Self.isBlank(track.json["title"]), "\(track.file): empty track title")
            #expect(!Self.isBlank(track.json["summary"]), "\(track.file): empty track summary")
            #expect((2...5).contains(track.sections.count),
                    "\(track.file): has \(track.sections.count) sections, expected 2 to 5")
            for (index, section) in track.sections.enumerated() {
                #expect(!Self.isBlank(section["title"]), "\(track.file): section \(index + 1) has no title")
                let items = section["items"] as? [[String: Any]] ?? []
                #expect(!items.isEmpty, "\(track.file): section \(index + 1) has no items")
            }
        }
    }

    @Test func itemIDsAreWellFormedAndUnique() throws {
        var seen: [String: String] = [:]  // item id -> file
        for track in try Self.loadTracks() {
            let pattern = "^" + NSRegularExpression.escapedPattern(for: track.id) + "\\.[a-z0-9-]+$"
            let regex = try NSRegularExpression(pattern: pattern)
            for item in track.items {
                let id = item["id"] as? String ?? ""
                let range = NSRange(id.startIndex..., in: id)
                #expect(regex.firstMatch(in: id, range: range) != nil,
                        "\(track.file): item id \"\(id)\" does not match \(pattern)")
                if let other = seen[id] {
                    Issue.record("\(track.file): item id \"\(id)\" is already used in \(other)")
                }
                seen[id] = track.file
            }
        }
    }

    @Test func itemsHaveTitlesSummariesAndSensibleMinutes() throws {
        for track in try Self.loadTracks() {
            for item in track.items {
                let id = item["id"] as? String ?? "?"
                #expect(!Self.isBlank(item["title"]), "\(track.file): item \(id) has an empty title")
                #expect(!Self.isBlank(item["summary"]), "\(track.file): item \(id) has an empty summary")
                let minutes = Self.number(item["minutes"])
                let isWholeNumber = minutes.map { $0 == $0.rounded() } ?? false
                #expect(isWholeNumber && (5...600).contains(minutes ?? 0),
                        "\(track.file): item \(id) minutes \(item["minutes"] ?? "missing") is not an integer in 5...600")
                #expect(item["resources"] is [Any], "\(track.file): item \(id) has no resources array")
            }
        }
    }

    @Test func resourcesHaveKnownKindsAndHTTPSURLs() throws {
        for track in try Self.loadTracks() {
            for item in track.items {
                let id = item["id"] as? String ?? "?"
                for resource in item["resources"] as? [[String: Any]] ?? [] {
                    let title = resource["title"] as? String ?? ""
                    #expect(!Self.isBlank(title), "\(track.file): item \(id) has a resource without a title")
                    let kind = resource["kind"] as? String ?? ""
                    #expect(Self.allowedResourceKinds.contains(kind),
                            "\(track.file): item \(id), resource \"\(title)\": kind \"\(kind)\" is not allowed")
                    guard let raw = resource["url"] else { continue }
                    let url = (raw as? String).flatMap { URLComponents(string: $0) }
                    #expect(url?.scheme == "https" && !(url?.host ?? "").isEmpty,
                            "\(track.file): item \(id), resource \"\(title)\": bad url \(raw)")
                }
            }
        }
    }

    // MARK: - Coverage

    @Test func everythingTheSourcesNameHasAHome() throws {
        var texts: [String] = []
        for track in try Self.loadTracks() {
            for item in track.items {
                texts.append(item["title"] as? String ?? "")
                texts.append(item["summary"] as? String ?? "")
                for resource in item["resources"] as? [[String: Any]] ?? [] {
                    texts.append(resource["title"] as? String ?? "")
                }
            }
        }
        let haystack = texts.joined(separator: "\n").lowercased()

        guard let entries = try Self.readJSON(Self.coverageFile) as? [[String: Any]] else {
            Issue.record("coverage.json: the top level is not an array of objects")
            return
        }
        #expect(entries.count >= 200, "coverage.json has only \(entries.count) entries")
        for entry in entries {
            let name = entry["name"] as? String ?? ""
            let source = entry["source"] as? String ?? "?"
            #expect(!name.isEmpty, "coverage.json: an entry from source \(source) has no name")
            let found = haystack.contains(name.lowercased())
            #expect(found,
                    "coverage.json: \"\(name)\" (\(entry["kind"] ?? "?"), source \(source)) is not named by any item title, summary or resource title in Data/tracks")
        }
    }

    // MARK: - Starter ideas

    @Test func starterIdeasObeyRICERangesAndLinkToRealItems() throws {
        let itemIDs = Set(try Self.loadTracks().flatMap { $0.items.compactMap { $0["id"] as? String } })
        let ideas = try Self.loadIdeas()
        #expect(ideas.count >= 5, "Data/ideas.json: expected at least 5 starter ideas, found \(ideas.count)")

        var seen = Set<String>()
        for idea in ideas {
            let id = idea["id"] as? String ?? "?"
            let at = "Data/ideas.json, idea \(id)"
            #expect(seen.insert(id).inserted, "\(at): duplicate id")
            #expect(!Self.isBlank(idea["title"]), "\(at): empty title")

            let reach = Self.number(idea["reach"])
            #expect(reach.map { $0.isFinite && $0 >= 0 } ?? false, "\(at): reach must be a finite number ≥ 0")
            let impact = Self.number(idea["impact"])
            #expect(impact.map { Self.allowedImpacts.contains($0) } ?? false,
                    "\(at): impact must be one of \(Self.allowedImpacts)")
            let confidence = Self.number(idea["confidence"])
            #expect(confidence.map { $0 > 0 && $0 <= 1 } ?? false, "\(at): confidence must be in (0, 1]")
            let effort = Self.number(idea["effort"])
            #expect(effort.map { $0.isFinite && $0 > 0 } ?? false, "\(at): effort must be a finite number > 0")

            let costs = idea["hiddenCosts"] as? [String: Any] ?? [:]
            for key in Self.hiddenCostKeys {
                let cost = Self.number(costs[key])
                #expect(cost.map { $0.isFinite && $0 >= 0 } ?? false,
                        "\(at): hiddenCosts.\(key) must be a finite number ≥ 0")
            }

            for link in idea["items"] as? [String] ?? [] {
                let exists = itemIDs.contains(link)
                #expect(exists, "\(at): links to unknown item \"\(link)\"")
            }
        }
    }
}
