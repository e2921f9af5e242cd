import CoachCore

/// A frame as the terminal paints it: each row as runs of cells of one style, the
/// text of a run joined. `Terminal` paints every frame through `runs`, and a frame kept
/// between runs (`KeptFrame`) is kept as these runs, so the next start paints it
/// straight from its bytes, without building a cell or a String.
///
/// The bytes: a line "frame ROWS COLS CURSOR_ROW CURSOR_COL" (-1 -1 without a cursor),
/// then each row as its number of runs (two bytes, low first) and each run as its first
/// column (two bytes), its style byte, its text and a zero byte.
public enum FrameBytes {
    public struct Run: Equatable {
        public var col: Int
        public var style: Style
        public var text: String
    }

    /// One row's runs, from the left. The bottom-right cell is left out: a terminal
    /// scrolls when it is written.
    public static func runs(of frame: ScreenBuffer, row: Int) -> [Run] {
        var runs: [Run] = []
        var col = 0
        let cols = frame.size.cols
        while col < cols {
            let style = frame[row, col].style
            var run = Run(col: col, style: style, text: "")
            while col < cols, frame[row, col].style == style {
                run.text += frame[row, col].text
                col += 1
            }
            if row == frame.size.rows - 1, col == cols, !run.text.isEmpty { run.text.removeLast() }
            runs.append(run)
        }
        return runs
    }

    public static func encode(_ frame: ScreenBuffer) -> [UInt8] {
        var bytes = Array("frame \(frame.size.rows) \(frame.size.cols) \(frame.cursor?.row ?? -1) \(frame.cursor?.col ?? -1)\n".utf8)
        bytes.reserveCapacity(bytes.count + frame.cells.count * 2)
        for row in 0..<frame.size.rows {
            let runs = runs(of: frame, row: row)
            appendNumber(runs.count, to: &bytes)
            for run in runs {
                appendNumber(run.col, to: &bytes)
                bytes.append(styleByte(run.style))
                bytes.append(contentsOf: run.text.utf8)
                bytes.append(0)
            }
        }
        return bytes
    }

    /// The frame in `bytes`, checked: nil unless they are exactly one frame of `size`,
    /// every run's text valid UTF-8 that is safe to send (`TerminalText.isSafe`, no layout
    /// characters).
    public static func decode(_ bytes: ArraySlice<UInt8>, size: Size) -> PaintedFrame? {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let fields = bytes[..<newline].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 5, fields[0] == "frame", Int(fields[1]) == size.rows, Int(fields[2]) == size.cols,
              let cursorRow = Int(fields[3]), let cursorCol = Int(fields[4]) else { return nil }
        var cursor: Position?
        if cursorRow >= 0 || cursorCol >= 0 {
            guard (0..<size.rows).contains(cursorRow), (0..<size.cols).contains(cursorCol) else { return nil }
            cursor = Position(row: cursorRow, col: cursorCol)
        }
        let frame = PaintedFrame(size: size, cursor: cursor, bytes: Array(bytes[(newline + 1)...]))
        var valid = true
        let complete = frame.forEachRun { _, col, _, text in
            guard col < size.cols, let string = String(validating: text, as: UTF8.self),
                  TerminalText.isSafe(string), !text.contains(0x0A), !text.contains(0x09) else { return valid = false }
        }
        return complete && valid ? frame : nil
    }

    static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        bytes.append(UInt8(number & 0xFF))
        bytes.append(UInt8((number >> 8) & 0xFF))
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

/// A frame read back from its bytes (`FrameBytes.decode`), ready to paint run by run.
public struct PaintedFrame: Equatable {
    public let size: Size
    public let cursor: Position?
    /// The rows' runs, as `FrameBytes` writes them.
    let bytes: [UInt8]

    /// Calls `body` with each run's row, first column, style and text; false when the
    /// bytes end early, run on past the last row, or hold a style that does not exist.
    @discardableResult
    public func forEachRun(_ body: (_ row: Int, _ col: Int, _ style: Style, _ text: ArraySlice<UInt8>) -> Void) -> Bool {
        var index = 0
        func number() -> Int? {
            guard index + 2 <= bytes.count else { return nil }
            defer { index += 2 }
            return Int(bytes[index]) | Int(bytes[index + 1]) << 8
        }
        for row in 0..<size.rows {
            guard let count = number() else { return false }
            for _ in 0..<count {
                guard let col = number(), index < bytes.count, let style = FrameBytes.style(bytes[index]),
                      let end = bytes[(index + 1)...].firstIndex(of: 0) else { return false }
                body(row, col, style, bytes[(index + 1)..<end])
                index = end + 1
            }
        }
        return index == bytes.count
    }
}
