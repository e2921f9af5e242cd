/// The order the backlog is listed in, on the Backlog screen (`o`, `s`) and by
/// `coach idea list --sort/--status`: one rule for both. Ideas still open (idea,
/// active) come before shipped and dropped ones, whatever the sort, except when the
/// sort is by status itself; ties keep the RICE ranking.
public struct BacklogOrder: Equatable, Sendable {
    public enum Sort: String, CaseIterable, Sendable {
        /// RICE score, best first (ties: smaller total effort, then title).
        case score
        /// Total effort, smallest first: the quick wins.
        case effort
        /// Confidence, surest first.
        case confidence
        case title
        /// Active, then idea, shipped, dropped.
        case status

        /// `o`: the next sort, round again after the last.
        public var next: Sort {
            let all = Self.allCases
            return all[(all.firstIndex(of: self)! + 1) % all.count]
        }

        /// "score ↓" in the header: what the list is sorted by, and which way.
        public var label: String {
            switch self {
            case .score: "score ↓"
            case .effort: "effort ↑"
            case .confidence: "confidence ↓"
            case .title: "title A–Z"
            case .status: "status"
            }
        }

        public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
    }

    public var sort: Sort = .score
    /// Only ideas with this status; nil: every idea.
    public var status: IdeaStatus?

    public init(sort: Sort = .score, status: IdeaStatus? = nil) {
        self.sort = sort
        self.status = status
    }

    /// `s` on Backlog: all → idea → active → shipped → dropped → all.
    public static func nextStatus(after status: IdeaStatus?) -> IdeaStatus? {
        guard let status else { return IdeaStatus.allCases.first }
        let all = IdeaStatus.allCases
        let index = all.firstIndex(of: status)!
        return index + 1 < all.count ? all[index + 1] : nil
    }

    /// The ideas of `ideas` (best first, as the backlog ranks them) in this order,
    /// those of another status left out. The sort is stable, so the ranking breaks ties.
    public func apply(_ ideas: some Sequence<Idea>) -> [Idea] {
        arrange(Array(ideas)) { $0 }
    }

    /// The same for rows that each hold an idea (a rank and its idea, for the CLI). Each
    /// row's idea is read once, and what the sort compares is taken from it then (a
    /// title folded once, not in every comparison), so sorting copies no idea.
    public func arrange<Row>(_ rows: [Row], idea: (Row) -> Idea) -> [Row] {
        var kept: [Row] = [], statuses: [IdeaStatus] = [], numbers: [Double] = [], titles: [String] = []
        for row in rows {
            let idea = idea(row)
            if let status, idea.status != status { continue }
            kept.append(row)
            statuses.append(idea.status)
            switch sort {
            case .effort: numbers.append(idea.totalEffort)
            case .confidence: numbers.append(idea.confidence)
            case .title: titles.append(TextFold.fold(idea.title))
            case .score, .status: break
            }
        }
        func sorted(_ before: (Int, Int) -> Bool) -> [Int] {
            kept.indices.sorted { a, b in
                if before(a, b) { return true }
                if before(b, a) { return false }
                return a < b
            }
        }
        let ordered: [Int]
        switch sort {
        case .score: ordered = Array(kept.indices)
        case .effort: ordered = sorted { numbers[$0] < numbers[$1] }
        case .confidence: ordered = sorted { numbers[$0] > numbers[$1] }
        // `TextFold.compare`'s order, on titles folded once.
        case .title: ordered = sorted { titles[$0] < titles[$1] }
        case .status: return sorted { Self.statusPlace(statuses[$0]) < Self.statusPlace(statuses[$1]) }.map { kept[$0] }
        }
        // Open ideas first; the finished ones keep their order below.
        return (ordered.filter { !Self.isClosed(statuses[$0]) } + ordered.filter { Self.isClosed(statuses[$0]) }).map { kept[$0] }
    }

    public static func isClosed(_ status: IdeaStatus) -> Bool {
        status == .shipped || status == .dropped
    }

    static func statusPlace(_ status: IdeaStatus) -> Int {
        switch status {
        case .active: 0
        case .idea: 1
        case .shipped: 2
        case .dropped: 3
        }
    }
}
