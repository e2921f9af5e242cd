import CoachCore
import CoachStore
import Foundation
import Testing

@Suite("CurriculumParser: valid tracks")
struct CurriculumParserTests {
    static let valid = """
    {
      "id": "genai",
      "title": "Generative AI",
      "summary": "Models that make text and images.",
      "sections": [
        {
          "title": "Foundations",
          "items": [
            {
              "id": "genai.prompt-engineering",
              "title": "Prompt engineering",
              "summary": "Write prompts that work.",
              "minutes": 45,
              "resources": [
                {"title": "A course", "kind": "course", "url": "https://example.com/course"},
                {"title": "A book", "kind": "book"}
              ]
            },
            {"id": "genai.rag", "title": "Retrieval", "summary": "Ground answers.", "minutes": 1}
          ]
        },
        {"title": "Later", "items": []}
      ]
    }
    """

    @Test func aValidTrackParsesWithEveryField() throws {
        let result = CurriculumParser.parseTrack(Data(Self.valid.utf8), file: "genai.json")
        #expect(result.problems.isEmpty)
        let track = try #require(result.track)
        #expect(track.id == "genai")
        #expect(track.title == "Generative AI")
        #expect(track.summary == "Models that make text and images.")
        #expect(track.sections.map(\.title) == ["Foundations", "Later"])
        #expect(track.items.map(\.id) == ["genai.prompt-engineering", "genai.rag"])

        let first = track.items[0]
        #expect(first.title == "Prompt engineering")
        #expect(first.summary == "Write prompts that work.")
        #expect(first.minutes == 45)
        #expect(first.resources == [
            Resource(title: "A course", kind: .course, url: "https://example.com/course"),
            Resource(title: "A book", kind: .book, url: nil),
        ])
        #expect(track.items[1].minutes == 1)
        #expect(track.items[1].resources.isEmpty)
    }

    @Test func optionalSummariesDefaultToEmpty() throws {
        let json = #"{"id":"t","title":"T","sections":[{"title":"S","items":[{"id":"t.1","title":"One","minutes":10}]}]}"#
        let result = CurriculumParser.parseTrack(Data(json.utf8), file: "t.json")
        #expect(result.problems.isEmpty)
        let track = try #require(result.track)
        #expect(track.summary == "")
        #expect(track.items.first?.summary == "")
    }

    @Test func wholeNumberWrittenAsDecimalIsAccepted() throws {
        let json = #"{"id":"t","title":"T","sections":[{"title":"S","items":[{"id":"t.1","title":"One","minutes":30.0}]}]}"#
        let result = CurriculumParser.parseTrack(Data(json.utf8), file: "t.json")
        #expect(result.problems.isEmpty)
        #expect(try #require(result.track).items.first?.minutes == 30)
    }

    /// JSON numbers and booleans both arrive as NSNumber, and `is Bool` matches 0 and 1.
    @Test(arguments: [1, 2, 600])
    func smallWholeMinutesAreNotMistakenForBooleans(minutes: Int) throws {
        let json = #"{"id":"t","title":"T","sections":[{"title":"S","items":[{"id":"t.1","title":"One","minutes":\#(minutes)}]}]}"#
        let result = CurriculumParser.parseTrack(Data(json.utf8), file: "t.json")
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(try #require(result.track).items.first?.minutes == minutes)
    }

    @Test func everyResourceKindIsAccepted() throws {
        let resources = ResourceKind.allCases
            .map { #"{"title":"R \#($0.rawValue)","kind":"\#($0.rawValue)"}"# }
            .joined(separator: ",")
        let json = #"{"id":"t","title":"T","sections":[{"title":"S","items":[{"id":"t.1","title":"One","minutes":5,"resources":[\#(resources)]}]}]}"#
        let result = CurriculumParser.parseTrack(Data(json.utf8), file: "t.json")
        #expect(result.problems.isEmpty)
        #expect(try #require(result.track).items.first?.resources.map(\.kind) == ResourceKind.allCases)
    }

    @Test func unicodeTitlesArePreserved() throws {
        let json = #"{"id":"t","title":"Café 日本 🚀","sections":[{"title":"S","items":[{"id":"t.1","title":"Naïve","minutes":5}]}]}"#
        let track = try #require(CurriculumParser.parseTrack(Data(json.utf8), file: "t.json").track)
        #expect(track.title == "Café 日本 🚀")
        #expect(track.items.first?.title == "Naïve")
    }

    @Test func problemDescriptionNamesFileAndPath() {
        let problem = CurriculumProblem(file: "Data/tracks/x.json", path: "$.title", message: "empty title")
        #expect(problem.description == "Data/tracks/x.json: $.title: empty title")
    }
}
