import CoachCore

/// A frame as bytes, to keep it between runs (`KeptFrame`): a first line
/// "frame ROWS COLS CURSOR_ROW CURSOR_COL" (-1 -1 without a cursor), then every cell as
/// its style byte, its text and a zero byte. A cell's text never holds a zero byte: text
/// from files is made inert before it reaches a cell.
public enum FrameBytes {
    public static func encode(_ frame: ScreenBuffer) -> [UInt8] {
        var bytes = Array("frame \(frame.size.rows) \(frame.size.cols) \(frame.cursor?.row ?? -1) \(frame.cursor?.col ?? -1)\n".utf8)
        bytes.reserveCapacity(bytes.count + frame.cells.count * 3)
        for cell in frame.cells {
            bytes.append(styleByte(cell.style))
            bytes.append(contentsOf: cell.text.utf8)
            bytes.append(0)
        }
        return bytes
    }

    /// The frame, or nil when the bytes are not exactly one frame of `size`.
    public static func decode(_ bytes: ArraySlice<UInt8>, size: Size) -> ScreenBuffer? {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let fields = bytes[..<newline].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 5, fields[0] == "frame", Int(fields[1]) == size.rows, Int(fields[2]) == size.cols,
              let cursorRow = Int(fields[3]), let cursorCol = Int(fields[4]) else { return nil }
        var frame = ScreenBuffer(size: size)
        if cursorRow >= 0 || cursorCol >= 0 {
            guard (0..<size.rows).contains(cursorRow), (0..<size.cols).contains(cursorCol) else { return nil }
            frame.cursor = Position(row: cursorRow, col: cursorCol)
        }
        var index = bytes.index(after: newline)
        for place in frame.cells.indices {
            guard index < bytes.endIndex, let style = style(bytes[index]),
                  let end = bytes[(index + 1)...].firstIndex(of: 0),
                  let text = String(validating: bytes[(index + 1)..<end], as: UTF8.self) else { return nil }
            frame.cells[place] = Cell(text, style: style)
            index = end + 1
        }
        return index == bytes.endIndex ? frame : nil
    }

    /// The role in the low four bits, then bold, reverse and underline.
    static func styleByte(_ style: Style) -> UInt8 {
        style.role.rawValue | (style.bold ? 0x10 : 0) | (style.reverse ? 0x20 : 0) | (style.underline ? 0x40 : 0)
    }

    static func style(_ byte: UInt8) -> Style? {
        guard byte & 0x80 == 0, let role = Role(rawValue: byte & 0x0F) else { return nil }
        return Style(role, bold: byte & 0x10 != 0, reverse: byte & 0x20 != 0, underline: byte & 0x40 != 0)
    }
}
