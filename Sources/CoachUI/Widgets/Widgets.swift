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

    /// A framed box with a title in its top edge; the inside and a one-cell margin
    /// round it are cleared, so nothing of the screen beneath runs up to its frame.
    public mutating func box(_ rect: Rect, title: String) {
        guard rect.rows >= 2, rect.cols >= 2 else { return }
        let style = Style(.accent)
        for r in (rect.row - 1)...(rect.row + rect.rows) {
            fill(row: r, col: rect.col - 1, width: rect.cols + 2)
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

    /// The bottom line: the question on screen and the keys that work here, or a
    /// message in their place; see `KeyBarFit` for what goes when they do not fit.
    public mutating func keyBar(_ bar: KeyBar, message: String?, row: Int) {
        fill(row: row, col: 0, width: size.cols, style: Style(.keyHint))
        if let message {
            drawMessage(message, row: row)
            return
        }
        let fit = KeyBarFit(bar, cols: size.cols)
        var col = 1
        if let prompt = fit.prompt {
            col += put(prompt + "  ", row: row, col: col, style: Style(.keyHint, bold: true))
        }
        for hint in fit.hints {
            if col + KeyBarFit.width(hint) > size.cols + 2 { break }
            col += put(hint.key, row: row, col: col, style: Style(.keyHint, bold: true))
            col += put(" " + hint.label + "  ", row: row, col: col, style: Style(.keyHint))
        }
    }

    /// A message never ends mid-word at the edge: one too long for the bar takes the row
    /// above it too, and one too long for both ends at a word with "…" and says where
    /// the rest is (`M`).
    mutating func drawMessage(_ message: String, row: Int) {
        let style = Style(.accent, bold: true)
        let width = size.cols - 2
        let lines = TextWrap.wrap(message, width: width)
        guard lines.count > 1, row > 0 else {
            put(" " + MessageFit.fit(message, width: width), row: row, col: 0, style: style)
            return
        }
        fill(row: row - 1, col: 0, width: size.cols, style: Style(.keyHint))
        put(" " + lines[0], row: row - 1, col: 0, style: style)
        let rest = lines.dropFirst().joined(separator: " ")
        guard lines.count > 2 else {
            put(" " + rest, row: row, col: 0, style: style)
            return
        }
        let more = "  M: all"
        let used = put(" " + MessageFit.fit(rest, width: width - more.count), row: row, col: 0, style: style)
        put(more, row: row, col: used, style: Style(.keyHint))
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

/// What of a key bar fits in a width: the least important hints go first, a prompt's
/// answers never; the prompt is cut to the room left (its subject first).
public struct KeyBarFit: Equatable, Sendable {
    public let prompt: String?
    public let hints: [Binding.Hint]
    /// A prompt keeps at least this much of itself before hints are dropped for it.
    static let promptMinimum = 12

    static func width(_ hint: Binding.Hint) -> Int {
        DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label) + 2
    }

    public init(_ bar: KeyBar, cols: Int) {
        var hints = bar.hints
        let promptWidth = bar.prompt.map { min(Self.promptMinimum, DisplayWidth.of($0.text)) + 2 } ?? 0
        func used() -> Int { 1 + promptWidth + hints.reduce(0) { $0 + Self.width($1) } }
        while used() > cols, let lowest = hints.map(\.priority).filter({ $0 < KeyBar.answer }).min(),
              let index = hints.lastIndex(where: { $0.priority == lowest }) {
            hints.remove(at: index)
        }
        self.hints = hints
        guard let prompt = bar.prompt else {
            self.prompt = nil
            return
        }
        let room = cols - 1 - hints.reduce(0) { $0 + Self.width($1) } - 2
        if DisplayWidth.of(prompt.text) <= room {
            self.prompt = prompt.text
        } else if DisplayWidth.of(prompt.lead + prompt.tail) + 6 <= room {
            let subject = DisplayWidth.truncate(prompt.subject, to: room - DisplayWidth.of(prompt.lead + prompt.tail))
            self.prompt = prompt.lead + subject + prompt.tail
        } else {
            self.prompt = room >= 4 ? DisplayWidth.truncate(prompt.subject, to: room) : nil
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
