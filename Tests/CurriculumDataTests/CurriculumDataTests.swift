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

    // MARK: - Recall prompts, self-checks and drills

    static let promptCountForTeachingItems = 2
    static let pointCount = 2...5
    static let selfCheckCount = 3...6
    static let rubricCount = 4...8
    static let drillKinds: Set<String> = ["star", "case"]
    /// Longer than this is a paragraph, not a key point a grader can check at a glance.
    static let maximumEntryLength = 200
    /// Interview questions and case studies are drills (issue 12, item 5).
    static let interviewItemPrefixes = ["career.interview-", "career.q-"]

    static func trimmed(_ value: Any?) -> String {
        (value as? String)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// "Define X" or a bare "What is X?" asks for a definition alone; a recall prompt asks
    /// for understanding or application ("When would you…", "What would you tell…").
    static func isDefinitional(_ question: String) -> Bool {
        let words = question.lowercased()
            .split(whereSeparator: { $0.isWhitespace })
            .map(String.init)
        guard let first = words.first else { return false }
        if first == "define" || first == "define:" { return true }
        let opensAsWhatIs = words.count >= 2 && first == "what" && ["is", "are"].contains(words[1])
        let opensAsWhats = first == "what's"
        let restCount = words.count - (opensAsWhats ? 1 : 2)
        return (opensAsWhatIs || opensAsWhats) && restCount <= 5
    }

    /// Questions compare equal when they differ only in case and spacing.
    static func normalizedQuestion(_ question: String) -> String {
        question.lowercased()
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// Every string in a JSON value, with the path that leads to it.
    static func strings(in value: Any, at path: String) -> [(path: String, text: String)] {
        if let text = value as? String { return [(path, text)] }
        if let array = value as? [Any] {
            return array.enumerated().flatMap { strings(in: $0.element, at: "\(path)[\($0.offset)]") }
        }
        if let object = value as? [String: Any] {
            return object.keys.sorted().flatMap { key in
                let here = strings(in: key, at: "\(path).\(key) (key)")
                return here + strings(in: object[key]!, at: "\(path).\(key)")
            }
        }
        return []
    }

    @Test func everyItemHasPromptsOrASelfCheck() throws {
        for track in try Self.loadTracks() {
            for item in track.items {
                let id = item["id"] as? String ?? "?"
                let prompts = item["prompts"] as? [Any] ?? []
                let hasSelfCheck = item["selfCheck"] != nil
                #expect(hasSelfCheck || prompts.count >= Self.promptCountForTeachingItems,
                        "\(track.file): item \(id) has \(prompts.count) prompts and no selfCheck; an item that teaches needs at least \(Self.promptCountForTeachingItems) prompts, a practice item a selfCheck")
            }
        }
    }

    @Test func promptsHaveAQuestionAndCheckablePoints() throws {
        for track in try Self.loadTracks() {
            for item in track.items {
                let id = item["id"] as? String ?? "?"
                guard let raw = item["prompts"] else { continue }
                guard let prompts = raw as? [[String: Any]] else {
                    Issue.record("\(track.file): item \(id): prompts is not an array of objects")
                    continue
                }
                for (index, prompt) in prompts.enumerated() {
                    let at = "\(track.file): item \(id), prompt \(index + 1)"
                    #expect(Set(prompt.keys).isSubset(of: ["question", "points"]),
                            "\(at): unknown keys \(prompt.keys.sorted()); allowed are question and points")
                    let question = Self.trimmed(prompt["question"])
                    #expect(!question.isEmpty, "\(at): the question is blank")
                    #expect(question.hasSuffix("?"), "\(at): the question \"\(question)\" does not end with \"?\"")
                    #expect(!Self.isDefinitional(question),
                            "\(at): \"\(question)\" asks for a definition alone; ask for understanding or application")
                    guard let points = prompt["points"] as? [Any] else {
                        Issue.record("\(at): points is missing or not an array")
                        continue
                    }
                    #expect(Self.pointCount.contains(points.count),
                            "\(at): has \(points.count) points, expected \(Self.pointCount.lowerBound) to \(Self.pointCount.upperBound)")
                    for (number, point) in points.enumerated() {
                        let text = Self.trimmed(point)
                        #expect(point is String && !text.isEmpty, "\(at), point \(number + 1) is blank or not a string")
                        #expect(text.count <= Self.maximumEntryLength,
                                "\(at), point \(number + 1) has \(text.count) characters, at most \(Self.maximumEntryLength) allowed")
                    }
                }
            }
        }
    }

    @Test func selfChecksListWhatTheResultMustContain() throws {
        for track in try Self.loadTracks() {
            for item in track.items {
                let id = item["id"] as? String ?? "?"
                guard let raw = item["selfCheck"] else { continue }
                guard let entries = raw as? [Any] else {
                    Issue.record("\(track.file): item \(id): selfCheck is not an array")
                    continue
                }
                #expect(Self.selfCheckCount.contains(entries.count),
                        "\(track.file): item \(id): selfCheck has \(entries.count) entries, expected \(Self.selfCheckCount.lowerBound) to \(Self.selfCheckCount.upperBound)")
                for (number, entry) in entries.enumerated() {
                    let text = Self.trimmed(entry)
                    #expect(entry is String && !text.isEmpty,
                            "\(track.file): item \(id): selfCheck entry \(number + 1) is blank or not a string")
                    #expect(text.count <= Self.maximumEntryLength,
                            "\(track.file): item \(id): selfCheck entry \(number + 1) has \(text.count) characters, at most \(Self.maximumEntryLength) allowed")
                }
            }
        }
    }

    @Test func drillsHaveAKindAQuestionAndARubric() throws {
        for track in try Self.loadTracks() {
            for item in track.items {
                let id = item["id"] as? String ?? "?"
                guard let raw = item["drills"] else { continue }
                guard let drills = raw as? [[String: Any]], !drills.isEmpty else {
                    Issue.record("\(track.file): item \(id): drills is not a non-empty array of objects")
                    continue
                }
                for (index, drill) in drills.enumerated() {
                    let at = "\(track.file): item \(id), drill \(index + 1)"
                    #expect(Set(drill.keys).isSubset(of: ["kind", "question", "rubric"]),
                            "\(at): unknown keys \(drill.keys.sorted()); allowed are kind, question and rubric")
                    let kind = drill["kind"] as? String ?? ""
                    #expect(Self.drillKinds.contains(kind),
                            "\(at): kind \"\(kind)\" is not allowed; use \(Self.drillKinds.sorted())")
                    #expect(!Self.trimmed(drill["question"]).isEmpty, "\(at): the question is blank")
                    guard let rubric = drill["rubric"] as? [Any] else {
                        Issue.record("\(at): rubric is missing or not an array")
                        continue
                    }
                    #expect(Self.rubricCount.contains(rubric.count),
                            "\(at): rubric has \(rubric.count) entries, expected \(Self.rubricCount.lowerBound) to \(Self.rubricCount.upperBound)")
                    for (number, entry) in rubric.enumerated() {
                        #expect(entry is String && !Self.trimmed(entry).isEmpty,
                                "\(at), rubric entry \(number + 1) is blank or not a string")
                    }
                }
            }
        }
    }

    @Test func interviewItemsCarryDrills() throws {
        var interviewItems = 0
        for track in try Self.loadTracks() {
            for item in track.items {
                let id = item["id"] as? String ?? "?"
                guard Self.interviewItemPrefixes.contains(where: { id.hasPrefix($0) }) else { continue }
                interviewItems += 1
                let drills = item["drills"] as? [Any] ?? []
                #expect(!drills.isEmpty,
                        "\(track.file): interview item \(id) carries no drills; interview questions and case studies are drills")
            }
        }
        #expect(interviewItems > 0, "no item id starts with \(Self.interviewItemPrefixes)")
    }

    @Test func noQuestionIsAskedTwice() throws {
        var seen: [String: String] = [:]  // normalized question -> where it was first asked
        for track in try Self.loadTracks() {
            for item in track.items {
                let id = item["id"] as? String ?? "?"
                let prompts = (item["prompts"] as? [[String: Any]] ?? []).map { ("prompt", $0) }
                let drills = (item["drills"] as? [[String: Any]] ?? []).map { ("drill", $0) }
                for (kind, entry) in prompts + drills {
                    let question = Self.normalizedQuestion(entry["question"] as? String ?? "")
                    guard !question.isEmpty else { continue }
                    let here = "\(track.file): item \(id) (\(kind))"
                    if let first = seen[question] {
                        Issue.record("\(here) asks \"\(question)\", already asked in \(first)")
                    } else {
                        seen[question] = here
                    }
                }
            }
        }
    }

    @Test func trackFilesHoldNoControlCharacters() throws {
        for track in try Self.loadTracks() {
            for (path, text) in Self.strings(in: track.json, at: "") {
                let control = text.unicodeScalars.first { $0.properties.generalCategory == .control }
                #expect(control == nil,
                        "\(track.file): \(path) holds control character U+\(String(control?.value ?? 0, radix: 16, uppercase: true)); write plain text on one line")
            }
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
