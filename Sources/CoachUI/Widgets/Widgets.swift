import CoachCore

/// Small drawing pieces shared by the views.
extension ScreenBuffer {
    /// `████░░░░` filled to `fraction` (0...1; anything else is clamped, NaN is empty).
    public mutating func progressBar(row: Int, col: Int, width: Int, fraction: Double) {
        guard width > 0 else { return }
        let safe = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let filled = Int((safe * Double(width)).rounded(.down))
        fill(row: row, col: col, width: filled, with: "█", style: Style(.bar))
        fill(row: row, col: col + filled, width: width - filled, with: "░", style: Style(.barEmpty))
    }

    /// A framed box with a title in its top edge; the inside is cleared.
    public mutating func box(_ rect: Rect, title: String) {
        guard rect.rows >= 2, rect.cols >= 2 else { return }
        let style = Style(.accent)
        for r in rect.row..<(rect.row + rect.rows) {
            fill(row: r, col: rect.col, width: rect.cols)
        }
        fill(row: rect.row, col: rect.col + 1, width: rect.cols - 2, with: "─", style: style)
        fill(row: rect.row + rect.rows - 1, col: rect.col + 1, width: rect.cols - 2, with: "─", style: style)
        for r in (rect.row + 1)..<(rect.row + rect.rows - 1) {
            put("│", row: r, col: rect.col, style: style)
            put("│", row: r, col: rect.col + rect.cols - 1, style: style)
        }
        put("┌", row: rect.row, col: rect.col, style: style)
        put("┐", row: rect.row, col: rect.col + rect.cols - 1, style: style)
        put("└", row: rect.row + rect.rows - 1, col: rect.col, style: style)
        put("┘", row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1, style: style)
        if !title.isEmpty {
            put(" \(title) ", row: rect.row, col: rect.col + 2, width: rect.cols - 4, style: Style(.title, bold: true))
        }
    }

    /// The bottom line: the keys that work here, or a message in their place. When they
    /// do not all fit, hints are dropped from the middle: the last ones (help, quit)
    /// always stay.
    public mutating func keyBar(_ hints: [(key: String, label: String)], message: String?, row: Int) {
        fill(row: row, col: 0, width: size.cols, style: Style(.keyHint))
        if let message {
            put(" " + message, row: row, col: 0, style: Style(.accent, bold: true))
            return
        }
        func width(_ hint: (key: String, label: String)) -> Int {
            DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label) + 2
        }
        var shown = hints
        let kept = min(2, hints.count)
        while shown.count > kept, 1 + shown.reduce(0, { $0 + width($1) }) > size.cols {
            shown.remove(at: shown.count - kept - 1)
        }
        var col = 1
        for hint in shown {
            if col + width(hint) > size.cols + 2 { break }
            col += put(hint.key, row: row, col: col, style: Style(.keyHint, bold: true))
            col += put(" " + hint.label + "  ", row: row, col: col, style: Style(.keyHint))
        }
    }

    /// The top line: program, screen and a right-aligned summary.
    public mutating func titleBar(screen: String, right: String) {
        fill(row: 0, col: 0, width: size.cols, style: Style(.title, reverse: true))
        let used = put(" Coach · \(screen)", row: 0, col: 0, style: Style(.title, bold: true, reverse: true))
        let rightWidth = DisplayWidth.of(right)
        if used + rightWidth + 2 <= size.cols {
            put(right, row: 0, col: size.cols - rightWidth - 1, style: Style(.title, reverse: true))
        }
    }
}

/// How an item status is drawn in lists.
public enum StatusMark {
    public static func text(_ status: ItemStatus) -> String {
        switch status {
        case .todo: "[ ]"
        case .doing: "[~]"
        case .done: "[x]"
        case .skipped: "[-]"
        }
    }

    public static func role(_ status: ItemStatus) -> Role {
        switch status {
        case .todo: .normal
        case .doing: .warn
        case .done: .good
        case .skipped: .dim
        }
    }
}
