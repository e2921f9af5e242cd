import CoachCore
import CoachStore
import Foundation
import Testing

@Suite("CurriculumParser: every bad input is reported with file and JSON path")
struct CurriculumValidationTests {
    static let file = "Data/tracks/broken.json"
    static let itemPath = "$.sections[0].items[0]"

    /// A track whose one item is `item` (JSON text).
    static func track(item: String) -> String {
        #"{"id":"t","title":"T","sections":[{"title":"S","items":[\#(item)]}]}"#
    }

    /// A built track for the checks across files: items "<id>.<n>", numbered across it.
    static func fixtureTrack(_ id: String, _ title: String, sections: [(String, Int)]) -> Track {
        var next = 1
        var built: [Section] = []
        for (sectionTitle, count) in sections {
            built.append(Section(title: sectionTitle, items: (0..<count).map { fixtureItem("\(id).\(next + $0)", "\(title) \(next + $0)") }))
            next += count
        }
        return Track(id: id, title: title, sections: built)
    }

    static func fixtureItem(_ id: String, _ title: String) -> Item {
        Item(id: id, title: title, summary: "About \(title)", minutes: 30)
    }

    /// A track whose one item carries `part` ("prompts": ..., as JSON text).
    static func track(part: String) -> String {
        track(item: #"{"id":"t.1","title":"One","minutes":5,\#(part)}"#)
    }

    static func track(resource: String) -> String {
        track(item: #"{"id":"t.1","title":"One","minutes":5,"resources":[\#(resource)]}"#)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var json: String
        var path: String
        /// Text the message must contain.
        var says: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "not JSON", json: "{ this is not json", path: "$", says: "not valid JSON"),
        Case(name: "empty file", json: "", path: "$", says: "not valid JSON"),
        Case(name: "top level is an array", json: "[1, 2]", path: "$", says: "expected an object"),
        Case(name: "top level is a string", json: #""track""#, path: "$", says: "not valid JSON"),
        Case(name: "top level is null", json: "null", path: "$", says: "not valid JSON"),
        Case(name: "missing track id", json: #"{"title":"T","sections":[]}"#, path: "$.id", says: "missing field \"id\""),
        Case(name: "missing track title", json: #"{"id":"t","sections":[]}"#, path: "$.title", says: "missing field \"title\""),
        Case(name: "missing sections", json: #"{"id":"t","title":"T"}"#, path: "$.sections", says: "missing field \"sections\""),
        Case(name: "sections not an array", json: #"{"id":"t","title":"T","sections":{}}"#, path: "$.sections", says: "expected an array"),
        Case(name: "empty track title", json: #"{"id":"t","title":"","sections":[]}"#, path: "$.title", says: "empty title"),
        Case(name: "whitespace track title", json: #"{"id":"t","title":"  \t\n ","sections":[]}"#, path: "$.title", says: "empty title"),
        Case(name: "track id not a string", json: #"{"id":7,"title":"T","sections":[]}"#, path: "$.id", says: "expected a string"),
        Case(name: "section not an object", json: #"{"id":"t","title":"T","sections":["S"]}"#, path: "$.sections[0]", says: "expected an object"),
        Case(name: "missing section title", json: #"{"id":"t","title":"T","sections":[{"items":[]}]}"#, path: "$.sections[0].title", says: "missing field \"title\""),
        Case(name: "missing items", json: #"{"id":"t","title":"T","sections":[{"title":"S"}]}"#, path: "$.sections[0].items", says: "missing field \"items\""),
        Case(name: "item not an object", json: track(item: "42"), path: itemPath, says: "expected an object"),
        Case(name: "missing item id", json: track(item: #"{"title":"One","minutes":5}"#), path: "\(itemPath).id", says: "missing field \"id\""),
        Case(name: "empty item id", json: track(item: #"{"id":"","title":"One","minutes":5}"#), path: "\(itemPath).id", says: "empty id"),
        Case(name: "missing item title", json: track(item: #"{"id":"t.1","minutes":5}"#), path: "\(itemPath).title", says: "missing field \"title\""),
        Case(name: "whitespace item title", json: track(item: #"{"id":"t.1","title":"   ","minutes":5}"#), path: "\(itemPath).title", says: "empty title"),
        Case(name: "missing minutes", json: track(item: #"{"id":"t.1","title":"One"}"#), path: "\(itemPath).minutes", says: "missing field \"minutes\""),
        Case(name: "minutes 0", json: track(item: #"{"id":"t.1","title":"One","minutes":0}"#), path: "\(itemPath).minutes", says: "from 1 to 10000, got 0"),
        Case(name: "minutes -5", json: track(item: #"{"id":"t.1","title":"One","minutes":-5}"#), path: "\(itemPath).minutes", says: "from 1 to 10000, got -5"),
        Case(name: "minutes 2.5", json: track(item: #"{"id":"t.1","title":"One","minutes":2.5}"#), path: "\(itemPath).minutes", says: "whole number"),
        Case(name: "minutes \"ten\"", json: track(item: #"{"id":"t.1","title":"One","minutes":"ten"}"#), path: "\(itemPath).minutes", says: "whole number"),
        Case(name: "minutes \"10\"", json: track(item: #"{"id":"t.1","title":"One","minutes":"10"}"#), path: "\(itemPath).minutes", says: "whole number"),
        Case(name: "minutes true", json: track(item: #"{"id":"t.1","title":"One","minutes":true}"#), path: "\(itemPath).minutes", says: "whole number"),
        Case(name: "minutes false", json: track(item: #"{"id":"t.1","title":"One","minutes":false}"#), path: "\(itemPath).minutes", says: "whole number"),
        Case(name: "minutes null", json: track(item: #"{"id":"t.1","title":"One","minutes":null}"#), path: "\(itemPath).minutes", says: "whole number"),
        Case(name: "minutes huge", json: track(item: #"{"id":"t.1","title":"One","minutes":1e300}"#), path: "\(itemPath).minutes", says: "whole number"),
        Case(name: "resources not an array", json: track(item: #"{"id":"t.1","title":"One","minutes":5,"resources":"x"}"#), path: "\(itemPath).resources", says: "expected an array"),
        Case(name: "resource not an object", json: track(resource: #""https://example.com""#), path: "\(itemPath).resources[0]", says: "expected an object"),
        Case(name: "resource without kind", json: track(resource: #"{"title":"R"}"#), path: "\(itemPath).resources[0].kind", says: "missing field \"kind\""),
        Case(name: "resource without title", json: track(resource: #"{"kind":"book"}"#), path: "\(itemPath).resources[0].title", says: "missing field \"title\""),
        Case(name: "unknown resource kind", json: track(resource: #"{"title":"R","kind":"tweet"}"#), path: "\(itemPath).resources[0].kind", says: "unknown kind \"tweet\""),
        Case(name: "resource kind in capitals", json: track(resource: #"{"title":"R","kind":"Book"}"#), path: "\(itemPath).resources[0].kind", says: "unknown kind"),
        Case(name: "URL \"not a url\"", json: track(resource: #"{"title":"R","kind":"book","url":"not a url"}"#), path: "\(itemPath).resources[0].url", says: "malformed URL"),
        Case(name: "URL ftp://x", json: track(resource: #"{"title":"R","kind":"book","url":"ftp://x"}"#), path: "\(itemPath).resources[0].url", says: "malformed URL"),
        Case(name: "URL https://", json: track(resource: #"{"title":"R","kind":"book","url":"https://"}"#), path: "\(itemPath).resources[0].url", says: "malformed URL"),
        Case(name: "URL empty", json: track(resource: #"{"title":"R","kind":"book","url":""}"#), path: "\(itemPath).resources[0].url", says: "malformed URL"),
        Case(name: "URL a number", json: track(resource: #"{"title":"R","kind":"book","url":5}"#), path: "\(itemPath).resources[0].url", says: "malformed URL"),
        Case(name: "prompts not an array", json: track(part: #""prompts":{}"#), path: "\(itemPath).prompts", says: "expected an array"),
        Case(name: "prompt not an object", json: track(part: #""prompts":["Why?"]"#), path: "\(itemPath).prompts[0]", says: "expected an object"),
        Case(name: "prompt without question", json: track(part: #""prompts":[{"points":["a"]}]"#), path: "\(itemPath).prompts[0].question", says: "missing field \"question\""),
        Case(name: "prompt with blank question", json: track(part: #""prompts":[{"question":" ","points":["a"]}]"#), path: "\(itemPath).prompts[0].question", says: "empty question"),
        Case(name: "prompt without points", json: track(part: #""prompts":[{"question":"Why?"}]"#), path: "\(itemPath).prompts[0].points", says: "missing field \"points\""),
        Case(name: "prompt with no points", json: track(part: #""prompts":[{"question":"Why?","points":[]}]"#), path: "\(itemPath).prompts[0].points", says: "at least one point"),
        Case(name: "second prompt's point blank", json: track(part: #""prompts":[{"question":"Why?","points":["a"]},{"question":"How?","points":["a",""]}]"#), path: "\(itemPath).prompts[1].points[1]", says: "empty point"),
        Case(name: "point a number", json: track(part: #""prompts":[{"question":"Why?","points":[3]}]"#), path: "\(itemPath).prompts[0].points[0]", says: "expected a string"),
        Case(name: "selfCheck not an array", json: track(part: #""selfCheck":"done""#), path: "\(itemPath).selfCheck", says: "expected an array"),
        Case(name: "selfCheck empty", json: track(part: #""selfCheck":[]"#), path: "\(itemPath).selfCheck", says: "at least one entry"),
        Case(name: "selfCheck entry blank", json: track(part: #""selfCheck":["ok","\t"]"#), path: "\(itemPath).selfCheck[1]", says: "empty entry"),
        Case(name: "drills null", json: track(part: #""drills":null"#), path: "\(itemPath).drills", says: "expected an array"),
        Case(name: "drill unknown kind", json: track(part: #""drills":[{"kind":"essay","question":"Q?","rubric":["a"]}]"#), path: "\(itemPath).drills[0].kind", says: "unknown drill kind \"essay\" (allowed: star, case)"),
        Case(name: "drill without kind", json: track(part: #""drills":[{"question":"Q?","rubric":["a"]}]"#), path: "\(itemPath).drills[0].kind", says: "missing field \"kind\""),
        Case(name: "drill without rubric", json: track(part: #""drills":[{"kind":"star","question":"Q?"}]"#), path: "\(itemPath).drills[0].rubric", says: "missing field \"rubric\""),
        Case(name: "drill rubric entry not a string", json: track(part: #""drills":[{"kind":"case","question":"Q?","rubric":["a",null]}]"#), path: "\(itemPath).drills[0].rubric[1]", says: "expected a string"),
    ]

    @Test(arguments: cases)
    func badInputIsReportedAtItsPath(_ bad: Case) throws {
        let result = CurriculumParser.parseTrack(Data(bad.json.utf8), file: Self.file)
        #expect(result.track == nil, "a track with problems is not returned")
        #expect(result.problems.count == 1, "\(result.problems)")
        let problem = try #require(result.problems.first)
        #expect(problem.file == Self.file)
        #expect(problem.path == bad.path)
        #expect(problem.message.contains(bad.says), "\(problem.message)")
        #expect(problem.description.hasPrefix("\(Self.file): \(bad.path): "))
    }

    @Test func unknownKindMessageListsTheAllowedKinds() throws {
        let result = CurriculumParser.parseTrack(Data(Self.track(resource: #"{"title":"R","kind":"tweet"}"#).utf8), file: Self.file)
        let message = try #require(result.problems.first?.message)
        for kind in ResourceKind.allCases {
            #expect(message.contains(kind.rawValue))
        }
    }

    @Test func severalProblemsInOneFileAreAllReported() {
        let json = """
        {
          "id": "t",
          "title": " ",
          "sections": [
            {"title": "S", "items": [
              {"id": "t.1", "title": "One", "minutes": 0},
              {"id": "t.2", "minutes": 5, "resources": [{"title": "R", "kind": "blog", "url": "ftp://x"}]}
            ]},
            {"items": []}
          ]
        }
        """
        let result = CurriculumParser.parseTrack(Data(json.utf8), file: Self.file)
        #expect(result.track == nil)
        #expect(result.problems.allSatisfy { $0.file == Self.file })
        #expect(result.problems.map(\.path) == [
            "$.title",
            "$.sections[0].items[0].minutes",
            "$.sections[0].items[1].title",
            "$.sections[0].items[1].resources[0].kind",
            "$.sections[0].items[1].resources[0].url",
            "$.sections[1].title",
        ])
    }

    @Test func duplicateItemIDsAcrossFilesNameBothFiles() throws {
        let a = Self.fixtureTrack("a", "A", sections: [("S", 2)])
        var b = Self.fixtureTrack("b", "B", sections: [("S", 2)])
        b.sections[0].items[1].id = "a.2"
        let problems = CurriculumParser.duplicateIDs(in: [("tracks/a.json", a), ("tracks/b.json", b)])
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file == "tracks/b.json")
        #expect(problem.path == "$.sections[0].items[1].id")
        #expect(problem.message.contains("\"a.2\""))
        #expect(problem.message.contains("tracks/a.json"))
    }

    @Test func duplicateTrackIDsAcrossFilesNameBothFiles() throws {
        let a = Self.fixtureTrack("same", "A", sections: [("S", 1)])
        var b = Self.fixtureTrack("other", "B", sections: [("S", 1)])
        b.id = "same"
        let problems = CurriculumParser.duplicateIDs(in: [("tracks/a.json", a), ("tracks/b.json", b)])
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file == "tracks/b.json")
        #expect(problem.path == "$.id")
        #expect(problem.message.contains("duplicate track id \"same\""))
        #expect(problem.message.contains("tracks/a.json"))
    }

    @Test func aThirdDuplicateStillNamesTheFirstFile() {
        let tracks = ["a", "b", "c"].map { name in
            (file: "tracks/\(name).json", track: Track(id: "same", title: name, sections: [
                Section(title: "S", items: [Self.fixtureItem("shared.item", "Shared")]),
            ]))
        }
        let problems = CurriculumParser.duplicateIDs(in: tracks)
        #expect(problems.count == 4)  // track id and item id, in b and in c
        #expect(problems.map(\.file) == ["tracks/b.json", "tracks/b.json", "tracks/c.json", "tracks/c.json"])
        #expect(problems.allSatisfy { $0.message.contains("first in tracks/a.json") }, "\(problems)")
    }

    @Test func duplicateItemIDInsideOneFileIsReported() {
        var a = Self.fixtureTrack("a", "A", sections: [("S", 1), ("T", 1)])
        a.sections[1].items[0].id = "a.1"
        let problems = CurriculumParser.duplicateIDs(in: [("tracks/a.json", a)])
        #expect(problems.map(\.path) == ["$.sections[1].items[0].id"])
    }

    @Test func distinctIDsAreNotDuplicates() {
        let tracks = [("a.json", Self.fixtureTrack("a", "A", sections: [("S", 3)])),
                      ("b.json", Self.fixtureTrack("b", "B", sections: [("S", 3)]))]
        #expect(CurriculumParser.duplicateIDs(in: tracks).isEmpty)
    }
}
