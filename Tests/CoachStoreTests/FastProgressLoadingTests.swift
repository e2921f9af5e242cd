import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// progress.json has one reader (`ProgressStore.book`). JSONDecoder, on the format's
/// Codable shape, is the reference: every file it reads, the reader reads the same, and
/// every file it refuses, the reader refuses too. Also the fast date parser.
@Suite("ProgressStore: the one reader agrees with JSONDecoder")
struct FastProgressLoadingTests {
    static let file = URL(fileURLWithPath: "/home/progress.json")

    /// The format as JSONDecoder reads it: the reference, in the tests only.
    struct DecodedFile: Codable {
        var version: Int
        var items: [String: ItemProgress]
    }

    func exactItems(_ data: Data) throws -> [String: ItemProgress] {
        try JSONFile.decode(DecodedFile.self, from: data, file: Self.file, supported: ProgressStore.version).items
    }

    /// The reader's items, after checking that JSONDecoder reads the same file the same
    /// way (or refuses it too); nil when both refuse it.
    @discardableResult
    func expectAgreement(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> [String: ItemProgress]? {
        let mine = Result { try ProgressStore.book(from: data, file: Self.file).items }
        let exact = Result { try exactItems(data) }
        switch (mine, exact) {
        case (.success(let mine), .success(let exact)):
            #expect(mine == exact, "in \(String(decoding: data, as: UTF8.self))", sourceLocation: sourceLocation)
            return mine
        case (.failure, .failure):
            return nil
        case (.success, .failure(let error)):
            Issue.record("the reader read a file JSONDecoder refuses (\(error)): \(String(decoding: data, as: UTF8.self))",
                         sourceLocation: sourceLocation)
        case (.failure(StoreError.unreadable(_, _, let reason)), .success) where reason.hasPrefix("not valid JSON"):
            // JSONDecoder also takes text RFC 8259 does not (a trailing comma, a raw control
            // character in a string); the one reader, like backlog.json's, refuses it.
            return nil
        case (.failure(let error), .success):
            Issue.record("the reader refused a file JSONDecoder reads (\(error)): \(String(decoding: data, as: UTF8.self))",
                         sourceLocation: sourceLocation)
        }
        return nil
    }

    static func book(count: Int, seed: UInt64) -> ProgressBook {
        var random = SeededRandom(seed: seed)
        let notes = ["", "a note", "Café ✓ 日本 🚀", "quote \" backslash \\ slash / newline \n tab \t", "\u{2028}\u{85}x",
                     "https://github.com/me/rag-demo"]
        var book = ProgressBook()
        for index in 0..<count {
            let status = ItemStatus.allCases.randomElement(using: &random)!
            let changed = Date(timeIntervalSince1970: Double(Int.random(in: 0..<4_102_444_800, using: &random)))
            var entry = ItemProgress(status: status, changed: changed)
            if random.next() % 3 == 0 { entry.done = changed.addingTimeInterval(-Double(Int.random(in: 0..<10_000_000, using: &random))) }
            if random.next() % 4 == 0 { entry.note = notes.randomElement(using: &random)! }
            if random.next() % 5 == 0 {
                entry.proof = Array(["https://github.com/me/item-\(index)", "~/notes/\(index).md", "日本/✓"]
                    .prefix(Int(random.next() % 3) + 1))
            }
            let id = index % 50 == 0 ? "unicode.é.\(index)" : "track-\(index % 7).item-\(index)"
            book.items[id] = entry
        }
        return book
    }

    static func encoded(_ book: ProgressBook) throws -> Data {
        Data(ProgressStore.text(of: book))
    }

    @Test func aGeneratedFileIsInTheHouseFormatAndGivesTheSameBook() throws {
        let book = Self.book(count: 3_000, seed: 1)
        let data = try Self.encoded(book)
        #expect(FileFormat.problem(with: String(decoding: data, as: UTF8.self)) == nil)
        let read = try #require(expectAgreement(data))
        #expect(read == book.items)
    }

    @Test func proofThatItsRuleRefusesIsRefusedWhereItIs() throws {
        let refused = #"{"version": 1, "items": {"a": {"status": "done", "changed": "2024-01-01T00:00:00Z", "proof": ["has space"]}}}"#
        #expect(expectAgreement(Data(refused.utf8)) == nil)
        let error = #expect(throws: StoreError.self) { try ProgressStore.book(from: Data(refused.utf8), file: Self.file) }
        #expect(DailyFiles.place(of: error) == "items.a.proof")
        let duplicate = #"{"version": 1, "items": {"a": {"status": "done", "changed": "2024-01-01T00:00:00Z", "proof": [], "proof": ["x"]}}}"#
        #expect(expectAgreement(Data(duplicate.utf8)) == nil, "a field written twice is refused")
        let empty = #"{"version": 1, "items": {"a": {"status": "done", "changed": "2024-01-01T00:00:00Z", "proof": []}}}"#
        #expect(expectAgreement(Data(empty.utf8))?["a"]?.proof == [])
    }

    @Test func compactAndReorderedFilesAgreeToo() throws {
        let text = #"""
        {"items":{"a":{"note":null,"status":"doing","changed":"2024-02-29T23:59:59Z"},
                  "b":{"status":"done","changed":"2024-05-01T09:30:00.250Z","done":"2024-05-01T11:30:00+02:00","extra":[1,{"x":null}]},
                  "c":{"changed":"2023-11-14T22:13:20Z","status":"skipped","note":"\u00e9\ud83d\ude80"}},
         "future":{"field":true},"version":1}
        """#
        #expect(try #require(expectAgreement(Data(text.utf8)))["a"]?.note == nil, "null is left out")
        let withoutNull = text.replacingOccurrences(of: #""note":null,"#, with: "")
        let fast = try #require(expectAgreement(Data(withoutNull.utf8)))
        #expect(fast["c"]?.note == "é🚀")
        #expect(fast["b"]?.done == Date(timeIntervalSince1970: 1_714_555_800))
    }

    @Test(arguments: [
        // Unusual spellings: a repeated id or field (refused), versions to refuse
        // or question, a shape to report, two spellings of one id, a byte-order mark.
        #"{"version":1,"items":{"a":{"status":"done","changed":"2024-01-01T00:00:00Z"},"a":{"status":"todo","changed":"2024-01-01T00:00:00Z"}}}"#,
        #"{"version":1,"items":{"a":{"status":"done","status":"todo","changed":"2024-01-01T00:00:00Z"}}}"#,
        #"{"version":1,"version":2,"items":{}}"#,
        #"{"version":99,"items":{}}"#,
        #"{"version":0,"items":{}}"#,
        #"{"version":1.0,"items":{}}"#,
        #"{"items":{}}"#,
        #"{"version":1}"#,
        #"{"version":1,"items":{"a":{"status":"finished","changed":"2024-01-01T00:00:00Z"}}}"#,
        #"{"version":1,"items":{"a":{"status":"done","changed":"yesterday"}}}"#,
        #"{"version":1,"items":{"a":{"status":"done"}}}"#,
        #"{"version":1,"items":{"e\u0301":{"status":"done","changed":"2024-01-01T00:00:00Z"},"é":{"status":"todo","changed":"2024-01-01T00:00:00Z"}}}"#,
        "\u{FEFF}{\"version\":1,\"items\":{}}",
        "[]", "", "{",
    ])
    func unusualFilesAreReadOrRefusedAsJSONDecoderDoes(_ text: String) {
        expectAgreement(Data(text.utf8))
    }

    @Test(arguments: [
        // Read with the formatter's answer for dates not in the written form.
        #"{"version":1,"items":{"a":{"status":"done","changed":"2023-02-29T00:00:00Z"}}}"#,
        #"{"version":1,"items":{"a":{"status":"done","changed":"2023-11-14T22:13:20+02:00","done":"2023-11-14T22:13:20.5Z"}}}"#,
        #"{"version":1,"items":{"a":{"status":"doing","changed":"2023-11-14T22:13:20Z","note":"x\u2028\"y\""}},"later":[{}]}"#,
    ])
    func otherDateFormsAgree(_ text: String) throws {
        #expect(expectAgreement(Data(text.utf8)) != nil)
    }

    @Test func aNoteWithU0000Loads() throws {
        let text = #"{"version":1,"items":{"a":{"status":"done","changed":"2024-01-01T00:00:00Z","note":"x\u0000y"}}}"#
        #expect(expectAgreement(Data(text.utf8))?["a"]?.note == "x\u{0}y")
        try withTemporaryFolder { folder in
            try writeFile(text, to: "progress.json", in: folder)
            #expect(try ProgressStore.load(CoachHome(url: folder)).items["a"]?.note == "x\u{0}y")
        }
    }

    @Test func aRepeatedIDIsRefusedWithItsPath() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try writeFile(#"{"version":1,"items":{"a":{"status":"done","changed":"2024-01-01T00:00:00Z"},"a":{"status":"todo","changed":"2024-01-01T00:00:00Z"}}}"#,
                          to: "progress.json", in: folder)
            #expect(throws: StoreError.unreadable(file: home.progressFile.path, place: "items.a", reason: JSONFile.repeatedKeyReason)) {
                try ProgressStore.load(home)
            }
        }
    }

    /// Random damage to a valid file: whatever JSONDecoder still reads, the reader reads
    /// the same, and what it refuses the reader refuses.
    @Test func damagedFilesNeverSplitThePaths() throws {
        var random = SeededRandom(seed: 3)
        let original = Array(try Self.encoded(Self.book(count: 6, seed: 2)))
        let pieces: [[UInt8]] = [
            Array(#"""#.utf8), Array(#"\"#.utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8),
            Array(",".utf8), Array(":".utf8), Array(" ".utf8), Array("0".utf8), Array("9".utf8), Array(".".utf8),
            Array("Z".utf8), Array("T".utf8), Array("-".utf8), Array("n".utf8), Array("\n".utf8), [0xFF], [0x00],
            Array(#""status":"done","#.utf8), Array(#""done":"2024-01-01T00:00:00Z","#.utf8), Array("null".utf8),
            Array(#""x":"#.utf8), Array("\\u00e9".utf8),
        ]
        var read = 0
        for _ in 0..<4_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: pieces.randomElement(using: &random)!, at: at)
                case 2: bytes.replaceSubrange(at...at, with: pieces.randomElement(using: &random)!)
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...60, using: &random))
                    bytes.insert(contentsOf: bytes[at..<end], at: at)
                }
                if bytes.isEmpty { bytes = original }
            }
            if expectAgreement(Data(bytes)) != nil { read += 1 }
        }
        #expect(read > 100, "some damage (in notes, white space) still leaves a valid file")
    }

    // MARK: Dates

    static func formatted(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    func expectSameDate(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = try? Date(text, strategy: .iso8601)
        let fast = text.utf8.withContiguousStorageIfAvailable(JSONFile.encodedDate) ?? nil
        if let fast {
            #expect(fast == reference, "\(text)", sourceLocation: sourceLocation)
        }
        #expect(JSONFile.date(from: text) == reference, "\(text)", sourceLocation: sourceLocation)
    }

    @Test func everyDayFrom1970To2100ParsesAsTheFormatterDoes() {
        var random = SeededRandom(seed: 5)
        var day = 0
        while day < 47_847 {  // to 2100-12-31
            let seconds = day * 86_400 + Int.random(in: 0..<86_400, using: &random)
            let text = Self.formatted(Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(text.utf8.withContiguousStorageIfAvailable(JSONFile.encodedDate) != nil, "\(text)")
            expectSameDate(text)
            day += 1
        }
    }

    @Test(arguments: [
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z",
        "2000-02-29T12:00:00Z", "1900-02-28T00:00:00Z", "2100-02-28T23:59:59Z", "2100-03-01T00:00:00Z",
        "2024-02-29T00:00:00Z", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z", "2400-02-29T06:07:08Z",
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1582-10-15T00:00:00Z", "1500-01-01T00:00:00Z",
        // Impossible dates and other forms: not the fast parser's, the formatter decides.
        "2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2023-04-31T00:00:00Z", "2023-13-01T00:00:00Z",
        "2023-00-10T00:00:00Z", "2023-01-00T00:00:00Z", "2023-11-14T24:00:00Z", "2023-11-14T23:60:00Z",
        "2023-11-14T23:59:60Z", "2023-11-14t22:13:20z", "2023-11-14 22:13:20Z", "2023-11-14T22:13:20+02:00",
        "2023-11-14T22:13:20.5Z", "2023-11-14T22:13:20", "2023-11-14", "20231114T221320Z", "+2023-11-14T22:13:20Z",
        "2023-1a-14T22:13:20Z", "yesterday", "", "2023-11-14T22:13:20Z ",
    ])
    func edgeDatesParseAsTheFormatterDoes(_ text: String) {
        expectSameDate(text)
    }

    @Test func yearsTo9999ParseAsTheFormatterDoes() {
        var random = SeededRandom(seed: 9)
        for _ in 0..<20_000 {
            let seconds = Int.random(in: 0..<253_402_300_800, using: &random)  // to 10000-01-01
            expectSameDate(Self.formatted(Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }
}
