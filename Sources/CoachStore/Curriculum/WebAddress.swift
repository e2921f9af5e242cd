import FoundationEssentials

/// The one rule for what counts as a usable link: URLComponents parses it, the scheme is
/// http or https, and there is a host without spaces.
public enum WebAddress {
    public static func isValid(_ string: String) -> Bool {
        isPlainAddress(string) || isValidByURLComponents(string)
    }

    static func isValidByURLComponents(_ string: String) -> Bool {
        guard let parts = URLComponents(string: string),
              let scheme = parts.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = parts.host, !host.isEmpty, !host.contains(" ")
        else { return false }
        return true
    }

    /// A quick yes for the usual shape, `http(s)://host[:port][/path][?query][#fragment]`
    /// in plain ASCII: a host of letters, digits, dots and dashes, and after it only
    /// characters that RFC 3986 allows unescaped there. URLComponents accepts every such
    /// address with that host (it costs about 1.6 µs an address on Linux), so the answer is
    /// the same; every other text is left to it.
    static func isPlainAddress(_ string: String) -> Bool {
        string.utf8.withContiguousStorageIfAvailable(isPlainAddress) ?? false
    }

    static func isPlainAddress(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        // "http" or "https" in any case, then "://". `| 0x20` lowercases ASCII letters.
        guard count > 7, bytes[0] | 0x20 == UInt8(ascii: "h"), bytes[1] | 0x20 == UInt8(ascii: "t"),
              bytes[2] | 0x20 == UInt8(ascii: "t"), bytes[3] | 0x20 == UInt8(ascii: "p")
        else { return false }
        var index = 4
        if bytes[index] | 0x20 == UInt8(ascii: "s") { index += 1 }
        guard index + 3 < count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"),
              bytes[index + 2] == UInt8(ascii: "/")
        else { return false }
        index += 3
        let hostStart = index
        while index < count, isHostByte(bytes[index]) { index += 1 }
        guard index > hostStart else { return false }
        if index < count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            let portStart = index
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            guard (1...5).contains(index - portStart) else { return false }
        }
        if index == count { return true }
        guard bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "#")
        else { return false }
        var fragment = false
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#") {
                guard !fragment else { return false }
                fragment = true
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
                index += 2
            } else if !isAfterHostByte(byte) {
                return false
            }
            index += 1
        }
        return true
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    /// Unreserved characters, sub-delimiters, ":", "@", "/" and "?" (RFC 3986, 3.3–3.5).
    private static func isAfterHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<64: afterHostLow >> byte & 1 != 0
        case 64..<128: afterHostHigh >> (byte - 64) & 1 != 0
        default: false
        }
    }

    /// Those bytes as bit sets, bit n for byte n: `0-9 - . ! $ & ' ( ) * + , ; = : / ?`
    /// among bytes 0–63, `A-Z a-z _ ~ @` among 64–127 (a test spells them out again).
    static let afterHostLow: UInt64 = 0xAFFF_FFD2_0000_0000
    static let afterHostHigh: UInt64 = 0x47FF_FFFE_87FF_FFFF
}
