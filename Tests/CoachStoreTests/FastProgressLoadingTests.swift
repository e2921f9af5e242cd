import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// progress.json is read on a fast path when it is plain and valid, and by JSONDecoder
/// otherwise. These tests hold the two, and the fast date parser, to the same answers.
@Suite("ProgressStore: the fast path agrees with JSONDecoder")
struct FastProgressLoadingTests {
    static let file = URL(fileURLWithPath: "/home/progress.json")

    /// The JSONDecoder path alone.
    func exactItems(_ data: Data) throws -> [String: ItemProgress] {
        try JSONFile.decode(ProgressStore.FileContents.self, from: data, file: Self.file, supported: ProgressStore.version).items
    }

    /// The fast path's items, after checking that JSONDecoder reads the same whenever the
    /// fast path reads anything at all.
    @discardableResult
    func expectAgreement(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> [String: ItemProgress]? {
        guard let fast = ProgressDecoding.items(in: data, supported: ProgressStore.version) else { return nil }
        do {
            let exact = try exactItems(data)
            #expect(exact == fast, "in \(String(decoding: data, as: UTF8.self))", sourceLocation: sourceLocation)
        } catch {
            Issue.record("fast path read a file JSONDecoder refuses (\(error)): \(String(decoding: data, as: UTF8.self))",
                         sourceLocation: sourceLocation)
        }
        return fast
    }

    static func book(count: Int, seed: UInt64) -> ProgressBook {
        var random = StoreSplitMix(seed: seed)
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
        try JSONFile.encoder().encode(ProgressStore.FileContents(version: ProgressStore.version, items: book.items))
    }

    @Test func aGeneratedFileTakesTheFastPathAndGivesTheSameBook() throws {
        let book = Self.book(count: 3_000, seed: 1)
        let data = try Self.encoded(book)
        let fast = try #require(expectAgreement(data))
        #expect(fast == book.items)
    }

    @Test func proofThatItsRuleRefusesIsLeftToJSONDecoder() throws {
        let refused = #"{"version": 1, "items": {"a": {"status": "done", "changed": "2024-01-01T00:00:00Z", "proof": ["has space"]}}}"#
        #expect(ProgressDecoding.items(in: Data(refused.utf8), supported: ProgressStore.version) == nil)
        #expect(throws: StoreError.self) { try exactItems(Data(refused.utf8)) }
        let duplicate = #"{"version": 1, "items": {"a": {"status": "done", "changed": "2024-01-01T00:00:00Z", "proof": [], "proof": ["x"]}}}"#
        #expect(ProgressDecoding.items(in: Data(duplicate.utf8), supported: ProgressStore.version) == nil)
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
        // `null` and unusual dates are left to JSONDecoder, so this one takes the exact path.
        #expect(ProgressDecoding.items(in: Data(text.utf8), supported: 1) == nil)
        let withoutNull = text.replacingOccurrences(of: #""note":null,"#, with: "")
        let fast = try #require(expectAgreement(Data(withoutNull.utf8)))
        #expect(fast["c"]?.note == "é🚀")
        #expect(fast["b"]?.done == Date(timeIntervalSince1970: 1_714_555_800))
    }

    @Test(arguments: [
        // Left to JSONDecoder: a repeated id or field (it keeps the first), a version it
        // must refuse or question, a shape it must report.
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
    func unusualFilesAreLeftToJSONDecoder(_ text: String) {
        let data = Data(text.utf8)
        #expect(ProgressDecoding.items(in: data, supported: ProgressStore.version) == nil)
    }

    @Test(arguments: [
        // Read on the fast path, with the formatter's answer for dates not in the written form.
        #"{"version":1,"items":{"a":{"status":"done","changed":"2023-02-29T00:00:00Z"}}}"#,
        #"{"version":1,"items":{"a":{"status":"done","changed":"2023-11-14T22:13:20+02:00","done":"2023-11-14T22:13:20.5Z"}}}"#,
        #"{"version":1,"items":{"a":{"status":"doing","changed":"2023-11-14T22:13:20Z","note":"x\u2028\"y\""}},"later":[{}]}"#,
    ])
    func otherDateFormsAgree(_ text: String) throws {
        #expect(expectAgreement(Data(text.utf8)) != nil)
    }

    @Test func aNoteWithU0000LoadsThroughJSONDecoder() throws {
        let text = #"{"version":1,"items":{"a":{"status":"done","changed":"2024-01-01T00:00:00Z","note":"x\u0000y"}}}"#
        #expect(ProgressDecoding.items(in: Data(text.utf8), supported: 1) == nil)
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

    /// Random damage to a valid file: whatever the fast path still reads, JSONDecoder
    /// must read the same.
    @Test func damagedFilesNeverSplitThePaths() throws {
        var random = StoreSplitMix(seed: 3)
        let original = Array(try Self.encoded(Self.book(count: 6, seed: 2)))
        let pieces: [[UInt8]] = [
            Array(#"""#.utf8), Array(#"\"#.utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8),
            Array(",".utf8), Array(":".utf8), Array(" ".utf8), Array("0".utf8), Array("9".utf8), Array(".".utf8),
            Array("Z".utf8), Array("T".utf8), Array("-".utf8), Array("n".utf8), Array("\n".utf8), [0xFF], [0x00],
            Array(#""status":"done","#.utf8), Array(#""done":"2024-01-01T00:00:00Z","#.utf8), Array("null".utf8),
            Array(#""x":"#.utf8), Array("\\u00e9".utf8),
        ]
        var fast = 0
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
            if expectAgreement(Data(bytes)) != nil { fast += 1 }
        }
        #expect(fast > 100, "some damage (in notes, white space) still leaves a valid file")
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
        var random = StoreSplitMix(seed: 5)
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
        var random = StoreSplitMix(seed: 9)
        for _ in 0..<20_000 {
            let seconds = Int.random(in: 0..<253_402_300_800, using: &random)  // to 10000-01-01
            expectSameDate(Self.formatted(Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }
}

/// A small seeded generator, so a failure can be replayed.
struct StoreSplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
