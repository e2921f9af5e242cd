/// Which action a key means, given what is on screen. The one place keys are bound.
public enum KeyMap {
    public static func action(for key: Key, in state: AppState) -> Action? {
        if key == .resize { return nil }  // the shell turns a resize into .resize(Size)
        // The wheel moves as the arrows do; a click means something only on a list.
        if key == .wheelUp { return action(for: .up, in: state) }
        if key == .wheelDown { return action(for: .down, in: state) }
        if case .click(let row, let col) = key {
            // A click means something only on a screen's list, with nothing over it.
            return state.modal == nil ? .click(row: row, col: col) : nil
        }
        switch state.modal {
        case .fileConflict:
            switch key {
            case .char("r"): return .resolveConflict(keepMine: false)
            case .char("o"): return .resolveConflict(keepMine: true)
            case .char("q"): return .quit
            default: return nil
            }
        case .reviewPrompt:
            switch key {
            case .char("h"), .char("1"): return .rate(.hard)
            case .char("g"), .char("2"): return .rate(.good)
            case .char("e"), .char("3"): return .rate(.easy)
            case .escape: return .close
            default: return nil
            }
        case .cardReview(let session):
            if !session.revealed { return textField(key) }
            switch key {
            case .char("1"): return .rateCard(.again)
            case .char("2"), .char("h"): return .rateCard(.hard)
            case .char("3"), .char("g"): return .rateCard(.good)
            case .char("4"), .char("e"): return .rateCard(.easy)
            case .char("u"): return .undo
            case .escape: return .close
            default: return nil
            }
        case .drill(let session):
            if !session.revealed { return textField(key) }
            switch key {
            case .up, .char("k"): return .moveUp
            case .down, .char("j"): return .moveDown
            case .char(" "): return .toggleTick
            case .enter: return .confirm
            case .char("1"): return .rateCard(.again)
            case .char("2"), .char("h"): return .rateCard(.hard)
            case .char("3"), .char("g"): return .rateCard(.good)
            case .char("4"), .char("e"): return .rateCard(.easy)
            case .escape: return .close
            default: return nil
            }
        case .finishNote, .itemEditor: return textField(key)
        case .deleteEntry, .deleteIdea: return yesNo(key)
        case .entryForm: return formKey(key)
        case .ideaForm(let form): return form.confirmingDiscard ? yesNo(key) : formKey(key)
        case .backlogFilter:
            switch key {
            case .up: return .moveUp
            case .down: return .moveDown
            default: return textField(key)
            }
        case .search:
            switch key {
            case .up: return .moveUp
            case .down: return .moveDown
            case .pageUp: return .pageUp
            case .pageDown: return .pageDown
            default: return textField(key)
            }
        case .help:
            if let move = moveKey(key) { return move }
            switch key {
            case .char("q"): return .quit
            case .tab: return .nextScreen
            case .backTab: return .previousScreen
            case .char(let c) where c.isNumber:
                return c.wholeNumberValue.flatMap(Screen.init(rawValue:)).map { .showScreen($0) } ?? .close
            default: return .close  // any other key leaves help, like less and htop
            }
        case .detail:
            switch key {
            case .escape, .enter, .left, .char("h"): return .close
            case .up, .char("k"): return .moveUp
            case .down, .char("j"): return .moveDown
            case .pageUp: return .pageUp
            case .pageDown: return .pageDown
            case .home, .char("g"): return .moveTop
            case .end, .char("G"): return .moveBottom
            case .tab: return .nextScreen
            case .backTab: return .previousScreen
            case .char("n"): return .editNote
            case .char("p"): return .editProof
            case .char("w"): return .startDrill
            case .char(let c) where c.isNumber: return c.wholeNumberValue.flatMap(Screen.init(rawValue:)).map { .showScreen($0) }
            default:
                // The item keys of the screen beneath: on Today the plan's, on Tracks the status.
                if state.screen == .today {
                    switch key {
                    case .char(" "): return .markDone
                    case .char("s"): return .toggleTimer
                    case .char("f"): return .finishSession
                    default: return common(key)
                    }
                }
                switch key {
                case .char(" "): return .cycleStatus
                case .char("s"): return .toggleSkip
                default: return common(key)
                }
            }
        case nil:
            if let action = screenKey(key) { return action }
            switch state.screen {
            case .today: return todayKey(key)
            case .tracks: return tracksKey(key)
            case .backlog: return backlogKey(key)
            case .history:
                switch key {
                case .char("d"): return .deleteEntry
                case .char("e"), .enter: return .editEntry
                default: return common(key)
                }
            }
        }
    }

    private static func formKey(_ key: Key) -> Action? {
        switch key {
        case .tab, .down: .nextField
        case .backTab, .up: .previousField
        default: textField(key)
        }
    }

    /// The keys that move through a list, the same in every one.
    private static func moveKey(_ key: Key) -> Action? {
        switch key {
        case .up, .char("k"): .moveUp
        case .down, .char("j"): .moveDown
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .home, .char("g"): .moveTop
        case .end, .char("G"): .moveBottom
        default: nil
        }
    }

    /// Keys that move and switch screens the same way everywhere.
    private static func screenKey(_ key: Key) -> Action? {
        if let move = moveKey(key) { return move }
        return switch key {
        case .tab: .nextScreen
        case .backTab: .previousScreen
        case .escape: .close
        case .char("/"): .openSearch
        case .char(let c) where c.isNumber: c.wholeNumberValue.flatMap(Screen.init(rawValue:)).map { .showScreen($0) }
        default: nil
        }
    }

    private static func todayKey(_ key: Key) -> Action? {
        switch key {
        case .enter: .open
        case .char(" "): .markDone
        case .char("s"): .toggleTimer
        case .char("f"): .finishSession
        case .char("+"), .char("="): .changeGoal(GoalStep.minutes)
        case .char("-"): .changeGoal(-GoalStep.minutes)
        case .char(">"): .cycleFocus(1)
        case .char("<"): .cycleFocus(-1)
        default: common(key)
        }
    }

    private static func tracksKey(_ key: Key) -> Action? {
        switch key {
        case .left, .char("h"): .focusLeft
        case .right, .char("l"): .focusRight
        case .enter: .open
        case .char(" "): .cycleStatus
        case .char("s"): .toggleSkip
        case .char("n"): .editNote
        case .char("p"): .editProof
        case .char("f"): .setFocus
        default: common(key)
        }
    }

    private static func backlogKey(_ key: Key) -> Action? {
        switch key {
        case .enter, .char("e"): .editIdea
        case .char("a"): .addIdea
        case .char("d"): .deleteIdea
        case .char("x"): .cycleIdeaStatus
        default: common(key)
        }
    }

    private static func yesNo(_ key: Key) -> Action? {
        switch key {
        case .char("y"), .char("Y"): .answer(true)
        case .char("n"), .char("N"), .escape: .answer(false)
        default: nil
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
        switch state.modal {
        case .fileConflict:
            return [("r", "take the file on disk"), ("o", "keep yours"), ("q", "quit")]
        case .reviewPrompt(let id):
            let title = state.curriculum.item(id: id)?.title ?? id
            return [("How did the review of \(title) go?", ""), ("h", "hard"), ("g", "good"), ("e", "easy"), ("Esc", "later")]
        case .cardReview(let session):
            if !session.revealed { return [("Type your answer", "(optional)"), ("Enter", "show the points"), ("Esc", "later")] }
            return [("1", "again"), ("2 h", "hard"), ("3 g", "good"), ("4 e", "easy"), ("u", "undo"), ("Esc", "later")]
        case .drill(let session):
            if !session.revealed { return [("Write your answer", ""), ("Enter", "show the rubric"), ("Esc", "leave")] }
            return [("↑↓", "move"), ("Space", "tick"), ("Enter", "keep, suggested rating"), ("1–4", "keep, rated"), ("Esc", "leave")]
        case .finishNote:
            return [("Finish the session:", "type a note (optional)"), ("Enter", "log it"), ("Esc", "keep going")]
        case .deleteEntry: return [("y", "delete the session"), ("n", "keep")]
        case .entryForm:
            return [("Tab", "minutes / note"), ("Enter", "save"), ("Esc", "cancel")]
        case .ideaForm(let form):
            if form.confirmingDiscard { return [("y", "drop the changes"), ("n", "keep editing")] }
            return [("Tab ↓", "next"), ("S-Tab ↑", "previous"), ("←→", "move or choose"), ("Enter", "save"), ("Esc", "cancel")]
        case .deleteIdea: return [("y", "delete"), ("n", "keep")]
        case .backlogFilter:
            return [("type", "filter"), ("↑↓", "choose"), ("Enter", "keep filter"), ("Esc", "clear")]
        case .search:
            return [("type", "search"), ("↑↓", "choose"), ("Enter", "go to"), ("Esc", "close")]
        case .itemEditor(let editor):
            let what = editor.field == .note ? "note" : "links, spaces between"
            return [("type", what), ("←→ Home End", "move"), ("Enter", "save"), ("Esc", "cancel")]
        case .help:
            return [("↑↓", "scroll"), ("any key", "close help"), ("q", "quit")]
        case .detail where state.screen == .today:
            return [("↑↓", "scroll"), ("Space", "done / review"), ("s", "timer"), ("n", "note"), ("p", "proof"),
                    ("Esc", "close"), ("u", "undo"), ("q", "quit")]
        case .detail:
            return [("↑↓", "scroll"), ("Space", "status"), ("s", "skip"), ("n", "note"), ("p", "proof"), ("Esc", "close"),
                    ("u", "undo"), ("q", "quit")]
        case nil where state.screen == .today:
            return [("↑↓", "item"), ("Space", "done / review"), ("s", "timer"), ("f", "finish"), ("+-", "goal"),
                    ("<>", "focus"), ("Enter", "detail"), ("Tab", "screen"), ("u", "undo"), ("?", "help"), ("q", "quit")]
        case nil where state.screen == .history:
            return [("↑↓", "journal"), ("e", "edit session"), ("d", "delete session"), ("Tab", "screen"), ("u", "undo"),
                    ("?", "help"), ("q", "quit")]
        case nil where state.screen == .backlog:
            return [("↑↓", "idea"), ("a", "add"), ("e", "edit"), ("d", "delete"), ("x", "status"), ("/", "filter"),
                    ("Tab", "screen"), ("u", "undo"), ("?", "help"), ("q", "quit")]
        case nil:
            if state.tracksCursor.pane == .tracks {
                return [("↑↓", "track"), ("→/Enter", "items"), ("f", "focus"), ("/", "search"), ("u", "undo"),
                        ("?", "help"), ("q", "quit")]
            }
            return [("↑↓", "item"), ("Space", "status"), ("s", "skip"), ("Enter", "detail"), ("n", "note"),
                    ("/", "search"), ("←", "tracks"), ("u", "undo"), ("?", "help"), ("q", "quit")]
        }
    }

    /// The help of a screen as the lines the help box lists.
    public static func helpLines(for screen: Screen) -> [HelpLine] {
        var lines: [HelpLine] = []
        for section in help(for: screen) {
            if !lines.isEmpty { lines.append(.gap) }
            lines.append(.heading(section.section))
            lines += section.keys.map { .key($0.key, $0.label) }
        }
        return lines
    }

    /// The help for one screen: moving, that screen's keys, and the keys of everywhere.
    public static func help(for screen: Screen) -> [(section: String, keys: [(key: String, label: String)])] {
        help.filter { ["Move", screen.title, "Everywhere"].contains($0.section) }
    }

    /// Every key, for the help overlay.
    public static let help: [(section: String, keys: [(key: String, label: String)])] = [
        ("Move", [
            ("↑ ↓  k j", "previous / next"),
            ("PgUp PgDn", "a page up / down"),
            ("g G  Home End", "first / last"),
            ("← →  h l", "track list / items"),
        ]),
        ("Today", [
            ("Space", "mark the planned item done (a review asks h/g/e)"),
            ("s", "start / pause / resume the session timer"),
            ("f", "finish and log the session, with a note"),
            ("Enter", "open the planned item"),
            ("+ -", "daily goal 5 minutes more / less"),
            ("> <", "next / previous focus track"),
        ]),
        ("Tracks", [
            ("Enter", "open the item's detail (or enter a track)"),
            ("Space", "cycle status: todo → doing → done"),
            ("s", "skip the item (again to un-skip)"),
            ("n", "note on the item (Enter saves, Esc cancels)"),
            ("p", "proof of work: links to a repo, a write-up"),
            ("f", "focus on this track (again: clear)"),
            ("/", "search titles, summaries and resources"),
            ("Esc", "close the detail or the search"),
        ]),
        ("Backlog", [
            ("a  e  Enter", "add an idea / edit the selected one"),
            ("d", "delete the idea (asks y/n)"),
            ("x", "status: idea → active → shipped → dropped"),
            ("Tab ↓  S-Tab ↑", "in the form: next / previous field"),
            ("← →", "in the form: choose impact and status"),
        ]),
        ("History", [
            ("↑ ↓  PgUp PgDn", "choose a session in the journal"),
            ("e  Enter", "edit the selected session's minutes and note"),
            ("d", "delete the selected session (asks y/n)"),
        ]),
        ("Everywhere", [
            ("1 2 3 4  Tab", "Today / Tracks / Backlog / History"),
            ("u", "undo the last change (several steps)"),
            ("?", "this help"),
            ("q", "quit"),
        ]),
    ]
}
