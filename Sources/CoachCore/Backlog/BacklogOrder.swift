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

    /// The same for rows that each hold an idea (a rank and its idea, for the CLI).
    public func arrange<Row>(_ rows: [Row], idea: (Row) -> Idea) -> [Row] {
        let kept = rows.filter { status == nil || idea($0).status == status }
        func sorted(_ before: (Idea, Idea) -> Bool) -> [Row] {
            kept.enumerated().sorted { a, b in
                let (x, y) = (idea(a.element), idea(b.element))
                if before(x, y) { return true }
                if before(y, x) { return false }
                return a.offset < b.offset
            }.map(\.element)
        }
        let ordered: [Row]
        switch sort {
        case .score: ordered = kept
        case .effort: ordered = sorted { $0.totalEffort < $1.totalEffort }
        case .confidence: ordered = sorted { $0.confidence > $1.confidence }
        case .title: ordered = sorted { TextFold.compare($0.title, $1.title) == .orderedAscending }
        case .status: return sorted { Self.statusPlace($0.status) < Self.statusPlace($1.status) }
        }
        // Open ideas first; the finished ones keep their order below.
        return ordered.filter { !Self.isClosed(idea($0).status) } + ordered.filter { Self.isClosed(idea($0).status) }
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
