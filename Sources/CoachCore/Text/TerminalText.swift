/// The one rule for text that reaches a terminal: nothing from a file or an argument
/// may steer it. Every character a terminal acts on instead of showing — C0 controls
/// (ESC starts CSI and OSC sequences), DEL, C1 controls (U+0080–U+009F; U+009B is a
/// one-character CSI to some terminals) and the bidirectional embeddings, overrides and
/// isolates that reorder what is shown (U+202A–U+202E, U+2066–U+2069) — is shown as a
/// visible escape instead: `^[` for ESC (caret notation, as curses shows it), `<U+009B>`
/// for the others. Line breaks and tabs are layout, not steering, and are kept where
/// text may span lines. The command line, its errors and warnings, the Markdown export
/// and the full-screen coach all show text through this.
public enum TerminalText {
    /// `text` with every steering character shown as a visible escape; line breaks and
    /// tabs kept.
    public static func safe(_ text: String) -> String {
        isSafe(text) ? text : escaped(text, keepingLayout: true)
    }

    /// One line: line breaks and tabs are escaped too (`^J`, `^I`), and text longer than
    /// `limit` characters is cut, saying how much was left out — for a value echoed in
    /// a message.
    public static func oneLine(_ text: String, limit: Int = 80) -> String {
        let cut = text.count > limit ? String(text.prefix(limit)) : text
        let shown = escaped(cut, keepingLayout: false)
        return cut.count < text.count ? "\(shown)… (\(text.count - cut.count) more characters)" : shown
    }

    /// `text` in double quotes, on one line and cut (see `oneLine`).
    public static func quoted(_ text: String, limit: Int = 80) -> String {
        "\"\(oneLine(text, limit: limit))\""
    }

    /// JSON text with every steering character written as a JSON escape (`\u009b`),
    /// which reads back as the same string: `--json` output stays exact and inert.
    /// (The encoder escapes C0 itself; C1 and the bidirectional controls it writes raw.)
    public static func safeJSON(_ json: String) -> String {
        guard !isSafe(json) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if steers(scalar), scalar != "\n", scalar != "\t" {
                let hex = String(scalar.value, radix: 16)
                result.append(contentsOf: "\\u\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// True when a terminal acts on `scalar` rather than showing it.
    public static func steers(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// True when `text` has nothing to escape but line breaks and tabs, read from its
    /// UTF-8 without decoding (the full-screen coach asks this for every piece it draws).
    public static func isSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20, byte != 0x0A, byte != 0x09 { return false }
                if byte == 0x7F { return false }
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return false }
                if byte == 0xE2, index + 2 < bytes.count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80, (0xAA...0xAE).contains(third) { return false }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return false }
                }
                index += 1
            }
            return true
        }
    }

    private static func escaped(_ text: String, keepingLayout: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard steers(scalar), !(keepingLayout && (scalar == "\n" || scalar == "\t")) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            result += visible(scalar)
        }
        return result
    }

    /// "^[" for ESC, "^?" for DEL, "<U+202E>" for the others.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x20 { return "^" + String(Character(Unicode.Scalar(UInt8(scalar.value + 0x40)))) }
        if scalar.value == 0x7F { return "^?" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
    }
}
