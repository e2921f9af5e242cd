/// The ideas the Backlog screen lists, best first: the `/` filter's matches, or every
/// idea. A view, not a copy, so a key press on 10,000 ideas builds nothing.
public struct BacklogRows: RandomAccessCollection, Sendable {
    let backlog: Backlog
    /// Ids of the matches, in rank order; every one is in the backlog (`AppState` drops
    /// an idea from the filter when it is removed).
    let filtered: [String]?

    public var startIndex: Int { 0 }
    public var endIndex: Int { filtered?.count ?? backlog.count }

    public subscript(position: Int) -> Idea {
        guard let filtered else { return backlog.idea(atRank: position) }
        return backlog[filtered[position]]!
    }

    /// Where the idea with this id is listed.
    public func index(of id: String) -> Int? {
        guard let filtered else { return backlog.rank(of: id) }
        return filtered.firstIndex(of: id)
    }

    /// 1-based place of a listed idea in the whole ranking, filtered or not.
    public func rank(at position: Int) -> Int {
        filtered == nil ? position + 1 : (backlog.rank(of: self[position].id) ?? position) + 1
    }
}
