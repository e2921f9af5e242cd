import FoundationEssentials
import Glibc

/// A pull reader of JSON bytes, the one every loader uses: the caller asks for the value
/// it expects next, so nothing is built that is not kept. It has two grammars.
///
/// `.plain` is for a fast path with an exact path behind it (JSONSerialization,
/// JSONDecoder). It reads plain, well-formed JSON and gives up (throws `Unsupported`) on
/// everything else: any syntax error, a byte-order mark, invalid UTF-8, an escape that
/// makes U+0000, a key read with `nextKey` that has an escape or a non-ASCII character,
/// a skipped number with an exponent or more than 20 characters, nesting deeper than 32.
/// Giving up is always safe, because the caller then runs its exact path — so the reader
/// only has to be right about what it accepts, and what it accepts is valid JSON that
/// both of those read the same.
///
/// `.complete` is for a loader with no other path (backlog.json): it reads every valid
/// JSON text (RFC 8259, after an optional UTF-8 byte-order mark) and stops only where
/// the bytes are not JSON, with a `SyntaxError` that says at which byte and why. Read
/// keys with `nextStringKey` there.
struct FastJSONReader {
    enum Grammar: Sendable {
        case plain
        case complete
    }

    /// Reading stopped: the bytes are not JSON, or (with `.plain`) they hold something
    /// the fast path leaves to the exact one, or the caller gave up on what they say.
    /// Empty on purpose: an error with a payload makes every `try` on the fast paths
    /// dearer (about 6% on a large curriculum), so the reader keeps where and why it
    /// stopped to itself, for `SyntaxError`.
    struct Unsupported: Error {
        init() {}
    }

    /// Where the bytes stop being JSON, and what is wrong there, for the complete grammar:
    /// `offset` counts bytes from the start of the data. Offsets and reasons are those
    /// backlog.json has always reported when JSONSerialization names no place (a file
    /// that ends too soon) or reads the file after all (a trailing comma, UTF-16).
    struct SyntaxError: Error {
        let offset: Int
        let reason: StaticString
    }

    /// What kind of value comes next, judged by its first byte.
    enum Kind: Sendable {
        case object, array, string, number, bool, null, invalid
    }

    /// An object key, still as bytes; compare it with `key(_:is:)`.
    struct Key {
        fileprivate let start: Int
        fileprivate let count: Int
    }

    /// Where a reader is inside one object or array: before its first entry or after one.
    struct Container {
        fileprivate var first = true
        /// The keys read with `nextKey` so far, one bit each of 128 by a hash of their
        /// bytes: a key whose bit is already set may be a repeat, and the fast path gives
        /// up on it, so the exact path refuses a repeated key with its path. The hash is
        /// chosen so that no two key names the documents use share a bit.
        fileprivate var seenLow: UInt64 = 0
        fileprivate var seenHigh: UInt64 = 0
        /// The place among the names of the last key `nextKey(_:among:)` found to be one,
        /// or -1: the house format writes keys in sorted order, so the next key is most
        /// likely the name that sorts after it.
        fileprivate var lastName = -1
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let grammar: Grammar
    private var index = 0
    /// Where and why the reader last stopped; set only as it stops.
    private var stop: (offset: Int, reason: StaticString)?

    private init(_ bytes: UnsafeBufferPointer<UInt8>, grammar: Grammar) {
        self.bytes = bytes
        self.grammar = grammar
        // A byte-order mark, as some editors write, is not part of the document.
        if grammar == .complete, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    /// Reads one JSON value from `data` with `body`, which must read all of it; nil when
    /// the reader gives up.
    static func read<T>(_ data: Data, _ body: (inout FastJSONReader) throws(Unsupported) -> T) -> T? {
        try? read(data, grammar: .plain, body)
    }

    /// Reads one JSON value from `data` with `body`, which must read all of it: only
    /// white space may follow. With `.complete` and a body that does not give up itself,
    /// an error is always a syntax error.
    static func read<T>(_ data: Data, grammar: Grammar,
                                _ body: (inout FastJSONReader) throws(Unsupported) -> T) throws(SyntaxError) -> T {
        let result = data.withUnsafeBytes { raw -> Result<T, SyntaxError> in
            var reader = FastJSONReader(raw.assumingMemoryBound(to: UInt8.self), grammar: grammar)
            do throws(Unsupported) {
                let value = try body(&reader)
                reader.skipSpace()
                guard reader.index == reader.bytes.count else {
                    throw reader.failure("unexpected text after the end of the document")
                }
                return .success(value)
            } catch {
                let stop = reader.stop ?? (reader.index, "given up by the caller")
                return .failure(SyntaxError(offset: stop.offset, reason: stop.reason))
            }
        }
        return try result.get()
    }

    /// How many bytes are still to be read.
    var bytesLeft: Int { bytes.count - index }

    /// The bytes from the start of the data up to where the reader is.
    var bytesRead: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[..<index]) }

    /// The kind of the next value, reading only the white space before it.
    mutating func peekKind() -> Kind {
        skipSpace()
        guard index < bytes.count else { return .invalid }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .invalid
        }
    }

    // MARK: Objects and arrays

    mutating func beginObject() throws(Unsupported) -> Container {
        try expect(UInt8(ascii: "{"), "expected {")
        return Container()
    }

    /// The next key of the object, with its ":" read; nil after the closing "}".
    mutating func nextKey(_ object: inout Container) throws(Unsupported) -> Key? {
        guard try nextEntry(&object, closing: UInt8(ascii: "}"), "expected , or }") else { return nil }
        let key = try plainKey()
        var hash = UInt64(key.count)
        for offset in key.start..<(key.start + key.count) {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x100000001b3
        }
        let bit = (hash &* (0x9E37_79B9_7F4A_7C15 &+ 1_460)) >> 57
        let mask: UInt64 = 1 << (bit & 63)
        if bit < 64 {
            guard object.seenLow & mask == 0 else { throw failure(at: key.start, "a key that may be repeated") }
            object.seenLow |= mask
        } else {
            guard object.seenHigh & mask == 0 else { throw failure(at: key.start, "a key that may be repeated") }
            object.seenHigh |= mask
        }
        try expect(UInt8(ascii: ":"), "expected :")
        return key
    }

    /// The next key of the object as a string of any text, with its ":" read; nil after
    /// the closing "}".
    mutating func nextStringKey(_ object: inout Container) throws(Unsupported) -> String? {
        guard try nextEntry(&object, closing: UInt8(ascii: "}"), "expected , or }") else { return nil }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
        let key = try string()
        try expect(UInt8(ascii: ":"), "expected :")
        return key
    }

    /// Names a caller looks for among an object's keys, kept as words to match keys
    /// against without making a String of each (`nextKey(_:among:)`). Make it once.
    struct KeyNames: Sendable {
        fileprivate let names: [String]
        /// Each name as its length and its first 16 bytes packed into two words
        /// (`KeyWords`): a key of up to 16 bytes is one of the names when all three match.
        /// A longer name is compared byte by byte.
        fileprivate let words: [KeyWords]
        /// The place in `names` of the name in each slot, or -1: the names of up to 16
        /// bytes each have a slot of their own by `KeyWords.slot`, so a key is matched
        /// against one name, not all of them. Empty when no multiplier gave every name its
        /// own slot (then every name is tried).
        fileprivate let slots: [Int]
        fileprivate let multiplier: UInt64
        fileprivate let shift: UInt64
        /// Each name as the house format writes it as a key (`JSONWriter`): in quotes,
        /// then " : ". Bytes that equal these are that key with its ":" read.
        fileprivate let written: [[UInt8]]
        /// The name that sorts first, and after each name the one that sorts next (-1
        /// after the last): the key the house format writes next.
        fileprivate let firstSorted: Int
        fileprivate let nextSorted: [Int]

        init(_ names: [String]) {
            self.names = names
            written = names.map { Array("\"\($0)\" : ".utf8) }
            let sorted = names.indices.sorted { names[$0] < names[$1] }
            firstSorted = sorted.first ?? -1
            var nextSorted = [Int](repeating: -1, count: names.count)
            for (earlier, later) in zip(sorted, sorted.dropFirst()) { nextSorted[earlier] = later }
            self.nextSorted = nextSorted
            words = names.map { name in
                let padded = Array(name.utf8) + Array(repeating: 0, count: KeyWords.capacity)
                return padded.withUnsafeBufferPointer { KeyWords($0, start: 0, count: name.utf8.count) }
            }
            // At least four slots a name, so a multiplier that spreads them is found in a
            // few tries (each name in 64 slots for the dozen names an idea has).
            var count = 64
            while count < 4 * names.count { count *= 2 }
            shift = UInt64(64 - count.trailingZeroBitCount)
            var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            for _ in 0..<10_000 {
                var slots = [Int](repeating: -1, count: count)
                var clash = false
                for (place, word) in words.enumerated() where word.count <= KeyWords.capacity {
                    let slot = word.slot(multiplier: multiplier, shift: shift)
                    if slots[slot] >= 0 {
                        clash = true
                        break
                    }
                    slots[slot] = place
                }
                if !clash {
                    self.slots = slots
                    self.multiplier = multiplier
                    return
                }
                multiplier &+= 0x2_0000_0002
            }
            slots = []
            self.multiplier = 0
        }

        fileprivate func index(of key: KeyWords, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard key.count <= KeyWords.capacity else { return names.firstIndex { $0.utf8.elementsEqual(bytes) } }
            guard !slots.isEmpty else {
                return words.withUnsafeBufferPointer { words in
                    for index in words.indices where words[index] == key { return index }
                    return nil
                }
            }
            let place = slots[key.slot(multiplier: multiplier, shift: shift)]
            return place >= 0 && words[place] == key ? place : nil
        }
    }

    /// A key's length and its first 16 bytes, little-endian in two words.
    fileprivate struct KeyWords: Equatable, Sendable {
        static let capacity = 16
        let count: Int
        private(set) var low: UInt64 = 0
        private(set) var high: UInt64 = 0

        /// The `count` bytes from `start`, read as two words where 16 bytes are there to
        /// read (nearly always: a key is followed by its value), else byte by byte.
        init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, count: Int) {
            self.count = count
            guard count <= Self.capacity else { return }
            if start + Self.capacity <= bytes.count {
                let raw = UnsafeRawPointer(bytes.baseAddress! + start)
                low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            } else {
                for place in 0..<count {
                    let byte = UInt64(bytes[start + place])
                    if place < 8 { low |= byte << (8 * place) } else { high |= byte << (8 * (place - 8)) }
                }
            }
            // Only the key's own bytes count.
            if count < 8 { low &= (1 << (8 * count)) - 1 }
            if count <= 8 { high = 0 } else if count < 16 { high &= (1 << (8 * (count - 8))) - 1 }
        }

        /// A slot among `1 << (64 - shift)` for these words.
        func slot(multiplier: UInt64, shift: UInt64) -> Int {
            let mixed = (low &* 0xC2B2_AE3D_27D4_EB4F) ^ high ^ UInt64(count)
            return Int(truncatingIfNeeded: (mixed &* multiplier) >> shift)
        }
    }

    /// An object key read with `nextKey(_:among:)`: which of the names it is, if any.
    struct NamedKey {
        /// The key's place in the names; nil for a key that is none of them.
        let name: Int?
        fileprivate let start: Int
        fileprivate let count: Int
        /// The key's text when it had escapes or other than ASCII, so it was decoded.
        fileprivate let decoded: String?
    }

    /// The next key of the object, with its ":" read, as one of `names` or another; nil
    /// after the closing "}". It reads every key `nextStringKey` reads, and a key is a
    /// name exactly when its text equals it; only a key with an escape or a byte outside
    /// printable ASCII is made a String to tell.
    mutating func nextKey(_ object: inout Container, among names: KeyNames) throws(Unsupported) -> NamedKey? {
        guard try nextEntry(&object, closing: UInt8(ascii: "}"), "expected , or }") else { return nil }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
        let guess = object.lastName < 0 ? names.firstSorted : names.nextSorted[object.lastName]
        if guess >= 0 {
            let written = names.written[guess]
            let matched = written.withUnsafeBufferPointer { written in
                index + written.count <= bytes.count && memcmp(bytes.baseAddress! + index, written.baseAddress!, written.count) == 0
            }
            if matched {
                let key = NamedKey(name: guess, start: index + 1, count: written.count - 5, decoded: nil)
                index += written.count
                object.lastName = guess
                return key
            }
        }
        let start = index + 1
        var end = start
        // A key of up to 16 bytes, nearly every one, is found in two words.
        if start + KeyWords.capacity <= bytes.count {
            let raw = UnsafeRawPointer(bytes.baseAddress! + start)
            let low = Self.keyStops(in: UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
            let high = Self.keyStops(in: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            end += low != 0 ? low.trailingZeroBitCount >> 3 : high != 0 ? 8 + (high.trailingZeroBitCount >> 3) : 16
        }
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] >= 0x20, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "\\") {
            end += 1
        }
        let key: NamedKey
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            index = end + 1
            key = NamedKey(name: names.index(of: KeyWords(bytes, start: start, count: end - start),
                                             bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])),
                           start: start, count: end - start, decoded: nil)
            if let name = key.name { object.lastName = name }
        } else {
            // `string` reads it, or says what is wrong with it where `nextStringKey` would.
            let text = try string()
            key = NamedKey(name: names.names.firstIndex(of: text), start: start, count: 0, decoded: text)
        }
        try expect(UInt8(ascii: ":"), "expected :")
        return key
    }

    /// The text of a key read with `nextKey(_:among:)`, as `nextStringKey` gives it.
    func text(of key: NamedKey) -> String {
        key.decoded ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[key.start..<(key.start + key.count)]), as: UTF8.self)
    }

    func key(_ key: Key, is name: StaticString) -> Bool {
        key.count == name.utf8CodeUnitCount
            && memcmp(bytes.baseAddress! + key.start, name.utf8Start, key.count) == 0
    }

    mutating func beginArray() throws(Unsupported) -> Container {
        try expect(UInt8(ascii: "["), "expected [")
        return Container()
    }

    /// True when another element follows (read it next); false after the closing "]".
    mutating func nextElement(_ array: inout Container) throws(Unsupported) -> Bool {
        try nextEntry(&array, closing: UInt8(ascii: "]"), "expected , or ]")
    }

    /// Past the closing byte (false), or past the "," before the next entry (true); the
    /// first entry needs none.
    private mutating func nextEntry(_ container: inout Container, closing: UInt8,
                                    _ missingComma: StaticString) throws(Unsupported) -> Bool {
        skipSpace()
        // At the end a first entry is still "next": reading it says what is missing.
        let byte = index < bytes.count ? bytes[index] : 0
        if byte == closing {
            index += 1
            return false
        }
        if container.first {
            container.first = false
        } else {
            guard byte == UInt8(ascii: ",") else { throw failure(missingComma) }
            index += 1
        }
        return true
    }

    /// A key of plain ASCII without escapes. Other keys give up: they can never be one of
    /// the names the callers look for, and giving up keeps Unicode equivalence out of it.
    private mutating func plainKey() throws(Unsupported) -> Key {
        try expect(UInt8(ascii: "\""), "expected a key in double quotes")
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return Key(start: start, count: index - 1 - start)
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else {
                throw failure("a key with an escape or a non-ASCII character")
            }
            index += 1
        }
        throw failure("unfinished text")
    }

    // MARK: Values

    mutating func string() throws(Unsupported) -> String {
        try expect(UInt8(ascii: "\""), "expected \"")
        let start = index
        // Eight bytes at a time while none of them ends the string, starts an escape or
        // is a control character; strings are most of a track file.
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            let stops = Self.textStops(in: word)
            guard stops == 0 else {
                // The bytes before the first stop are plain text too.
                let plain = stops.trailingZeroBitCount >> 3
                high |= word & ((1 << (8 * UInt64(plain))) &- 1)
                index += plain
                break
            }
            high |= word
            index += 8
        }
        var ascii = high & 0x8080_8080_8080_8080 == 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if ascii { return String(decoding: text, as: UTF8.self) }
                guard let string = Self.validText(text) else { throw failure(at: start, "text that is not valid UTF-8") }
                return string
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw failure("a control character inside text") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        throw failure("unfinished text")
    }

    /// The rest of a string from its first backslash; `start` is just after the quote.
    private mutating func escapedString(from start: Int) throws(Unsupported) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(index - start + 32)
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let string = text.withUnsafeBufferPointer(Self.validText) else {
                    throw failure(at: start, "text that is not valid UTF-8")
                }
                return string
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unfinished escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard let encoded = UTF8.encode(try unicodeEscape()) else { throw failure("an invalid \\u escape") }
                    text.append(contentsOf: encoded)
                default: throw failure("an invalid escape")
                }
            case 0..<0x20:
                throw failure("a control character inside text")
            default:
                text.append(byte)
                index += 1
            }
        }
        throw failure("unfinished text")
    }

    /// The high bit of each byte of `word` (read little-endian) that ends a run of plain
    /// text: a quote, a backslash or a control character. A byte above one of these may be
    /// marked wrongly (a borrow), so only the lowest mark is exact, and that is the one
    /// the callers read.
    private static func textStops(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func below(_ limit: UInt64, _ word: UInt64) -> UInt64 { (word &- ones &* limit) & ~word & highs }
        return below(1, word ^ (ones &* 0x22)) | below(1, word ^ (ones &* 0x5C)) | below(0x20, word)
    }

    /// The same for a plain key, which also ends at a byte from 0x80.
    private static func keyStops(in word: UInt64) -> UInt64 {
        textStops(in: word) | (word & 0x8080_8080_8080_8080)
    }

    /// The text of bytes that are valid UTF-8, nil for others. Decoding repairs invalid
    /// bytes, and the repaired text is valid, so it equals the bytes only if they were.
    /// (`String(validating:as:)` would need macOS 15.)
    private static func validText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// The scalar of "\uXXXX" (after the "\u"), a surrogate pair being one; a lone
    /// surrogate stops, and with `.plain` so does U+0000.
    private mutating func unicodeEscape() throws(Unsupported) -> Unicode.Scalar {
        var value = try hex4()
        if (0xD800..<0xDC00).contains(value) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure("a lone surrogate in a \\u escape") }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("a lone surrogate in a \\u escape") }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(value) {
            throw failure("a lone surrogate in a \\u escape")
        } else if value == 0, grammar == .plain {
            throw failure("U+0000, left to the exact path")
        }
        guard let scalar = Unicode.Scalar(value) else { throw failure("an invalid \\u escape") }
        return scalar
    }

    private mutating func hex4() throws(Unsupported) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("an unfinished \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            if byte &- UInt8(ascii: "0") < 10 {
                digit = byte - UInt8(ascii: "0")
            } else if (byte | 0x20) &- UInt8(ascii: "a") < 6 {
                digit = (byte | 0x20) - UInt8(ascii: "a") + 10
            } else {
                throw failure("an invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A whole number written as plain digits, at most 15 of them (so a Double holds it
    /// exactly) and without a sign, a leading zero, a fraction or an exponent.
    mutating func plainInteger() throws(Unsupported) -> Int {
        skipSpace()
        let start = index
        var value = 0
        // Wrapping arithmetic: a longer run of digits is refused below, never trapped on.
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
            value = value &* 10 &+ Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - start
        guard (1...15).contains(digits), digits == 1 || bytes[start] != UInt8(ascii: "0") else {
            throw failure(at: start, "not a plain whole number")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") {
            throw failure(at: start, "not a plain whole number")
        }
        return value
    }

    /// Exact powers of ten: a mantissa below 2^53 divided by one of these is the
    /// correctly rounded value of the decimal, which is what `Double(String)` gives.
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// Any JSON number, as the Double that `Double(String)` (locale-independent, correctly
    /// rounded, like Foundation's JSON readers) makes of its text: -0 stays negative, and
    /// a number too large for a Double is an infinity. Up to 15 digits without an
    /// exponent are divided out exactly, without making the text.
    mutating func number() throws(Unsupported) -> Double {
        skipSpace()
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        let integerStart = index
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw failure("expected a digit") }
        if digits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw failure(at: integerStart, "a number with a leading zero") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[index] - UInt8(ascii: "0"))
                digits += 1
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { throw failure("expected a digit after the decimal point") }
        }
        var hasExponent = false
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponentStart = index
            skipDigits()
            guard index > exponentStart else { throw failure("expected a digit in the exponent") }
        }
        if !hasExponent, digits <= 15 {
            let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        else { throw failure(at: start, "an unreadable number") }
        return value
    }

    /// How deep arrays and objects may nest in any file: no real document comes near it,
    /// and a reader that recursed without a limit would run out of stack on `[[[[…`.
    static let deepestNesting = 512

    /// The text of the number that comes next, checked as `number()` checks it, so that
    /// a caller can judge its kind (whole or not) and range without rounding it first.
    mutating func numberText() throws(Unsupported) -> String {
        skipSpace()
        let start = index
        _ = try number()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Stops with a reason of the caller's, at the current byte.
    mutating func stop(_ reason: StaticString) -> Unsupported {
        failure(reason)
    }

    /// Reads past any value, checking it as strictly as the rest.
    mutating func skipValue(depth: Int = 0) throws(Unsupported) {
        guard depth < 32 || grammar == .complete else { throw failure("nesting deeper than 32") }
        // Even the complete grammar stops somewhere: each level is a stack frame.
        guard depth < Self.deepestNesting else { throw failure("nesting deeper than 512") }
        switch peekKind() {
        case .string:
            _ = try string()
        case .object:
            var object = try beginObject()
            while try nextStringKey(&object) != nil { try skipValue(depth: depth + 1) }
        case .array:
            var array = try beginArray()
            while try nextElement(&array) { try skipValue(depth: depth + 1) }
        case .bool, .null:
            try literal()
        case .number:
            if grammar == .complete { _ = try number() } else { try skipPlainNumber() }
        case .invalid:
            throw failure(index < bytes.count ? "unexpected character" : "unexpected end of the file")
        }
    }

    /// true or false as a Bool, null as nil.
    mutating func boolOrNull() throws(Unsupported) -> Bool? {
        guard peekKind() == .bool || peekKind() == .null else { throw failure("expected true, false or null") }
        return try literalValue()
    }

    /// true or false as a Bool, null as nil: the literal that comes next.
    mutating func literalValue() throws(Unsupported) -> Bool? {
        skipSpace()
        guard index < bytes.count else { throw failure("unexpected end of the file") }
        let first = bytes[index]
        try literal()
        return first == UInt8(ascii: "n") ? nil : first == UInt8(ascii: "t")
    }

    /// true, false or null, whichever starts with the next byte.
    private mutating func literal() throws(Unsupported) {
        let word: StaticString = switch bytes[index] {
        case UInt8(ascii: "t"): "true"
        case UInt8(ascii: "f"): "false"
        default: "null"
        }
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0
        else { throw failure("expected true, false or null") }
        index += count
    }

    /// -?(0|[1-9][0-9]*)(.[0-9]+)? — no exponent, at most 20 characters.
    private mutating func skipPlainNumber() throws(Unsupported) {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integer = index
        skipDigits()
        guard index > integer, index == integer + 1 || bytes[integer] != UInt8(ascii: "0") else {
            throw failure(at: start, "not a plain number")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fraction = index
            skipDigits()
            guard index > fraction else { throw failure(at: start, "not a plain number") }
        }
        guard index - start <= 20 else { throw failure(at: start, "not a plain number") }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") { throw failure(at: start, "not a plain number") }
    }

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
    }

    // MARK: Bytes

    /// Inline, since between tokens there is most often no space at all.
    @inline(__always)
    private mutating func skipSpace() {
        if index < bytes.count, bytes[index] > 0x20 { return }
        skipSpaces()
    }

    private mutating func skipSpaces() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte > 0x20 { return }
            switch byte {
            case 0x0A:
                index += 1
                skipIndent()
            case 0x20, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The spaces that indent a line of a pretty-printed file, eight at a time: every
    /// key and value of the house format starts a line that way.
    private mutating func skipIndent() {
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            let others = word ^ 0x2020_2020_2020_2020
            guard others == 0 else {
                index += others.trailingZeroBitCount >> 3
                return
            }
            index += 8
        }
    }

    private mutating func expect(_ byte: UInt8, _ reason: StaticString) throws(Unsupported) {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw failure(reason) }
        index += 1
    }

    /// Stops at the current byte; throw what it returns. Kept out of line, so the
    /// reading functions stay small.
    @inline(never)
    private mutating func failure(_ reason: StaticString) -> Unsupported {
        failure(at: index, reason)
    }

    @inline(never)
    private mutating func failure(at offset: Int, _ reason: StaticString) -> Unsupported {
        stop = (offset, reason)
        return Unsupported()
    }

    /// For a value of a fixed length, as a date is: `read` of the `count` bytes between the
    /// quotes of the string that comes next, when it has exactly that many and `read`
    /// accepts them; nil otherwise, and then nothing is read. Nothing is decoded, so
    /// `read` must refuse any escape (it should check every byte).
    mutating func fixedString<T>(count: Int, _ read: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        skipSpace()
        let end = index + 1 + count
        guard end < bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[end] == UInt8(ascii: "\""),
              let value = read(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
        else { return nil }
        index = end + 1
        return value
    }

    /// For callers that can read a value faster from its raw bytes: the bytes between the
    /// quotes of the string that comes next, when it has no escapes; nil otherwise, and
    /// then nothing is read. Use only with text that is also valid as a whole (ASCII).
    mutating func rawASCIIString() -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
                index = end + 1
                return text
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            end += 1
        }
        return nil
    }
}

extension FastJSONReader {
    /// An array read element by element with `read`.
    mutating func list<T>(_ read: (inout FastJSONReader) throws(Unsupported) -> T) throws(Unsupported) -> [T] {
        var values: [T] = []
        var array = try beginArray()
        while try nextElement(&array) { values.append(try read(&self)) }
        return values
    }
}
