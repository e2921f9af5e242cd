/// How many terminal cells a character takes: 0 for combining marks, 2 for East Asian
/// wide characters and emoji, 1 otherwise. Our own, because `wcwidth` depends on the
/// C locale and says -1 for CJK in tests.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if first.value < 0x300 { return 1 }
        // An emoji sequence or a text symbol turned into emoji by VS16 is two cells.
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        if isWide(first.value) { return 2 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark {
            return 0
        }
        if first.value == 0x200B || (0x200C...0x200F).contains(first.value) { return 0 }
        return 1
    }

    /// Concrete on String (not generic over StringProtocol): generic code does not
    /// specialise across modules and costs several times as much per call.
    public static func of(_ text: String) -> Int {
        // Printable ASCII is one cell a byte: most titles and numbers take this path.
        if isPrintableASCII(text) { return text.utf8.count }
        if let width = latinWidth(text) { return width }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The cells of text whose every scalar is printable and below U+0300 (ASCII and
    /// Latin letters with accents, as in "Café"), nil for any other. Below U+0300 no
    /// scalar joins the one before it, so each is a character of one cell, and counting
    /// them needs no grapheme breaking. In UTF-8 such a scalar is a printable ASCII byte,
    /// or a lead byte C2–CB and one continuation byte (after C2, from A0: 80–9F are the
    /// C1 controls).
    static func latinWidth(_ text: String) -> Int? {
        var count = 0
        var lead: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x20..<0x7F:
                count += 1
            case 0xC2...0xCB:
                lead = byte
                count += 1
            case 0x80..<0xC0:
                guard lead != 0xC2 || byte >= 0xA0 else { return nil }
            default:
                return nil
            }
        }
        return count
    }

    public static func of(_ text: Substring) -> Int {
        of(String(text))
    }

    static func isPrintableASCII(_ text: String) -> Bool {
        ASCIIText.isPrintable(text)
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B16F, 0x1F200...0x1F2FF,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` cells, with "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        fit(text, to: width).text
    }

    /// `text` cut to `width` cells as `truncate` cuts it, and the cells it then takes,
    /// in one pass over its characters (each costs a grapheme break and a table look-up,
    /// so the Backlog's and `coach idea list`'s titles are not measured three times).
    private static func fit(_ text: String, to width: Int) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        if isPrintableASCII(text) {
            let count = text.utf8.count
            return count <= width ? (text, count) : (String(text.utf8.prefix(width - 1))! + "…", width)
        }
        if let count = latinWidth(text) {
            guard count > width else { return (text, count) }
            // The first width - 1 scalars, each one character.
            var scalars = 0, bytes = 0
            for byte in text.utf8 {
                if byte & 0xC0 != 0x80 {
                    if scalars == width - 1 { break }
                    scalars += 1
                }
                bytes += 1
            }
            return (String(text.utf8.prefix(bytes))! + "…", width)
        }
        var used = 0, bytes = 0
        // Where the text is cut if it does not fit whole (in bytes), and the cells before.
        var cut: (bytes: Int, used: Int)?
        for character in text {
            let w = of(character)
            if cut == nil, used + w > width - 1 { cut = (bytes, used) }
            used += w
            if used > width, let cut { return (String(text.utf8.prefix(cut.bytes))! + "…", cut.used + 1) }
            bytes += character.utf8.count
        }
        return (text, used)
    }

    /// `text` cut or padded with spaces to exactly `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let (cut, used) = fit(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - used))
    }
}
