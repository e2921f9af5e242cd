import FoundationEssentials

/// How a session's minutes become minutes spent on its items: the one rule for the
/// timer, `coach log --item` and `coach check --minutes`.
public enum TimeCredit {
    /// `minutes` shared evenly among `items` in whole minutes that add up to it; the odd
    /// minutes go to the first ones.
    public static func even(_ minutes: Int, among items: [String]) -> [(itemID: String, minutes: Int)] {
        guard minutes > 0, !items.isEmpty else { return [] }
        let share = minutes / items.count, odd = minutes % items.count
        return items.enumerated().map { ($0.element, share + ($0.offset < odd ? 1 : 0)) }.filter { $0.1 > 0 }
    }

    /// "genai.rag 30m, genai.evals 15m"
    public static func text(_ shares: [(itemID: String, minutes: Int)]) -> String {
        shares.map { "\($0.itemID) \(MinutesText.short($0.minutes))" }.joined(separator: ", ")
    }
}

extension ProgressBook {
    /// Adds each share to its item on `day`. Returns false when nothing changed.
    @discardableResult
    public mutating func credit(_ shares: [(itemID: String, minutes: Int)], on day: StudyDay, at now: Date) -> Bool {
        var changed = false
        for share in shares where addMinutes(share.minutes, to: share.itemID, on: day, at: now) { changed = true }
        return changed
    }

    /// A session logged by hand: its minutes shared evenly among its items, on its day.
    @discardableResult
    public mutating func credit(_ entry: JournalEntry, at now: Date) -> Bool {
        credit(TimeCredit.even(entry.minutes, among: entry.items), on: entry.day, at: now)
    }
}
