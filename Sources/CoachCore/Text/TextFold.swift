import FoundationEssentials

/// Text folded for case and accents, for search and for ordering titles: the same as
/// Foundation's `folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)`
/// (a test compares them), without ICU: ASCII is lower-cased by hand, and every other
/// scalar of the Basic Multilingual Plane folds by a table Foundation filled
/// (`TextTables`, made by scripts/text-tables.swift).
public enum TextFold {
    public static func fold(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return foldScalars(text) }
        guard utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return text }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            for byte in utf8 {
                buffer[count] = lowered(byte)
                count += 1
            }
            return count
        }
    }

    /// A combining mark folds differently after a letter (usually to nothing) than alone.
    private static let alone = table(TextTables.foldAlone)
    private static let afterLetter = table(TextTables.foldAfterLetter)

    private static func foldScalars(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        var first = true
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                folded.append(Unicode.Scalar(lowered(UInt8(scalar.value))))
            } else if let replacement = (first ? nil : afterLetter[scalar.value]) ?? alone[scalar.value] {
                folded.append(contentsOf: replacement)
            } else {
                folded.append(scalar)
            }
            first = false
        }
        return String(folded)
    }

    /// "C0=61;DF=73 73" → [0xC0: "a", 0xDF: "ss"].
    static func table(_ text: String) -> [UInt32: [Unicode.Scalar]] {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for entry in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let parts = entry.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let key = UInt32(parts[0].trimmingWhitespace(), radix: 16) else { continue }
            table[key] = parts[1].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
        }
        return table
    }

    public static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The order of `fold(a)` and `fold(b)`, without making either when both are ASCII.
    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        guard isASCII(a), isASCII(b) else {
            let (a, b) = (fold(a), fold(b))
            return a == b ? .orderedSame : a < b ? .orderedAscending : .orderedDescending
        }
        for (x, y) in zip(a.utf8, b.utf8) {
            let (x, y) = (lowered(x), lowered(y))
            if x != y { return x < y ? .orderedAscending : .orderedDescending }
        }
        let (m, n) = (a.utf8.count, b.utf8.count)
        return m == n ? .orderedSame : m < n ? .orderedAscending : .orderedDescending
    }

    /// Whether ASCII `haystack` contains folded `needle`, lower-casing the haystack as it
    /// goes: the same as `contains(fold(haystack), needle)` without making the copy.
    public static func containsIgnoringASCIICase(_ haystack: String, _ needle: String) -> Bool {
        find(needle, in: haystack, reading: lowered)
    }

    /// Whether `haystack` contains `needle`, byte for byte. Both should be folded.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        find(needle, in: haystack) { $0 }
    }

    /// `needle`'s bytes in `haystack`'s, each byte of the haystack read through `read`.
    private static func find(_ needle: String, in haystack: String, reading read: (UInt8) -> UInt8) -> Bool {
        if needle.isEmpty { return true }
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { word in
                guard word.count <= text.count else { return false }
                let last = text.count - word.count
                for start in 0...last {
                    var matched = 0
                    while matched < word.count, read(text[start + matched]) == word[matched] { matched += 1 }
                    if matched == word.count { return true }
                }
                return false
            }
        }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
