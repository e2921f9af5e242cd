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

    /// Every run a decoded frame paints, by row.
    func paintedRuns(_ frame: PaintedFrame) -> [[FrameBytes.Run]] {
        var rows = Array(repeating: [FrameBytes.Run](), count: frame.size.rows)
        frame.forEachRun { row, col, style, text in
            rows[row].append(FrameBytes.Run(col: col, style: style, text: String(decoding: text, as: UTF8.self)))
        }
        return rows
    }

    @Test func aKeptFramePaintsTheRunsItWasDrawnWith() throws {
        for frame in [sampleFrame(), ScreenBuffer(size: Size(rows: 2, cols: 3))] {
            let decoded = try #require(FrameBytes.decode(FrameBytes.encode(frame)[...], size: frame.size))
            #expect(paintedRuns(decoded) == (0..<frame.size.rows).map { FrameBytes.runs(of: frame, row: $0) })
            #expect(decoded.cursor == frame.cursor)
        }
    }

    @Test func runsJoinCellsOfOneStyleAndSkipTheBottomRightCell() {
        var frame = ScreenBuffer(size: Size(rows: 2, cols: 6))
        frame.put("ab", row: 0, col: 0, style: Style(.title))
        frame.put("日x", row: 1, col: 2, style: Style(.good))
        #expect(FrameBytes.runs(of: frame, row: 0) == [FrameBytes.Run(col: 0, style: Style(.title), text: "ab"),
                                                    FrameBytes.Run(col: 2, style: .plain, text: "    ")])
        #expect(FrameBytes.runs(of: frame, row: 1) == [FrameBytes.Run(col: 0, style: .plain, text: "  "),
                                                    FrameBytes.Run(col: 2, style: Style(.good), text: "日"),
                                                    FrameBytes.Run(col: 3, style: .plain, text: ""),
                                                    FrameBytes.Run(col: 4, style: Style(.good), text: "x"),
                                                    FrameBytes.Run(col: 5, style: .plain, text: "")])
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
        // The first run: its count at +1, its column at +3, its style at +5, its text at +6.
        let start = bytes.firstIndex(of: 0x0A)!
        var badStyle = bytes
        badStyle[start + 5] = 0xFF
        #expect(FrameBytes.decode(badStyle[...], size: frame.size) == nil, "no such style")
        var badText = bytes
        badText[start + 6] = 0xC3
        badText[start + 7] = 0x00
        #expect(FrameBytes.decode(badText[...], size: frame.size) == nil, "not UTF-8")
        for unsafe: [UInt8] in [[0x1B], [0x07], [0x7F], [0xC2, 0x9B], [0x0A]] {
            var planted = bytes
            planted.replaceSubrange((start + 6)..<(start + 6 + unsafe.count), with: unsafe)
            #expect(FrameBytes.decode(planted[...], size: frame.size) == nil, "\(unsafe) is never sent raw")
        }
        var farColumn = bytes
        farColumn[start + 4] = 0x7F
        #expect(FrameBytes.decode(farColumn[...], size: frame.size) == nil, "a run past the right edge")
        let offScreen = Array("frame 4 12 9 0\n".utf8) + bytes[(bytes.firstIndex(of: 0x0A)! + 1)...]
        #expect(FrameBytes.decode(offScreen[...], size: frame.size) == nil, "a cursor off the screen")
        #expect(FrameBytes.decode([][...], size: frame.size) == nil)
    }
}
