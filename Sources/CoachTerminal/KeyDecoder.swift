import CNcurses
import CoachCore

/// ncurses key codes and characters → `Key`.
enum KeyDecoder {
    /// The key codes `Terminal` has curses report for ESC[200~ and ESC[201~, the two
    /// ends of a bracketed paste: past every code curses itself uses.
    static let pasteStart = KEY_MAX + 1
    static let pasteEnd = KEY_MAX + 2
    /// The most a paste keeps: more than any field holds (`TextLimits.line`).
    static let longestPaste = 4 * TextLimits.line

    /// The characters of one paste as they arrive: a line break is kept as one (CR LF,
    /// CR and LF alike), other control characters are dropped, and text past
    /// `longestPaste` is left out (but read, so it does not arrive as keys).
    struct Paste {
        private(set) var scalars = String.UnicodeScalarView()
        private var count = 0
        private var afterCR = false

        mutating func add(_ value: UInt32) {
            let wasCR = afterCR
            afterCR = value == 13
            if value == 10, wasCR { return }
            guard count < KeyDecoder.longestPaste else { return }
            let kept: Unicode.Scalar
            switch value {
            case 10, 13: kept = "\n"
            case 9: kept = " "
            case 0..<32, 127, 0x80..<0xA0: return
            default:
                guard let scalar = Unicode.Scalar(value) else { return }
                kept = scalar
            }
            scalars.append(kept)
            count += 1
        }

        var text: String { String(scalars) }
    }

    static func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        default: nil
        }
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return Unicode.Scalar(value + 96).map { .control(Character($0)) }
        default:
            guard value >= 32, let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// The key a character makes when it came right behind an ESC (in the same read):
    /// Alt held with it. Nil for what is not a printable character, which is then
    /// read as a key of its own after a plain Esc.
    static func alt(_ value: UInt32) -> Key? {
        guard value >= 32, value != 127, let scalar = Unicode.Scalar(value) else { return nil }
        return .alt(Character(scalar))
    }
}
