import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// backlog.json is written by hand; it must stay byte for byte what JSONEncoder writes
/// for the same document, so files written before and after read and diff the same.
@Suite struct BacklogFileTextTests {
    static func encoded(_ backlog: Backlog) throws -> [UInt8] {
        let ideas = backlog.ranked.sorted { $0.created != $1.created ? $0.created < $1.created : $0.id < $1.id }
        let data = try JSONDocument.encoder().encode(BacklogStore.Document(version: BacklogStore.version, ideas: ideas))
        return Array(data) + Array("\n".utf8)
    }

    static func written(_ backlog: Backlog) -> [UInt8] {
        var bytes: [UInt8] = []
        BacklogStore.writeFile(of: backlog) { bytes += $0 }
        return bytes
    }

    @Test func matchesJSONEncoderForTheSample() throws {
        let backlog = BacklogStoreTests.sample()
        #expect(String(decoding: Self.written(backlog), as: UTF8.self)
            == String(decoding: try Self.encoded(backlog), as: UTF8.self))
    }

    @Test func matchesJSONEncoderForAnEmptyBacklog() throws {
        #expect(Self.written(Backlog()) == (try Self.encoded(Backlog())))
    }

    @Test func matchesJSONEncoderForAwkwardTextNumbersAndTimes() throws {
        let texts = ["quote \" and backslash \\", "slash / and tab \t", "line\nbreak\r\n", "control \u{1} \u{1F}",
                     "emoji 🚀👩‍👩‍👧", "日本語", "e\u{301}", "<html> & 'single'", "\u{7F} delete", "\u{2028} separator"]
        let numbers: [Double] = [0, 1, 0.1, 0.25, 1.0 / 3, 2.0 / 3, 1e-7, .leastNonzeroMagnitude, 123_456.789, 1e15, 1e15 + 0.5,
                                 9_007_199_254_740_992, 1e16, 1e21, 1.7976931348623157e308, 42]
        var backlog = Backlog()
        var accepted = 0
        for (index, text) in texts.enumerated() {
            let number = numbers[index % numbers.count]
            // Text the form refuses (a control character in a title, say) can never be saved.
            let checked = IdeaValidation.check(title: "Idea \(text)", note: text, status: .idea, reach: number, impact: .high,
                                               confidence: max(0.01, min(1, number)), effort: max(0.01, number),
                                               hiddenCosts: HiddenCosts(labeling: number),
                                               items: index.isMultiple(of: 3) ? ["a.b", "c.d-e"] : [])
            guard case .success(let fields) = checked else { continue }
            backlog.add(fields, now: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 86_399.999))
            accepted += 1
        }
        #expect(accepted >= 6)
        for (index, number) in numbers.enumerated() {
            let fields = BacklogStoreTests.fields("Number \(index)", reach: number, effort: max(1e-9, number))
            backlog.add(fields, now: Date(timeIntervalSince1970: -86_400.5 * Double(index)))
        }
        let mine = String(decoding: Self.written(backlog), as: UTF8.self)
        let theirs = String(decoding: try Self.encoded(backlog), as: UTF8.self)
        for (line, (a, b)) in zip(mine.split(separator: "\n"), theirs.split(separator: "\n")).enumerated() where a != b {
            Issue.record("line \(line + 1): mine \(a) · JSONEncoder \(b)")
            break
        }
        #expect(mine == theirs)
    }

    @Test func whatIsWrittenReadsBackTheSame() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            let backlog = BacklogStoreTests.sample()
            try BacklogStore.save(backlog, to: home)
            #expect(try BacklogStore.load(home) == backlog)
        }
    }
}
