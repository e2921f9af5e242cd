/// White space as Foundation's `CharacterSet.whitespaces` and `.whitespacesAndNewlines`
/// count it on Linux, in plain Swift: FoundationEssentials has no `trimmingCharacters`,
/// and on Linux the Foundation call bridged every string to NSString. A test compares
/// every scalar with the CharacterSets.
public enum Whitespace {
    /// General category Zs and tab (and, in Linux's data, ZERO WIDTH SPACE U+200B).
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Spaces, Zl and Zp, the line breaks U+000A–U+000D and NEXT LINE (U+0085).
    public static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: isSpace(scalar)
        }
    }
}

extension StringProtocol {
    /// Without spaces and tabs at either end.
    public func trimmingWhitespace() -> String {
        trimming(Whitespace.isSpace)
    }

    /// Without spaces, tabs and line breaks at either end.
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming(Whitespace.isSpaceOrNewline)
    }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension String {
    /// Every `old` replaced with `new` as Foundation's `replacingOccurrences(of:with:)`
    /// replaced it: matched scalar by scalar (so "\n" is found inside "\r\n" too), but
    /// not where a combining mark follows, which belongs to the character matched.
    public func replacingText(_ old: String, with new: String) -> String {
        let text = Array(unicodeScalars), word = Array(old.unicodeScalars)
        guard !word.isEmpty, text.count >= word.count else { return self }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < text.count {
            if index + word.count <= text.count, text[index..<(index + word.count)].elementsEqual(word),
               index + word.count == text.count || !Self.isCombiningMark(text[index + word.count]) {
                result.append(contentsOf: new.unicodeScalars)
                index += word.count
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return String(result)
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
