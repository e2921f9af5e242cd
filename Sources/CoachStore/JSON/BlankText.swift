import Foundation

/// The one rule for blank text, the same as `trimmingCharacters(in: .whitespacesAndNewlines)
/// .isEmpty` but in plain Swift: on Linux the Foundation call bridges every string to
/// NSString, which cost 60 ms over the 50,000 texts of a large curriculum.
enum BlankText {
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isWhitespaceOrNewline)
    }

    /// The members of `CharacterSet.whitespacesAndNewlines` on Linux: general categories
    /// Zs, Zl and Zp, tab, the line breaks U+000A–U+000D, NEXT LINE (U+0085) and — there —
    /// ZERO WIDTH SPACE (U+200B). A test compares every scalar with the CharacterSet.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
