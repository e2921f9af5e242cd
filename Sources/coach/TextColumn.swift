/// Text in a fixed-width column of the CLI's plain output, as Foundation's
/// `padding(toLength:withPad:startingAt:)` made it: cut or padded with spaces to
/// `width` characters (ids and numbers, so characters are columns).
func column(_ text: String, _ width: Int) -> String {
    let count = text.count
    if count >= width { return String(text.prefix(width)) }
    return text + String(repeating: " ", count: width - count)
}
