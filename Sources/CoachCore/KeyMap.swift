/// Which action a key means, given what is on screen. The one place keys are bound.
public enum KeyMap {
    public static func action(for key: Key, in state: AppState) -> Action? {
        if key == .resize { return nil }  // the shell turns a resize into .resize(Size)
        if state.search != nil {
            switch key {
            case .up: return .moveUp
            case .down: return .moveDown
            case .pageUp: return .pageUp
            case .pageDown: return .pageDown
            default: return textField(key)
            }
        }
        if state.noteEditor != nil { return textField(key) }
        switch state.overlay {
        case .help:
            switch key {
            case .char("q"): return .quit
            default: return .close  // any key leaves help, like less and htop
            }
        case .detail:
            switch key {
            case .escape, .enter, .left, .char("h"): return .close
            case .up, .char("k"): return .moveUp
            case .down, .char("j"): return .moveDown
            case .char(" "): return .cycleStatus
            case .char("s"): return .toggleSkip
            case .char("n"): return .editNote
            default: return common(key)
            }
        case nil:
            switch key {
            case .up, .char("k"): return .moveUp
            case .down, .char("j"): return .moveDown
            case .pageUp: return .pageUp
            case .pageDown: return .pageDown
            case .home, .char("g"): return .moveTop
            case .end, .char("G"): return .moveBottom
            case .left, .char("h"): return .focusLeft
            case .right, .char("l"): return .focusRight
            case .enter: return .open
            case .escape: return .close
            case .char(" "): return .cycleStatus
            case .char("s"): return .toggleSkip
            case .char("n"): return .editNote
            case .char("/"): return .openSearch
            case .char("f"): return .setFocus
            default: return common(key)
            }
        }
    }

    /// Keys in a text field: Enter confirms, Esc leaves, the rest edit.
    private static func textField(_ key: Key) -> Action? {
        switch key {
        case .enter: .confirm
        case .escape: .close
        default: LineEditor.edit(for: key).map { .edit($0) }
        }
    }

    private static func common(_ key: Key) -> Action? {
        switch key {
        case .char("u"): .undo
        case .char("?"): .toggleHelp
        case .char("q"): .quit
        default: nil
        }
    }

    /// The keys shown in the bottom bar for what is on screen now.
    public static func hints(for state: AppState) -> [(key: String, label: String)] {
        if state.search != nil {
            return [("type", "search"), ("↑↓", "choose"), ("Enter", "go to"), ("Esc", "close")]
        }
        if state.noteEditor != nil {
            return [("type", "note"), ("←→ Home End", "move"), ("Enter", "save"), ("Esc", "cancel")]
        }
        switch state.overlay {
        case .help:
            return [("any key", "close help"), ("q", "quit")]
        case .detail:
            return [("↑↓", "scroll"), ("Space", "status"), ("s", "skip"), ("n", "note"), ("Esc", "close"), ("u", "undo"), ("q", "quit")]
        case nil:
            if state.tracks.pane == .tracks {
                return [("↑↓", "track"), ("→/Enter", "items"), ("f", "focus"), ("/", "search"), ("u", "undo"),
                        ("?", "help"), ("q", "quit")]
            }
            return [("↑↓", "item"), ("Space", "status"), ("s", "skip"), ("Enter", "detail"), ("n", "note"),
                    ("/", "search"), ("←", "tracks"), ("u", "undo"), ("?", "help"), ("q", "quit")]
        }
    }

    /// Every key, for the help overlay.
    public static let help: [(section: String, keys: [(key: String, label: String)])] = [
        ("Move", [
            ("↑ ↓  k j", "previous / next"),
            ("PgUp PgDn", "a page up / down"),
            ("g G  Home End", "first / last"),
            ("← →  h l", "track list / items"),
        ]),
        ("Tracks", [
            ("Enter", "open the item's detail (or enter a track)"),
            ("Space", "cycle status: todo → doing → done"),
            ("s", "skip the item (again to un-skip)"),
            ("n", "note on the item (Enter saves, Esc cancels)"),
            ("f", "focus on this track (again: clear)"),
            ("/", "search titles, summaries and resources"),
            ("Esc", "close the detail or the search"),
        ]),
        ("Everywhere", [
            ("u", "undo the last change (several steps)"),
            ("?", "this help"),
            ("q", "quit"),
        ]),
    ]
}
