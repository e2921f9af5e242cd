import FoundationEssentials

/// The learner's choice of how a finished session's minutes go to the items studied in
/// it, when there were several: it starts as the split by time on each, ← and → move a
/// minute of the selected item to or from the minutes not credited to any item, Enter
/// credits it (Esc keeps the split by time). The session itself is logged already.
public struct SessionSplit: Equatable, Sendable {
    public var day: StudyDay
    /// The session's minutes.
    public var minutes: Int
    public var items: [String]
    public var shares: [Int]
    public var list: ListCursor
    /// The split by time, for Esc.
    public let byTime: [Int]

    public init(day: StudyDay, minutes: Int, shares: [(itemID: String, minutes: Int)]) {
        self.day = day
        self.minutes = minutes
        items = shares.map(\.itemID)
        self.shares = shares.map(\.minutes)
        byTime = self.shares
        list = ListCursor()
    }

    /// Minutes of the session credited to no item.
    public var unassigned: Int { max(0, minutes - shares.reduce(0, +)) }

    /// The selected item gets `delta` minutes more (or fewer), within the session.
    public mutating func change(by delta: Int) {
        guard shares.indices.contains(list.selected) else { return }
        let index = list.selected
        shares[index] = max(0, min(shares[index] + min(delta, unassigned), shares[index] + delta))
    }

    public func credited(byTime: Bool) -> [(itemID: String, minutes: Int)] {
        zip(items, byTime ? self.byTime : shares).filter { $0.1 > 0 }.map { ($0.0, $0.1) }
    }
}

extension AppState {
    mutating func reduceSessionSplit(_ action: Action, split: SessionSplit, now: Date) -> [Effect] {
        var split = split
        switch action {
        case .moveUp, .moveDown:
            split.list.apply(action, count: split.items.count, page: split.items.count)
        case .focusLeft: split.change(by: -1)
        case .focusRight: split.change(by: 1)
        case .confirm, .close:
            closeModal()
            let shares = split.credited(byTime: action == .close)
            var credited = false
            for share in shares {
                if updateProgress(of: share.itemID, { $0.credit([share], on: split.day, at: now) }) { credited = true }
            }
            message = shares.isEmpty ? "No minutes credited to an item" : "Credited \(TimeCredit.text(shares))"
            return credited ? [.save(.progress)] : []
        default:
            return []
        }
        replaceModal(.sessionSplit(split))
        return []
    }
}
