import CoachCore

/// The one rule for blank text, the same as `trimmingWhitespaceAndNewlines()
/// .isEmpty` but in plain Swift: on Linux the Foundation call bridges every string to
/// NSString, which cost 60 ms over the 50,000 texts of a large curriculum.
enum BlankText {
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isWhitespaceOrNewline)
    }

    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        Whitespace.isSpaceOrNewline(scalar)
    }
}
