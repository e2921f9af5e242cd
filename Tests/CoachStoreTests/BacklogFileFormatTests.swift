import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// backlog.json is written by hand: in the house format (`FileFormat`), and read back
/// as it was written, whatever the text and the numbers hold.
@Suite struct BacklogFileFormatTests {
    static func written(_ backlog: Backlog) -> [UInt8] {
        var bytes: [UInt8] = []
        BacklogStore.writeFile(of: backlog) { bytes += $0 }
        return bytes
    }

    static func readBack(_ backlog: Backlog) throws -> Backlog {
        try BacklogStore.load(Data(Self.written(backlog)), file: URL(fileURLWithPath: "/tmp/backlog.json"))
    }

    @Test func theSampleIsInTheHouseFormatAndReadsBack() throws {
        let backlog = BacklogStoreTests.sample()
        let text = String(decoding: Self.written(backlog), as: UTF8.self)
        #expect(FileFormat.problem(with: text) == nil, "\(text)")
        #expect(try Self.readBack(backlog) == backlog)
    }

    @Test func anEmptyBacklogIsInTheHouseFormat() throws {
        let text = String(decoding: Self.written(Backlog()), as: UTF8.self)
        #expect(text == "{\n  \"ideas\" : [\n\n  ],\n  \"version\" : 2\n}\n")
        #expect(FileFormat.problem(with: text) == nil)
        #expect(try Self.readBack(Backlog()) == Backlog())
    }

    @Test func ideasComeInTheOrderTheyWereMade() throws {
        var backlog = Backlog()
        backlog.add(BacklogStoreTests.fields("Later but better", reach: 9_000), now: Date(timeIntervalSince1970: 2_000))
        backlog.add(BacklogStoreTests.fields("First", reach: 1), now: Date(timeIntervalSince1970: 1_000))
        let text = String(decoding: Self.written(backlog), as: UTF8.self)
        let first = try #require(text.range(of: "\"First\""))
        let later = try #require(text.range(of: "\"Later but better\""))
        #expect(first.lowerBound < later.lowerBound, "adding an idea appends to the file: small diffs")
    }

    @Test func awkwardTextNumbersAndTimesReadBackTheSame() throws {
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
        let text = String(decoding: Self.written(backlog), as: UTF8.self)
        #expect(FileFormat.problem(with: text) == nil)
        let read = try Self.readBack(backlog)
        #expect(read.ranked.map(\.id) == backlog.ranked.map(\.id))
        for (a, b) in zip(read.ranked, backlog.ranked) {
            #expect(a.title == b.title && a.note == b.note && a.reach == b.reach && a.effort == b.effort
                    && a.confidence == b.confidence && a.hiddenCosts == b.hiddenCosts && a.items == b.items, "\(b.id)")
        }
        #expect(Self.written(read) == Self.written(backlog), "a file read and written again does not change")
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
