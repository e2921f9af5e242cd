/// Whether a text is ASCII, or printable ASCII (0x20–0x7E), read eight bytes at a time.
/// Most titles, ids, notes and figures are, and such a text then needs no grapheme walk,
/// no control-character scan and no folding: these checks run on every idea of a
/// 10,000-idea backlog several times over.
public enum ASCIIText {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    public static func isPrintable(_ text: String) -> Bool {
        all(text, words: { isPrintable($0) }, bytes: { $0 >= 0x20 && $0 < 0x7F })
    }

    /// Printable and no space (0x21–0x7E): an idea's id, checked at every load.
    public static func isVisible(_ text: String) -> Bool {
        all(text, words: { isPrintable($0, from: 0x21) }, bytes: { $0 > 0x20 && $0 < 0x7F })
    }

    public static func isASCII(_ text: String) -> Bool {
        all(text, words: { $0 & highs == 0 }, bytes: { $0 < 0x80 })
    }

    /// No byte below `lowest` (the first term is exact as a yes or no for any limit up to
    /// 0x80), none with its high bit set, none 0x7F (the low seven bits plus one reach
    /// the high bit only from 0x7F, and cannot carry into the next byte).
    static func isPrintable(_ word: UInt64, from lowest: UInt64 = 0x20) -> Bool {
        let below = (word &- ones &* lowest) & ~word & highs
        let deleteOrAbove = (word | ((word & ~highs) &+ ones)) & highs
        return below | deleteOrAbove == 0
    }

    private static func all(_ text: String, words: (UInt64) -> Bool, bytes: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var index = 0
            while index + 8 <= buffer.count {
                if !words(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return false }
                index += 8
            }
            while index < buffer.count {
                if !bytes(buffer[index]) { return false }
                index += 1
            }
            return true
        }
    }
}
