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
        let ideas = Array(ideas)
        return places(count: ideas.count) { ideas[$0] }.map { ideas[$0] }
    }

    /// The same for the whole ranking, as positions in it (0-based ranks, for the CLI),
    /// keeping only the statuses of `statuses` as well when it is not empty.
    public func arrange(_ ranked: RankedIdeas, keeping statuses: Set<IdeaStatus> = []) -> [Int] {
        places(count: ranked.count, keeping: statuses) { ranked[$0] }
    }

    /// Places `0..<count` in this order. Each idea is read once, and what the sort
    /// compares is taken from it then (a title folded once, not in every comparison); the
    /// callers' `idea` reads in place, so no idea is copied.
    private func places(count: Int, keeping statuses: Set<IdeaStatus> = [], idea: (Int) -> Idea) -> [Int] {
        var kept: [Int] = [], closed: [Bool] = [], numbers: [Double] = [], titles: [String] = []
        kept.reserveCapacity(count)
        closed.reserveCapacity(count)
        var places: [Int] = []
        for place in 0..<count {
            let status = idea(place).status
            if let wanted = self.status, status != wanted { continue }
            if !statuses.isEmpty, !statuses.contains(status) { continue }
            kept.append(place)
            closed.append(Self.isClosed(status))
            switch sort {
            case .effort: numbers.append(idea(place).totalEffort)
            case .confidence: numbers.append(idea(place).confidence)
            case .title: titles.append(TextFold.fold(idea(place).title))
            case .status: numbers.append(Double(Self.statusPlace(status)))
            case .score: break
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
        case .status: return sorted { numbers[$0] < numbers[$1] }.map { kept[$0] }
        }
        // Open ideas first; the finished ones keep their order below.
        places.reserveCapacity(kept.count)
        for index in ordered where !closed[index] { places.append(kept[index]) }
        for index in ordered where closed[index] { places.append(kept[index]) }
        return places
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
