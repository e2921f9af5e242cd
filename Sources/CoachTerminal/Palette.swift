import CNcurses
import CoachUI

/// Roles → curses colour pairs and attributes. Colours follow the terminal's own
/// background (`use_default_colors`); without colour, or with NO_COLOR set, roles are
/// told apart by bold, dim and reverse only.
struct Palette {
    /// The colour pair of each role, by its raw value (an array: the first dictionary keyed
    /// by a type costs a conformance search at start); 0 for none.
    private var pairs = [Int32](repeating: 0, count: Role.allCases.count)

    static func make(noColor: Bool) -> Palette {
        var palette = Palette()
        guard !noColor, has_colors() else { return palette }
        start_color()
        use_default_colors()
        let colours: [(Role, Int32)] = [
            (.heading, Int32(COLOR_CYAN)), (.accent, Int32(COLOR_CYAN)), (.good, Int32(COLOR_GREEN)),
            (.warn, Int32(COLOR_YELLOW)), (.bad, Int32(COLOR_RED)), (.bar, Int32(COLOR_GREEN)),
            (.title, Int32(COLOR_BLUE)),
        ]
        for (index, (role, colour)) in colours.enumerated() {
            let pair = Int32(index + 1)
            if init_pair(Int16(pair), Int16(colour), -1) == OK {
                palette.pairs[Int(role.rawValue)] = pair
            }
        }
        return palette
    }

    func apply(_ style: Style, to window: UnsafeMutablePointer<WINDOW>) {
        var attributes = coach_a_normal()
        if style.bold { attributes |= coach_a_bold() }
        if style.reverse { attributes |= coach_a_reverse() }
        if style.underline { attributes |= coach_a_underline() }
        if style.role == .dim || style.role == .barEmpty { attributes |= coach_a_dim() }
        let pair = pairs[Int(style.role.rawValue)]
        if pair != 0 { attributes |= UInt32(bitPattern: coach_color_pair(pair)) }
        wattrset(window, Int32(bitPattern: attributes))
    }
}
