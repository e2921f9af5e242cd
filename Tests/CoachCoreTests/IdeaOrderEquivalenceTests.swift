@testable import CoachCore
import Foundation
import Testing

/// The ranking and the sorts compare titles folded once per idea; these check that the
/// order is the one the comparators that folded inside every comparison gave, on seeded
/// random ideas with accents, case differences and ties.
@Suite struct IdeaOrderEquivalenceTests {
    static let titles = ["Apple", "apple", "Äpple", "äpple", "APPLE", "Café bot", "cafe bot", "Cafe Bot", "café bot",
                         "Zebra", "zèbre", "Ötzi", "otzi", "Straße", "strasse", "résumé", "Resume", "ﬁle", "file",
                         "e\u{301}te", "été", "Été", "b", "B", "a", "ä",
                         // Titles alike in their first eight bytes, or in fewer, or to their end.
                         "Release notes writer", "release notes bot", "Release notes", "Release-notes writer", "Releas",
                         "Release notes writer 2", "RELEASE NOTES WRITER", "Release", "release"]

    static func ideas(seed: UInt64, count: Int) -> [Idea] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { index in
            let title = titles[random.next(below: titles.count)]
            // Few values, so scores, efforts and confidences tie often.
            let fields = IdeaFixture.fields(title, status: IdeaStatus.allCases[random.next(below: 4)],
                                            reach: [10, 100, 500][random.next(below: 3)],
                                            impact: Impact.allCases[random.next(below: 5)],
                                            confidence: [0.3, 0.5, 0.8, 1][random.next(below: 4)],
                                            effort: [0.5, 1, 2][random.next(below: 3)],
                                            costs: HiddenCosts(labeling: [0, 0.5][random.next(below: 2)]))
            return Idea(id: "idea-\(index)", fields: fields, created: IdeaFixture.now, updated: IdeaFixture.now)
        }
    }

    /// The ranking comparator as it was, folding the titles in each comparison.
    static func ranksBefore(_ a: Idea, _ b: Idea) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.totalEffort != b.totalEffort { return a.totalEffort < b.totalEffort }
        if a.title != b.title {
            switch TextFold.compare(a.title, b.title) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return a.title < b.title
            }
        }
        return a.id < b.id
    }

    /// `BacklogOrder.arrange` as it was: a stable sort by the comparator, open ideas first.
    static func arrangedBefore(_ ideas: [Idea], _ sort: BacklogOrder.Sort) -> [String] {
        func sorted(_ before: (Idea, Idea) -> Bool) -> [Idea] {
            ideas.enumerated().sorted { a, b in
                if before(a.element, b.element) { return true }
                if before(b.element, a.element) { return false }
                return a.offset < b.offset
            }.map(\.element)
        }
        let ordered: [Idea]
        switch sort {
        case .score: ordered = ideas
        case .effort: ordered = sorted { $0.totalEffort < $1.totalEffort }
        case .confidence: ordered = sorted { $0.confidence > $1.confidence }
        case .title: ordered = sorted { TextFold.compare($0.title, $1.title) == .orderedAscending }
        case .status: return sorted { BacklogOrder.statusPlace($0.status) < BacklogOrder.statusPlace($1.status) }.map(\.id)
        }
        return (ordered.filter { !BacklogOrder.isClosed($0.status) } + ordered.filter { BacklogOrder.isClosed($0.status) }).map(\.id)
    }

    @Test(arguments: [1, 2, 3, 42] as [UInt64])
    func theRankingIsTheOldComparatorsOrder(seed: UInt64) {
        let ideas = Self.ideas(seed: seed, count: 400)
        let expected = ideas.sorted(by: Self.ranksBefore).map(\.id)
        #expect(Backlog(ideas: ideas).ranked.map(\.id) == expected)
        #expect(RICERank.order(of: ideas.map(RICERank.init)).map { ideas[$0].id } == expected)
        for (a, b) in zip(ideas, ideas.dropFirst()) {
            #expect((RICERank(a) < RICERank(b)) == Self.ranksBefore(a, b), "\(a.title) / \(b.title)")
        }
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func everySortIsTheOldComparatorsOrder(seed: UInt64) {
        let ranked = Array(Backlog(ideas: Self.ideas(seed: seed, count: 300)).ranked)
        for sort in BacklogOrder.Sort.allCases {
            #expect(BacklogOrder(sort: sort).apply(ranked).map(\.id) == Self.arrangedBefore(ranked, sort), "\(sort)")
            for status in IdeaStatus.allCases {
                let kept = ranked.filter { $0.status == status }
                #expect(BacklogOrder(sort: sort, status: status).apply(ranked).map(\.id) == Self.arrangedBefore(kept, sort),
                        "\(sort), \(status)")
            }
        }
    }
}

/// The table's figures are written as bytes; they must be the text of `NumberText`.
@Suite struct NumberBytesTests {
    static func bytes(_ write: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        write(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static let edges: [Double] = [
        0, -0.0, 1, -1, 0.5, 0.005, 0.015, 0.025, 0.045, 1.005, 2.675, 1.115, 0.125, 0.375, 9.995, 99.995, 999.999,
        0.004, -0.004, -0.005, -0.006, -1.5, -2.675, 0.1, 0.2, 0.3, 1.1, 1e-5, 0.00012, 0.0012, 0.012, 123456.789,
        54000, 51000, 1e9 + 0.005, 1e10 - 0.01, 1e10, 9.999_999_999_99e9, 1e11, 1e12, 1e13 + 0.5, 1e15, 1e16, 1e20, 1e300,
        .infinity, -.infinity, .nan, .ulpOfOne, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.999, 0.9999, 0.99999,
    ]

    @Test func roundedBytesAreTheRoundedText() {
        var random = SeededRandom(seed: 15)
        var values = Self.edges
        for _ in 0..<20_000 {
            let scale = [1.0, 0.01, 100, 10_000, 1e-4, 1e8][random.next(below: 6)]
            values.append((Double(random.next() % 1_000_000_000) / 1_000_000) * scale * (random.next(below: 4) == 0 ? -1 : 1))
            values.append(Double(random.next(below: 100_000)) / 1000 + [0, 0.0005, 0.005, 0.05][random.next(below: 4)])
        }
        for value in values {
            for decimals in -1...6 {
                #expect(Self.bytes { NumberText.appendRounded(value, decimals: decimals, to: &$0) }
                    == NumberText.rounded(value, decimals: decimals), "\(value), \(decimals) decimals")
            }
            #expect(Self.bytes { IdeaFigures.append(value, to: &$0) } == IdeaFigures.text(value), "\(value)")
            #expect(Self.bytes { IdeaFigures.appendPercent(value, to: &$0) } == IdeaFigures.percent(value), "\(value)")
        }
    }

    @Test func digitsAreTheIntegersText() {
        for value: Int64 in [0, 1, 9, 10, 11, 99, 100, 101, 9999, 10_000, 123_456_789, .max] {
            #expect(Self.bytes { NumberText.appendDigits(value, to: &$0) } == String(value))
        }
    }

    @Test func figuresKeepTheirRules() {
        #expect(IdeaFigures.text(0.0012) == "0.0012", "two significant digits when small")
        #expect(IdeaFigures.text(592.592_59) == "592.59")
        #expect(IdeaFigures.percent(0.85) == "85%")
        #expect(IdeaFigures.percent(0.333) == "33.3%")
    }

    /// The ranking orders two ASCII titles by their first eight folded bytes when these
    /// differ: that must be `TextFold.compareASCII`'s order, with short texts, case, and
    /// bytes below every letter (even a zero, which pads a short text) in the mix.
    @Test func asciiPrefixesOrderAsTheTitlesDo() {
        var random = SeededRandom(seed: 8)
        let alphabet = Array("aAbBzZ -09~".utf8) + [0, 1]
        func text() -> String {
            String(decoding: (0..<random.next(below: 12)).map { _ in alphabet[random.next(below: alphabet.count)] }, as: UTF8.self)
        }
        for _ in 0..<5_000 {
            let (a, b) = (text(), text())
            let (first, second) = (TextFold.asciiPrefix(a), TextFold.asciiPrefix(b))
            let order = TextFold.compareASCII(a, b)
            if first != second { #expect((first < second) == (order == .orderedAscending), "\(Array(a.utf8)) \(Array(b.utf8))") }
            if order == .orderedSame { #expect(first == second) }
        }
    }
}
