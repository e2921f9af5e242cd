import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// `CurriculumParser.parseTrack` reads plain, valid files on a fast path and leaves
/// everything else to the exact path. These tests hold the two to the same answers.
@Suite("CurriculumParser: the fast path agrees with the exact path")
struct FastCurriculumParsingTests {
    static let file = "tracks/t.json"

    /// The fast path's track, after checking that the exact path gives the same one
    /// without problems whenever the fast path gives one at all.
    @discardableResult
    func expectAgreement(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> Track? {
        guard let fast = CurriculumParser.fastTrack(data) else { return nil }
        let exact = CurriculumParser.exactParse(data, file: Self.file)
        #expect(exact.problems.isEmpty, "fast path accepted a file with problems: \(exact.problems) in \(String(decoding: data, as: UTF8.self))",
                sourceLocation: sourceLocation)
        #expect(exact.track == fast, "in \(String(decoding: data, as: UTF8.self))", sourceLocation: sourceLocation)
        return fast
    }

    /// A track with most of what the format allows: escapes, Unicode, unknown keys,
    /// resources with and without URLs, an empty section.
    static let rich = #"""
    {
      "id" : "genai",
      "title" : "Generative AI \"quoted\" \\ \/ \u00e9 \ud83d\ude80 Café",
      "summary" : "Line one\nline two\ttabbed \u2028 separated",
      "extra" : { "nested" : [ 1, -2.5, 0, -0, 0.125, true, false, null, "x", { "deep" : [ [ ] ] } ] },
      "sections" : [
        {
          "title" : "Foundations",
          "comment" : "ignored",
          "items" : [
            {
              "id" : "genai.prompts",
              "title" : "Prompt engineering 🚀",
              "summary" : "",
              "minutes" : 45,
              "resources" : [
                { "title" : "A course", "kind" : "course", "url" : "https://example.com/course?x=1&y=2#part" },
                { "title" : "A book", "kind" : "book" },
                { "title" : "Upper", "kind" : "video", "url" : "HTTP://EXAMPLE.COM:8080/A%20B" },
                { "title" : "Odd", "kind" : "paper", "url" : "https://example.com/path with space" }
              ]
            },
            {
              "id" : "genai.rag",
              "title" : "Retrieval",
              "minutes" : 1,
              "resources" : [ ],
              "prompts" : [
                { "question" : "When would you pick RAG over fine-tuning?", "points" : [ "Fresh facts", "Citations \u00e9" ], "note" : 1 },
                { "points" : [ "Keys in any order" ], "question" : "Why?" }
              ],
              "selfCheck" : [ "Names the source" ],
              "drills" : [
                { "kind" : "star", "question" : "Tell me about a launch.", "rubric" : [ "Situation", "A number" ] },
                { "kind" : "case", "question" : "Design a copilot.", "rubric" : [ "Goal" ] }
              ]
            },
            { "minutes" : 600, "title" : "Keys in any order", "id" : "genai.order" }
          ]
        },
        { "title" : "Later", "items" : [ ] }
      ]
    }
    """#

    @Test func aRichTrackTakesTheFastPathAndAgrees() throws {
        let track = try #require(expectAgreement(Data(Self.rich.utf8)))
        #expect(track.title == "Generative AI \"quoted\" \\ / é 🚀 Café")
        #expect(track.summary == "Line one\nline two\ttabbed \u{2028} separated")
        #expect(track.items.map(\.id) == ["genai.prompts", "genai.rag", "genai.order"])
        #expect(track.items[0].resources.count == 4)
        #expect(track.items[0].resources[1].url == nil)
        #expect(track.items[1].prompts == [
            RecallPrompt(question: "When would you pick RAG over fine-tuning?", points: ["Fresh facts", "Citations é"]),
            RecallPrompt(question: "Why?", points: ["Keys in any order"]),
        ])
        #expect(track.items[1].selfCheck == ["Names the source"])
        #expect(track.items[1].drills.map(\.kind) == [.star, .caseStudy])
        #expect(track.items[1].drills[0].rubric == ["Situation", "A number"])
    }

    @Test func theShippedCurriculumTakesTheFastPathAndAgrees() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/tracks")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(!names.isEmpty)
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let track = expectAgreement(data)
            #expect(track != nil, "\(name) should take the fast path")
            for item in track?.items ?? [] {
                #expect(!item.prompts.isEmpty || !item.selfCheck.isEmpty, "\(item.id) has no prompts or self-check")
            }
        }
    }

    @Test func everyBadInputOfTheValidationTestsIsLeftToTheExactPath() {
        for bad in CurriculumValidationTests.cases {
            #expect(CurriculumParser.fastTrack(Data(bad.json.utf8)) == nil, "\(bad.name)")
        }
    }

    /// Valid files the fast path does not read: parseTrack must still give the exact answer.
    @Test(arguments: [
        #"{"id":"t","title":"T","sections":[{"title":"S","items":[{"id":"t.1","title":"One","minutes":30.0}]}]}"#,
        #"{"id":"t","title":"T","sections":[{"title":"S","items":[{"id":"t.1","title":"One","minutes":3e1}]}]}"#,
        #"{"id":"t","title":"T","sections":[{"title":"S","items":[{"id":"t.1","title":"One","minutes":1234567890123456}]}]}"#,
        #"{"id":"t","title":"A","title":"B","sections":[]}"#,
        #"{"id":"t","t\u0069tle":"Escaped key","sections":[]}"#,
        #"{"id":"t","title":"T","summary":5,"sections":[]}"#,
        #"{"id":"t","title":"T","summary":null,"sections":[]}"#,
        #"{"id":"t","title":"T","sections":[],"títle":"non-ASCII key"}"#,
        #"{"id":"t","title":"T","sections":[],"x":1e5}"#,
        #"{"id":"t","title":"T","sections":[],"x":123456789012345678901234567890}"#,
        #"{"id":"t","title":"T","sections":[],"x":"\u0000"}"#,
        "\u{FEFF}{\"id\":\"t\",\"title\":\"T\",\"sections\":[]}",
        "{\"id\":\"t\",\r\n\t\"title\":\"T\",\r\n\t\"sections\":[]}\r\n",
    ])
    func unusualValidFilesGetTheExactAnswer(_ json: String) {
        let data = Data(json.utf8)
        expectAgreement(data)
        let result = CurriculumParser.parseTrack(data, file: Self.file)
        let exact = CurriculumParser.exactParse(data, file: Self.file)
        #expect(result.track == exact.track)
        #expect(result.problems == exact.problems)
    }

    @Test func aDuplicateKeyIsRefusedWithItsPath() throws {
        let data = Data(#"{"id":"t","title":"A","title":"B","sections":[]}"#.utf8)
        #expect(CurriculumParser.fastTrack(data) == nil)
        let result = CurriculumParser.parseTrack(data, file: Self.file)
        #expect(result.track == nil)
        #expect(result.problems == [CurriculumProblem(file: Self.file, path: "$.title", message: JSONFile.repeatedKeyReason)])
        // An unknown key twice too, deeper down: the fast path gives up on it as well.
        let deep = Data(#"{"id":"t","title":"A","sections":[{"title":"S","items":[],"x":1,"x":2}]}"#.utf8)
        #expect(CurriculumParser.fastTrack(deep) == nil)
        #expect(CurriculumParser.parseTrack(deep, file: Self.file).problems.map(\.path) == ["$.sections[0].x"])
    }

    /// Random damage to valid files: whatever the fast path still accepts, the exact path
    /// must accept too, with the same track.
    @Test func damagedFilesNeverSplitThePaths() {
        var random = SeededRandom(seed: 7)
        let bases = [Self.rich, CurriculumParserTests.valid]
        let pieces: [[UInt8]] = [
            Array(#"""#.utf8), Array(#"\"#.utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8),
            Array(",".utf8), Array(":".utf8), Array(" ".utf8), Array("0".utf8), Array("5".utf8), Array(".".utf8),
            Array("e".utf8), Array("-".utf8), Array("a".utf8), Array("n".utf8), Array("\n".utf8), Array("\t".utf8),
            [0xFF], [0xC3], [0x00], [0xE2, 0x80, 0xA8], Array("\\u".utf8), Array(#""title":"x","#.utf8),
            Array(#""minutes":7,"#.utf8), Array("null".utf8), Array("true".utf8), Array("https://".utf8),
        ]
        var fast = 0
        for base in bases {
            let original = Array(base.utf8)
            for _ in 0..<3_000 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: bytes.remove(at: at)
                    case 1: bytes.insert(contentsOf: pieces.randomElement(using: &random)!, at: at)
                    case 2: bytes.replaceSubrange(at...at, with: pieces.randomElement(using: &random)!)
                    default:
                        let end = min(bytes.count, at + Int.random(in: 1...40, using: &random))
                        bytes.insert(contentsOf: bytes[at..<end], at: at)
                    }
                    if bytes.isEmpty { bytes = original }
                }
                if expectAgreement(Data(bytes)) != nil { fast += 1 }
            }
        }
        #expect(fast > 100, "some damage (in text, white space) still leaves a valid file")
    }

    // MARK: Blank text

    @Test func blankTextMatchesCharacterSetForEveryScalar() {
        let set = CharacterSet.whitespacesAndNewlines
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if BlankText.isWhitespaceOrNewline(scalar) != set.contains(scalar) {
                mismatches.append(String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func blankTextMatchesTrimmingForEveryBMPCharacter() {
        var mismatches: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            if BlankText.isBlank(text) != text.trimmingWhitespaceAndNewlines().isEmpty {
                mismatches.append(String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test(arguments: ["", " ", "  \t\n ", "\r\n", "\u{A0}\u{2003}\u{3000}", "\u{85}", " x ", "e\u{301}", " \u{301}",
                      "\u{200B}", "\u{FEFF}", "🚀", "\u{2028}\u{2029}", "a"])
    func blankTextMatchesTrimming(_ text: String) {
        #expect(BlankText.isBlank(text) == text.trimmingWhitespaceAndNewlines().isEmpty)
    }

    // MARK: Web addresses

    static let addresses = [
        "https://example.com", "http://example.com", "https://example.com/a/b?c=d#e", "HTTPS://EXAMPLE.COM",
        "https://sub.example.co.uk:8443/path", "http://localhost", "", "not a url", "ftp://x", "https://", "http://",
        "example.com", "mailto:someone@example.com", "https:example.com", "file:///etc/passwd", "javascript:alert(1)",
        "https:// example.com", "https://a..b", "https://-", "https://.", "https://1", "https://999.1", "https://a.b:",
        "https://a.b:65536/x", "https://a.b:123456", "https://a.b:0", "https://a.b:/", "https://a/%41", "https://a/%4",
        "https://a/%zz", "https://a.b/'()*+,;=!$&~_@:", "https://a.b//x", "https://a.b?", "https://a.b#", "https://a.b#x#y",
        "https://a_b/", "https://a%41b/", "https://é.b/", "https://a.b/é", "https://user@a.b/", "https://user:pw@a.b/",
        "https://[::1]/", "https://a.b/<x>", "https://a.b/\"", "https://a.b/{x}", "https://a.b/ x", "https://a.b\\x",
        "htt://a.b", "httpss://a.b", "https:/a.b", "https:///a.b", "https://a.b/\u{0}", "hTtPs://a.b", "http://a?b?c",
        "http://a#b?c/d", "https://a.b:8080", "https://a.b:8080?x", "https://a.b:8080#x", "https://a.b:x/",
    ]

    @Test func theQuickYesAgreesWithURLComponents() {
        for address in Self.addresses {
            #expect(WebAddress.isValid(address) == WebAddress.isValidByURLComponents(address), "\(address)")
            if WebAddress.isPlainAddress(address) {
                #expect(WebAddress.isValidByURLComponents(address), "\(address)")
            }
        }
    }

    @Test func theBitSetsAfterTheHostHoldExactlyTheBytesRFC3986Allows() {
        let allowed = Set("0123456789-.!$&'()*+,;=:/?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_~@".utf8)
        for byte in UInt8(0)..<128 {
            let set = byte < 64 ? WebAddress.afterHostLow : WebAddress.afterHostHigh
            #expect((set >> (byte % 64) & 1 == 1) == allowed.contains(byte), "byte \(byte)")
        }
    }

    /// Random addresses in and around the quick shape.
    @Test func theQuickYesAgreesWithURLComponentsOnRandomAddresses() {
        var random = SeededRandom(seed: 11)
        let hostBytes = Array("abcXYZ019.-".utf8) + Array("_%@:é ".utf8)
        let restBytes = Array("aZ09-._~!$&'()*+,;=:@/?#%".utf8) + Array(" \"<>\\^`{|}é".utf8)
        var quick = 0
        for _ in 0..<20_000 {
            var text = ["http://", "https://", "HTTP://", "hTtPs://", "http:/", "https:"].randomElement(using: &random)!
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                text += String(decoding: [hostBytes.randomElement(using: &random)!], as: UTF8.self)
            }
            if random.next() % 4 == 0 { text += ":" + String(Int.random(in: 0...999_999, using: &random)) }
            if random.next() % 3 != 0 {
                text += ["/", "?", "#"].randomElement(using: &random)!
                for _ in 0..<Int.random(in: 0...12, using: &random) {
                    let byte = restBytes.randomElement(using: &random)!
                    if byte == UInt8(ascii: "%") && random.next() % 2 == 0 {
                        text += ["%41", "%7e", "%C3%A9", "%G1", "%"].randomElement(using: &random)!
                    } else {
                        text += String(decoding: [byte], as: UTF8.self)
                    }
                }
            }
            let exact = WebAddress.isValidByURLComponents(text)
            if WebAddress.isPlainAddress(text) {
                quick += 1
                #expect(exact, "\(text)")
            }
            #expect(WebAddress.isValid(text) == exact, "\(text)")
        }
        #expect(quick > 500)
    }
}
