@testable import CoachCore
import Testing

/// The eight-bytes-at-a-time checks answer as a byte-by-byte look does, with every
/// boundary byte at every place of a word and of the tail.
struct ASCIITextTests {
    static let boundaries: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0x9F, 0xC2, 0xFF]

    @Test func agreesWithAByteByByteLook() {
        for length in 1...19 {
            for place in 0..<length {
                for byte in Self.boundaries {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                    bytes[place] = byte
                    // Invalid UTF-8 is repaired to U+FFFD, so compare with the text's own bytes.
                    let text = String(decoding: bytes, as: UTF8.self)
                    let printable = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
                    let ascii = text.utf8.allSatisfy { $0 < 0x80 }
                    let visible = text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
                    #expect(ASCIIText.isPrintable(text) == printable, "\(bytes)")
                    #expect(ASCIIText.isVisible(text) == visible, "\(bytes)")
                    #expect(ASCIIText.isASCII(text) == ascii, "\(bytes)")
                }
            }
        }
        #expect(ASCIIText.isPrintable(""))
        #expect(ASCIIText.isASCII(""))
        #expect(!ASCIIText.isPrintable("Café ☕"))
        #expect(ASCIIText.isPrintable("plain title, 40 characters long at most!"))
        #expect(!ASCIIText.isVisible("an id with spaces"))
        #expect(ASCIIText.isVisible("idea-2026-12-03-0042"))
    }

    /// Every word with one byte set to each value: the word check alone, exactly.
    @Test func theWordCheckIsExactForEveryByteValue() {
        for value in 0...255 {
            for place in 0..<8 {
                let word = (UInt64(0x6161_6161_6161_6161) & ~(UInt64(0xFF) << (8 * place))) | (UInt64(value) << (8 * place))
                #expect(ASCIIText.isPrintable(word) == (value >= 0x20 && value < 0x7F), "\(value) at \(place)")
                #expect(ASCIIText.isPrintable(word, from: 0x21) == (value > 0x20 && value < 0x7F), "\(value) at \(place)")
            }
        }
    }
}
