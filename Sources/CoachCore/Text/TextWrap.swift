/// Word wrapping by display width, for summaries and help text.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                // A word longer than the line is cut into pieces.
                while DisplayWidth.of(word) > width {
                    if !line.isEmpty { lines.append(line); line = ""; lineWidth = 0 }
                    var piece = ""
                    var used = 0
                    for c in word {
                        if used + DisplayWidth.of(c) > width { break }
                        piece.append(c)
                        used += DisplayWidth.of(c)
                    }
                    lines.append(piece)
                    word.removeFirst(piece.count)
                }
                let w = DisplayWidth.of(word)
                if w == 0 { continue }
                if lineWidth == 0 {
                    line = word
                    lineWidth = w
                } else if lineWidth + 1 + w <= width {
                    line += " " + word
                    lineWidth += 1 + w
                } else {
                    lines.append(line)
                    line = word
                    lineWidth = w
                }
            }
            lines.append(line)
        }
        return lines
    }
}
