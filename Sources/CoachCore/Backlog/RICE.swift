import FoundationEssentials

/// RICE = Reach × Impact × Confidence ÷ Effort, where effort includes the hidden AI
/// costs. The formula and the ranking live here and nowhere else.
public enum RICE {
    /// Below this confidence an idea is a moonshot: the estimates are mostly hope.
    public static let moonshotBelow = 0.5

    public static func totalEffort(effort: Double, hiddenCosts: HiddenCosts) -> Double {
        effort + hiddenCosts.total
    }

    public static func score(reach: Double, impact: Impact, confidence: Double, totalEffort: Double) -> Double {
        reach * impact.value * confidence / totalEffort
    }

    public static func isMoonshot(confidence: Double) -> Bool {
        confidence < moonshotBelow
    }

    /// Ideas in backlog order: score descending, then smaller total effort, then title,
    /// then id, so the order is total and the same on every run.
    public static func ranked<Ideas: Sequence<Idea>>(_ ideas: Ideas) -> [Idea] {
        ideas.map { (RICERank($0), $0) }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }
}

/// Where an idea stands in the ranking, computed once per idea so a comparison does not
/// recompute its score. `a < b` means a ranks first.
public struct RICERank: Comparable, Sendable {
    public let score: Double
    public let totalEffort: Double
    let title: String
    public let id: String
    /// A title that is not plain ASCII folded for case and accents (`TextFold`), once per
    /// idea rather than in every comparison (10,000 ideas with few distinct scores tie
    /// often); nil for an ASCII title, which `TextFold.compare` orders in place, so the
    /// backlog holds no copy of it.
    let foldedTitle: String?
    /// An ASCII title's `TextFold.asciiPrefix`, which orders most titles that tie on
    /// score and effort without reading them (0 for a title with a folded copy).
    let titlePrefix: UInt64

    public init(_ idea: Idea) {
        totalEffort = idea.totalEffort
        score = RICE.score(reach: idea.reach, impact: idea.impact, confidence: idea.confidence, totalEffort: totalEffort)
        title = idea.title
        let ascii = TextFold.isASCII(idea.title)
        foldedTitle = ascii ? nil : TextFold.fold(idea.title)
        titlePrefix = ascii ? TextFold.asciiPrefix(idea.title) : 0
        id = idea.id
    }

    /// Positions `0..<ranks.count` in the order of `<`. The score and the effort decide
    /// nearly every comparison; they are read in place, and the titles and ids, which a
    /// copy of a rank retains and releases, only on a tie.
    public static func order(of ranks: [RICERank]) -> [Int] {
        var order = Array(ranks.indices)
        ranks.withUnsafeBufferPointer { ranks in
            order.sort { a, b in
                if ranks[a].score != ranks[b].score { return ranks[a].score > ranks[b].score }
                if ranks[a].totalEffort != ranks[b].totalEffort { return ranks[a].totalEffort < ranks[b].totalEffort }
                if let order = ranks[a].prefixOrder(ranks[b]) { return order }
                return ranks[a] < ranks[b]
            }
        }
        return order
    }

    /// Titles compare folded for case and accents, so "apple" and "Äpple" sort together
    /// (as `TextFold.compare` orders them); titles the same when folded go by their
    /// own text, then by id.
    public static func < (a: RICERank, b: RICERank) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.totalEffort != b.totalEffort { return a.totalEffort < b.totalEffort }
        if let order = a.prefixOrder(b) { return order }
        if a.title != b.title {
            switch a.titleOrder(b) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return a.title < b.title
            }
        }
        return a.id < b.id
    }

    /// Whether this title comes first, when the prefixes of two ASCII titles tell.
    func prefixOrder(_ other: RICERank) -> Bool? {
        guard foldedTitle == nil, other.foldedTitle == nil, titlePrefix != other.titlePrefix else { return nil }
        return titlePrefix < other.titlePrefix
    }

    /// `TextFold.compare`'s order of the two titles, from the folded copies kept.
    private func titleOrder(_ other: RICERank) -> ComparisonResult {
        // Only a title that is not ASCII keeps a folded copy.
        guard foldedTitle != nil || other.foldedTitle != nil else { return TextFold.compareASCII(title, other.title) }
        let (a, b) = (foldedTitle ?? TextFold.fold(title), other.foldedTitle ?? TextFold.fold(other.title))
        return a == b ? .orderedSame : a < b ? .orderedAscending : .orderedDescending
    }
}

/// How a score was built, term by term, for the detail pane and `coach idea show`.
public struct RICEBreakdown: Equatable, Sendable {
    public struct Term: Equatable, Sendable {
        /// "Reach", "Impact", "Regulatory review"…
        public var label: String
        public var value: Double
        /// What the number means: "per month", "high", "80%", "person-months".
        public var detail: String

        public init(label: String, value: Double, detail: String) {
            self.label = label
            self.value = value
            self.detail = detail
        }
    }

    public var reach: Term
    public var impact: Term
    public var confidence: Term
    /// Effort, then the four hidden costs, in that order; they add up to `totalEffort`.
    public var effortParts: [Term]
    public var totalEffort: Double
    public var score: Double
    public var isMoonshot: Bool

    /// Reach, impact and confidence: the numerator.
    public var factors: [Term] { [reach, impact, confidence] }

    /// "500 × 2 × 0.8 ÷ 1.35 = 592.59".
    public var equation: String {
        let top = factors.map { NumberText.plain($0.value) }.joined(separator: " × ")
        return "\(top) ÷ \(NumberText.plain(totalEffort)) = \(NumberText.rounded(score))"
    }

    /// "1 + 0.25 + 0 + 0.1 + 0 = 1.35".
    public var effortSum: String {
        effortParts.map { NumberText.plain($0.value) }.joined(separator: " + ") + " = " + NumberText.plain(totalEffort)
    }
}

extension Idea {
    /// Effort plus the hidden AI costs.
    public var totalEffort: Double { RICE.totalEffort(effort: effort, hiddenCosts: hiddenCosts) }

    public var score: Double {
        RICE.score(reach: reach, impact: impact, confidence: confidence, totalEffort: totalEffort)
    }

    public var isMoonshot: Bool { RICE.isMoonshot(confidence: confidence) }

    public var breakdown: RICEBreakdown {
        let cost = "person-months"
        return RICEBreakdown(
            reach: .init(label: IdeaField.reach.label, value: reach, detail: "per month"),
            impact: .init(label: IdeaField.impact.label, value: impact.value, detail: impact.name),
            confidence: .init(label: IdeaField.confidence.label, value: confidence,
                              detail: NumberText.confidence(confidence) + (isMoonshot ? ", moonshot" : "")),
            effortParts: [
                .init(label: IdeaField.effort.label, value: effort, detail: cost),
                .init(label: IdeaField.labeling.label, value: hiddenCosts.labeling, detail: cost),
                .init(label: IdeaField.retraining.label, value: hiddenCosts.retraining, detail: cost),
                .init(label: IdeaField.monitoring.label, value: hiddenCosts.monitoring, detail: cost),
                .init(label: IdeaField.regulatory.label, value: hiddenCosts.regulatory, detail: cost),
            ],
            totalEffort: totalEffort,
            score: score,
            isMoonshot: isMoonshot)
    }
}
