/// "Did you mean …": the known ids closest to a mistyped one.
public enum Suggestions {
    public static func closest(to input: String, among candidates: [String], limit: Int = 3) -> [String] {
        let needle = input.lowercased()
        // Edit distance is quadratic: an input longer than any id is like none of them.
        guard !needle.isEmpty, needle.count <= TextLimits.id else { return [] }
        let scored = candidates.map { candidate -> (String, Int) in
            let lower = candidate.lowercased()
            // A candidate that contains the input (or its last part) is a strong match.
            let tail = lower.split(separator: ".").last.map(String.init) ?? lower
            if lower.contains(needle) || tail.hasPrefix(needle) { return (candidate, 0) }
            return (candidate, min(editDistance(needle, lower), editDistance(needle, tail)))
        }
        let threshold = max(2, needle.count / 2)
        return scored
            .filter { $0.1 <= threshold }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(limit)
            .map(\.0)
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
