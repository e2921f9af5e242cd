import CoachCore

/// `M`: the last messages in full, newest first, in a box that scrolls with its cursor.
enum MessageLogView: View {
    static func draw(_ model: (log: MessageLog, list: ListCursor), in area: Rect, into buffer: inout ScreenBuffer) {
        let size = Size(rows: area.rows, cols: area.cols)
        let lines = MessageLogLayout.lines(model.log, size)
        let visible = MessageLogLayout.visibleRows(size, lines: lines.count)
        let rect = Rect.centered(in: size, rows: visible + 2, cols: MessageLogLayout.boxWidth, margin: 1)
        let first = model.list.first(height: visible, total: lines.count)
        let more = lines.count > visible ? " · \(first + 1)–\(first + visible) of \(lines.count)" : ""
        buffer.box(rect, title: "Messages, newest first" + more)
        ListWidget.draw(count: lines.count, cursor: model.list, in: Rect(row: rect.row + 1, col: rect.col + 1, rows: visible, cols: rect.cols - 2),
                        into: &buffer) { index, row, buffer in
            buffer.put(lines[index], row: row, col: rect.col + 2, width: rect.cols - 4,
                       style: model.log.messages.isEmpty ? Style(.dim) : .plain)
        }
    }
}
