import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// backlog.json is read by `FastJSONReader`, the reader of every store's fast path, in
/// its complete grammar, and its dates by `JSONFile`'s parser. These tests hold that
/// reading to JSONDecoder's (numbers, text, dates) and its refusals to the places the
/// backlog has always given.
@Suite("BacklogStore on the shared reader")
struct SharedReaderTests {
    static let file = URL(fileURLWithPath: "/home/backlog.json")

    /// The JSONDecoder path: the same document through `Idea`'s Decodable, which runs
    /// the same checks, and the store's decoder with its date strategy.
    struct DecodedDocument: Decodable {
        var version: Int
        var ideas: [Idea]
    }

    func decoded(_ data: Data) throws -> Backlog {
        Backlog(ideas: try JSONFile.decoder().decode(DecodedDocument.self, from: data).ideas)
    }

    // MARK: A generated backlog

    /// Spellings JSONDecoder reads too: decimals, exponents in both cases and with both
    /// signs, negative zero, more digits than a Double holds.
    static let reaches = ["0", "-0", "-0.0", "-0e0", "-0E+5", "500", "1E+2", "2.5e3", "12345.678", "0.30000000000000004",
                          "123456789012345678", "1e-5", "7.038531e-26", "0.1000000000000000055511151231257827", "9007199254740993"]
    static let confidences = ["0.8", "5e-1", "1", "1E0", "1.0", "0.1", "1e-3", "2.5E-1", "0.333333333333333314829616256247",
                              "0.99999999999999999", "100e-2"]
    static let efforts = ["1.5", "2.50", "1e-3", "3E2", "12345.678", "0.5", "4.9e-1", "1.00000000000000011102230246251565404236316680908203125"]
    static let impacts = ["3", "2", "1", "0.5", "5e-1", "0.25", "2.5E-1", "1.0", "3e0", "\"massive\"", "\"High\"", "\" low \""]
    static let costs = ["0", "-0", "-0.0", "0.1", "2.5e-1", "1e0", "0.75", "1E-2"]
    static let titles = ["Café ☕ 日本語 🚀", "Caf\\u00e9 \\ud83d\\ude80 \\u65e5\\u672c", "\\\"quoted\\\" \\\\ \\/ slash", "Ünïcödé Ñ",
                         "plain title", "\\u0041\\u00DF\\u00e7", "emoji \\uD83D\\uDE00 and raw 😀"]
    static let notes = ["null", "\"a note\"", "\"line one\\nline two\\ttabbed\"", "\"\\u2028 separated \\u00e9\"", "\"Grüße, 你好\"",
                        "\"\\r\\n Windows line\""]
    static let dates = ["2023-11-14T22:13:20Z", "2000-02-29T12:00:00Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                        "2023-11-14T22:13:20.500Z", "2023-11-15T00:13:20+02:00", "2023-02-29T00:00:00Z"]

    /// A backlog.json as a person or another tool might write it, with every idea valid.
    static func generated(count: Int, seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        func pick(_ list: [String]) -> String { list.randomElement(using: &random)! }
        var ideas: [String] = []
        for index in 0..<count {
            var fields = [
                #""id": "idea-\#(index)""#,
                #""title": "\#(pick(titles)) \#(index)""#,
                #""note": \#(pick(notes))"#,
                #""status": "\#(pick(IdeaStatus.allCases.map(\.rawValue)))""#,
                #""reach": \#(pick(reaches))"#,
                #""impact": \#(pick(impacts))"#,
                #""confidence": \#(pick(confidences))"#,
                #""effort": \#(pick(efforts))"#,
                #""hiddenCosts": {"labeling": \#(pick(costs)), "retraining": \#(pick(costs)), "monitoring": \#(pick(costs)), "regulatory": \#(pick(costs))}"#,
                #""items": ["genai.rag", "career.side-project-build"]"#,
                #""created": "\#(pick(dates))""#,
                #""updated": "\#(pick(dates))""#,
                #""unknown": {"nested": [1e5, -2.5E-3, true, null, "\u00e9", {"deep": [[]]}]}"#,
            ]
            fields.shuffle(using: &random)
            ideas.append("  {" + fields.joined(separator: random.next() % 2 == 0 ? ", " : ",\n    ") + "}")
        }
        return "{\"version\": 1, \"ideas\": [\n" + ideas.joined(separator: ",\n") + "\n]}\n"
    }

    @Test func aGeneratedBacklogReadsAsJSONDecoderReadsIt() throws {
        let data = Data(Self.generated(count: 2_000, seed: 3).utf8)
        let fast = try BacklogStore.load(data, file: Self.file)
        let exact = try decoded(data)
        #expect(fast.count == 2_000)
        #expect(fast == exact)
        for (mine, theirs) in zip(fast.ranked, exact.ranked) {
            // Bit for bit, which == alone would not show (0 and -0, say).
            let numbers = { (idea: Idea) in
                [idea.reach, idea.confidence, idea.effort, idea.impact.value, idea.hiddenCosts.labeling,
                 idea.hiddenCosts.retraining, idea.hiddenCosts.monitoring, idea.hiddenCosts.regulatory].map(\.bitPattern)
            }
            #expect(numbers(mine) == numbers(theirs), "\(mine.id)")
            // Scalar for scalar, which == alone would not show (é and e + ◌́, say).
            #expect(Array(mine.title.unicodeScalars) == Array(theirs.title.unicodeScalars), "\(mine.id)")
            #expect(mine.note.map { Array($0.unicodeScalars) } == theirs.note.map { Array($0.unicodeScalars) }, "\(mine.id)")
        }
        let first = try #require(fast["idea-0"])
        #expect(!first.title.contains("\\"), "escapes are read, not kept")
    }

    @Test func everySpellingOfTheGeneratorAgreesOnItsOwn() throws {
        // Each spelling in a field where the store keeps it as written.
        for reach in Self.reaches {
            let text = #"{"version": 1, "ideas": [{"id": "x", "title": "T", "status": "idea", "reach": \#(reach), "impact": 1,"#
                + #" "confidence": 1, "effort": 1, "created": "2023-11-14T22:13:20Z", "updated": "2023-11-14T22:13:20Z"}]}"#
            let data = Data(text.utf8)
            let fast = try BacklogStore.load(data, file: Self.file)
            #expect(fast["x"]?.reach.bitPattern == (try decoded(data))["x"]?.reach.bitPattern, "\(reach)")
            #expect(fast["x"]?.reach == Double(reach), "\(reach)")
        }
    }

    // MARK: Numbers

    func readNumber(_ text: String) -> Double? {
        try? FastJSONReader.read(Data(text.utf8), grammar: .complete) { json throws(FastJSONReader.Unsupported) in
            try json.number()
        }
    }

    @Test(arguments: ["-0", "-0.0", "-0e0", "-0E-7", "0", "0.0", "-1e-400", "1e-400", "1e999", "-1e999", "4.9e-324",
                      "2.4e-324", "1.7976931348623157e308", "1.7976931348623159e308", "0.30000000000000004",
                      "123456789012345678901234567890", "9007199254740993", "2.2250738585072011e-308", "1e23",
                      "1.00000000000000011102230246251565404236316680908203125", "999999999999999", "0.000000000000001"])
    func aNumberIsDoubleOfItsText(_ text: String) throws {
        let value = try #require(readNumber(text))
        #expect(value.bitPattern == Double(text)!.bitPattern, "\(text) read as \(value)")
    }

    @Test func randomNumbersAreDoubleOfTheirText() throws {
        var random = SeededRandom(seed: 11)
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        }
        for _ in 0..<20_000 {
            var text = random.next() % 4 == 0 ? "-" : ""
            let integer = digits(Int.random(in: 1...20, using: &random))
            text += integer.count > 1 && integer.first == "0" ? "1" + integer.dropFirst() : integer
            if random.next() % 2 == 0 { text += "." + digits(Int.random(in: 1...20, using: &random)) }
            if random.next() % 3 == 0 {
                text += ["e", "E"].randomElement(using: &random)! + ["", "+", "-"].randomElement(using: &random)!
                text += String(Int.random(in: 0...330, using: &random))
            }
            let value = try #require(readNumber(text), "\(text)")
            #expect(value.bitPattern == Double(text)!.bitPattern, "\(text) read as \(value)")
        }
    }

    // MARK: Damaged files

    func refusal(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> (place: String, reason: String)? {
        do {
            _ = try BacklogStore.load(data, file: Self.file)
            Issue.record("a damaged file was read", sourceLocation: sourceLocation)
        } catch StoreError.unreadable(let file, let place, let reason) {
            #expect(file == Self.file.path, sourceLocation: sourceLocation)
            return (place, reason)
        } catch {
            Issue.record("expected StoreError.unreadable, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Where the JSONSerialization message gives no place (the file ends too soon, an
    /// escape is broken) or JSONSerialization reads the file (a trailing comma, UTF-16),
    /// the place, and then the reason, are the reader's. These are the places the
    /// backlog's own scanner gave before the readers were one.
    @Test(arguments: [
        (#"{"version": 1, "ideas": [{"id": "a", "title": "Caf\u00e9"#, "line 1, column 57", "not valid JSON"),
        ("{\n  \"version\" : 1,\n  \"ideas\" : [\n    {\n      \"reach\" : 2.5e", "line 5, column 21", "not valid JSON"),
        (#"{"version": 1, "ideas": [],}"#, "line 1, column 28", "not valid JSON (expected a key in double quotes)"),
        (#"{"version": 1, "ideas": [{"id": "x"},]}"#, "line 1, column 38", "not valid JSON (unexpected character)"),
        ("{\"version\": 1,\n \"ideas\": [{\"id\": \"x\", \"title\": \"\\ud800x\"}]}", "line 2, column 40", "not valid JSON"),
        ("{\"version\": 1,\n \"ideas\": [{\"id\": \"x\", \"title\": \"\\u12g4\"}]}", "line 2, column 38", "not valid JSON"),
        ("{\"version\": 1,\n \"ideas\": [{\"id\": \"x\",\n \"title\": \"\\udc00\"}]}", "line 3, column 18", "not valid JSON"),
        ("{\"version\": 1,\n \"ideas\": [,]}", "line 2, column 12", "not valid JSON"),
        ("", "empty file", "not valid JSON"),
    ])
    func aDamagedFileIsRefusedAtThePlaceItWasBefore(_ text: String, _ place: String, _ reason: String) throws {
        let found = try #require(refusal(Data(text.utf8)))
        #expect(found.place == place)
        #expect(found.reason.hasPrefix(reason), "\(found.reason)")
    }

    @Test func aUTF16FileIsRefusedAtItsSecondByte() throws {
        let data = Data(#"{"version": 1, "ideas": []}"#.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let found = try #require(refusal(data))
        #expect(found.place == "line 1, column 2")
        #expect(found.reason == "not valid JSON (expected a key in double quotes)")
    }

    /// A generated backlog cut off inside a title: refused at its very end, as before.
    @Test func aGeneratedBacklogCutShortIsRefusedAtItsEnd() throws {
        let text = Self.generated(count: 200, seed: 5)
        let bytes = Array(text.utf8)
        var cut = bytes.count * 2 / 3
        while !bytes[..<cut].reversed().starts(with: Array(#""title": ""#.utf8).reversed()) { cut += 1 }
        let data = Data(bytes[..<cut])
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let found = try #require(refusal(data))
        #expect(found.place == "line \(lines.count), column \(lines.last!.count + 1)")
        #expect(found.reason.hasPrefix("not valid JSON"))
    }
}
