/// The messages the key bar has shown, newest last, so one cut short at the edge (or
/// gone with the next key) can be read in full: `M` lists them.
public struct MessageLog: Equatable, Sendable {
    public static let depth = 50
    public private(set) var messages: [String] = []

    public init() {}

    mutating func add(_ message: String) {
        messages.append(message)
        if messages.count > Self.depth { messages.removeFirst(messages.count - Self.depth) }
    }
}

/// The `M` box's lines, shared by the engine (scrolling) and the view: the messages
/// newest first, each wrapped to the box's width.
public enum MessageLogLayout {
    public static let boxWidth = 76

    /// The text's width inside a box that fits `viewport`.
    public static func textWidth(_ viewport: Size) -> Int {
        max(10, min(boxWidth, viewport.cols - 2) - 4)
    }

    public static func lines(_ log: MessageLog, _ viewport: Size) -> [String] {
        let width = textWidth(viewport)
        guard !log.messages.isEmpty else { return ["No messages yet."] }
        var lines: [String] = []
        for message in log.messages.reversed() {
            let wrapped = TextWrap.wrap(message, width: width - 2)
            for (index, line) in wrapped.enumerated() { lines.append((index == 0 ? "• " : "  ") + line) }
        }
        return lines
    }

    /// The rows of text the box shows: the window less a row above and below, its frame.
    public static func visibleRows(_ viewport: Size, lines: Int) -> Int {
        max(1, min(lines, viewport.rows - 4))
    }
}

/// What of a message fits the key bar: all of it, or its words up to the edge and "…",
/// never half a word.
public enum MessageFit {
    public static func fit(_ message: String, width: Int) -> String {
        guard width > 1 else { return "" }
        if DisplayWidth.of(message) <= width { return message }
        var kept = ""
        var used = 0
        for word in message.split(separator: " ", omittingEmptySubsequences: false) {
            let piece = (kept.isEmpty ? "" : " ") + word
            let w = DisplayWidth.of(piece)
            if used + w + 1 > width { break }
            kept += piece
            used += w
        }
        // One word longer than the bar is cut where it must be.
        if kept.isEmpty { return DisplayWidth.truncate(message, to: width) }
        while kept.hasSuffix(" ") || kept.hasSuffix(":") || kept.hasSuffix(",") || kept.hasSuffix("·") { kept.removeLast() }
        return kept + "…"
    }
}
