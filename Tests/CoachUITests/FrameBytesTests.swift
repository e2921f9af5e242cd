import CoachCore
import Testing
@testable import CoachUI

/// A frame kept between runs comes back exactly as it was drawn, and bytes that are not
/// exactly one frame of the size asked for are no frame at all.
@Suite struct FrameBytesTests {
    /// A frame with every role and attribute, a wide character, a combining mark and a cursor.
    func sampleFrame() -> ScreenBuffer {
        var frame = ScreenBuffer(size: Size(rows: 4, cols: 12))
        frame.put("Coach · Today", row: 0, col: 0, style: Style(.title, bold: true, reverse: true))
        frame.put("日本 e\u{301}", row: 1, col: 1, style: Style(.accent, underline: true))
        for (index, role) in Role.allCases.enumerated() {
            frame.put("x", row: 2 + index / 12, col: index % 12, style: Style(role, bold: index % 2 == 0, reverse: index % 3 == 0))
        }
        frame.fill(row: 3, col: 0, width: 12, with: "━", style: Style(.bar))
        frame.cursor = Position(row: 1, col: 7)
        return frame
    }

    @Test func aFrameComesBackAsItWasDrawn() {
        let frame = sampleFrame()
        let bytes = FrameBytes.encode(frame)
        #expect(FrameBytes.decode(bytes[...], size: frame.size) == frame)
        var plain = ScreenBuffer(size: Size(rows: 2, cols: 3))
        plain.put("ab", row: 1, col: 1)
        #expect(FrameBytes.decode(FrameBytes.encode(plain)[...], size: plain.size) == plain)
    }

    @Test func everyStyleHasItsOwnByte() {
        var bytes: Set<UInt8> = []
        for role in Role.allCases {
            for bits in 0..<8 {
                let style = Style(role, bold: bits & 1 != 0, reverse: bits & 2 != 0, underline: bits & 4 != 0)
                let byte = FrameBytes.styleByte(style)
                #expect(FrameBytes.style(byte) == style)
                bytes.insert(byte)
            }
        }
        #expect(bytes.count == Role.allCases.count * 8, "a role past the fourth bit would share bytes")
    }

    @Test func bytesThatAreNotOneWholeFrameAreNone() {
        let frame = sampleFrame()
        let bytes = FrameBytes.encode(frame)
        #expect(FrameBytes.decode(bytes[...], size: Size(rows: 4, cols: 13)) == nil, "another size")
        #expect(FrameBytes.decode(bytes.dropLast(), size: frame.size) == nil, "torn")
        #expect(FrameBytes.decode((bytes + [0x01, 0x00])[...], size: frame.size) == nil, "a cell too many")
        var badStyle = bytes
        badStyle[badStyle.firstIndex(of: 0x0A)! + 1] = 0xFF
        #expect(FrameBytes.decode(badStyle[...], size: frame.size) == nil, "no such style")
        var badText = bytes
        badText[badText.firstIndex(of: 0x0A)! + 2] = 0xC3
        badText[badText.firstIndex(of: 0x0A)! + 3] = 0x00
        #expect(FrameBytes.decode(badText[...], size: frame.size) == nil, "not UTF-8")
        let offScreen = Array("frame 4 12 9 0\n".utf8) + bytes[(bytes.firstIndex(of: 0x0A)! + 1)...]
        #expect(FrameBytes.decode(offScreen[...], size: frame.size) == nil, "a cursor off the screen")
        #expect(FrameBytes.decode([][...], size: frame.size) == nil)
    }
}
