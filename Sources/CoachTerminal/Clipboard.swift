import FoundationEssentials

/// OSC 52, the escape that asks the terminal to put text on the clipboard: it works
/// over ssh, and tmux (with `set-clipboard on`) takes it into its buffer and passes it
/// on. It draws nothing, so it can be written beside curses.
public enum Clipboard {
    public static func sequence(_ text: String) -> String {
        "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
    }
}
