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

    /// Built as UTF-8 bytes: appending scalar by scalar to a String costs several
    /// times as much, and the backlog folds every idea whose text is not all ASCII.
    private static func foldScalars(_ text: String) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count + 8)
        var first = true
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                folded.append(lowered(UInt8(scalar.value)))
            } else if let replacement = (first ? nil : afterLetter[scalar.value]) ?? alone[scalar.value] {
                for scalar in replacement { UTF8.encode(scalar) { folded.append($0) } }
            } else {
                UTF8.encode(scalar) { folded.append($0) }
            }
            first = false
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// "C0=61;DF=73 73" → [0xC0: "a", 0xDF: "ss"]. Read byte by byte: the first title
    /// that is not ASCII builds both tables, while the first frame is being made (1.5 ms
    /// with `split` and `String`s, 0.1 ms so).
    static func table(_ text: String) -> [UInt32: [Unicode.Scalar]] {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        table.reserveCapacity(2_048)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";"), bytes[end] != 0x0A { end += 1 }
                if let (key, scalars) = entry(UnsafeBufferPointer(rebasing: bytes[start..<end])) { table[key] = scalars }
                start = end + 1
            }
        }
        return table
    }

    /// "DF=73 73" → (0xDF, ["s", "s"]); nil unless it is one hex key, "=" and hex scalars.
    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, [Unicode.Scalar])? {
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")),
              !bytes[(equals + 1)...].contains(UInt8(ascii: "="))
        else { return nil }
        var first = 0, last = equals
        while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
        while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
        guard let key = hex(bytes[first..<last]) else { return nil }
        var scalars: [Unicode.Scalar] = []
        for word in bytes[(equals + 1)...].split(separator: 0x20) {
            if let value = hex(word), let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return (key, scalars)
    }

    /// "3BC" → 0x3BC; nil for no digits, another byte, or more than eight digits.
    private static func hex(_ digits: some Collection<UInt8>) -> UInt32? {
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Read in place: the backlog asks it of every idea's title and note.
    public static func isASCII(_ text: String) -> Bool {
        ASCIIText.isASCII(text)
    }

    /// The order of `fold(a)` and `fold(b)`, without making either when both are ASCII.
    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        guard isASCII(a), isASCII(b) else {
            let (a, b) = (fold(a), fold(b))
            return a == b ? .orderedSame : a < b ? .orderedAscending : .orderedDescending
        }
        return compareASCII(a, b)
    }

    /// `compare` of two texts already known to be ASCII (the backlog's ranking knows
    /// which titles are), byte by byte with case folded.
    public static func compareASCII(_ a: String, _ b: String) -> ComparisonResult {
        var (a, b) = (a, b)
        return a.withUTF8 { a in
            b.withUTF8 { b in
                for index in 0..<min(a.count, b.count) {
                    let (x, y) = (lowered(a[index]), lowered(b[index]))
                    if x != y { return x < y ? .orderedAscending : .orderedDescending }
                }
                return a.count == b.count ? .orderedSame : a.count < b.count ? .orderedAscending : .orderedDescending
            }
        }
    }

    /// The first eight bytes of ASCII `text` with case folded, as one number that orders
    /// as `compareASCII` does wherever two of them differ (a shorter text is padded with
    /// zeros, which no letter folds to). Where they are equal, `compareASCII` decides.
    public static func asciiPrefix(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var prefix: UInt64 = 0
            for place in 0..<8 {
                prefix = prefix << 8 | (place < bytes.count ? UInt64(lowered(bytes[place])) : 0)
            }
            return prefix
        }
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
