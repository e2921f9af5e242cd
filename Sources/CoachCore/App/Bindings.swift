/// Every key of the program, in one table. The first binding of the context in force
/// that names a key decides what it does; the order here is also the order of the key
/// bar and of help.
public enum Bindings {
    typealias Hint = Binding.Hint

    static let screens = KeyContext.screens
    static let details = KeyContext.details
    /// The lists moved with ↑ ↓ k j, PgUp PgDn, g G, Home End (and the wheel).
    static let lists: [KeyContext] = screens + details + [.help, .messageLog]
    /// Where the screen keys (`1`–`4`, Tab) switch screens: closing help or the detail.
    static let switching: [KeyContext] = screens + details + [.help, .messageLog]

    static func chars(_ characters: String, _ action: Action) -> [(Key, Action)] {
        characters.map { (Key.char($0), action) }
    }

    static let yes: [(Key, Action)] = chars("yY", .answer(true))
    static let no: [(Key, Action)] = chars("nN", .answer(false)) + [(.escape, .answer(false))]

    public static let all: [Binding] = questions + fields + moves + todayKeys + tracksKeys + backlogKeys + historyKeys
        + detailKeys + everywhere

    /// The answers to a question on screen: these never leave the key bar.
    static let questions: [Binding] = [
        Binding("r", [(.char("r"), .resolveConflict(keepMine: false))], in: [.fileConflict],
                help: "read the file on disk (drops the change made here)", hint: Hint("r", "take the file on disk", 9)),
        Binding("o", [(.char("o"), .resolveConflict(keepMine: true))], in: [.fileConflict],
                help: "keep Coach's version: write it over the file", hint: Hint("o", "keep yours", 9)),
        Binding("h  1", [(.char("h"), .rate(.hard)), (.char("1"), .rate(.hard))], in: [.reviewPrompt],
                help: "the review was hard: it starts again tomorrow", hint: Hint("h", "hard", 9)),
        Binding("g  2", [(.char("g"), .rate(.good)), (.char("2"), .rate(.good))], in: [.reviewPrompt],
                help: "good: the next review one step later", hint: Hint("g", "good", 9)),
        Binding("e  3", [(.char("e"), .rate(.easy)), (.char("3"), .rate(.easy))], in: [.reviewPrompt],
                help: "easy: two steps later", hint: Hint("e", "easy", 9)),
        Binding("Esc", [(.escape, .close)], in: [.reviewPrompt], help: "ask again later", hint: Hint("Esc", "later", 9)),
        Binding("y", yes, in: [.discardChanges], help: "drop what was typed", hint: Hint("y", "drop the changes", 9)),
        Binding("n  Esc", no, in: [.discardChanges], help: "go back to what you were writing", hint: Hint("n", "keep editing", 9)),
        Binding("y", yes, in: [.deleteIdea], help: "delete the idea (u undoes)", hint: Hint("y", "delete", 9)),
        Binding("n  Esc", no, in: [.deleteIdea], help: "keep it", hint: Hint("n", "keep", 9)),
        Binding("y", yes, in: [.deleteEntry], help: "delete the session (u undoes)", hint: Hint("y", "delete the session", 9)),
        Binding("y", yes, in: [.logEstimate], help: "log the estimate as today's time on the item",
                hint: Hint("y", "log the estimate", 9)),
        Binding("n  Esc", no, in: [.logEstimate], help: "log no time", hint: Hint("n", "no time", 9)),
        Binding("↑ ↓", [(.up, .moveUp), (.down, .moveDown)], in: [.sessionSplit], help: "choose an item",
                hint: Hint("↑↓", "item", 8)),
        Binding("← →", [(.left, .focusLeft), (.right, .focusRight)], in: [.sessionSplit],
                help: "a minute less / more for the item", hint: Hint("←→", "minutes", 8)),
        Binding("Enter", [(.enter, .confirm)], in: [.sessionSplit], help: "credit the minutes as shown",
                hint: Hint("Enter", "credit", 9)),
        Binding("Esc", [(.escape, .close)], in: [.sessionSplit], help: "credit them by the time on each",
                hint: Hint("Esc", "by time", 9)),
        Binding("n  Esc", no, in: [.deleteEntry], help: "keep it", hint: Hint("n", "keep", 9)),
        Binding("1", [(.char("1"), .rateCard(.again))], in: [.cardRating, .drillRubric],
                help: "again: not remembered, it comes back tomorrow", hint: Hint("1", "again", 9)),
        Binding("2  h", [(.char("2"), .rateCard(.hard)), (.char("h"), .rateCard(.hard))], in: [.cardRating, .drillRubric],
                help: "hard: remembered with effort", hint: Hint("2 h", "hard", 9)),
        Binding("3  g", [(.char("3"), .rateCard(.good)), (.char("g"), .rateCard(.good))], in: [.cardRating, .drillRubric],
                help: "good: remembered", hint: Hint("3 g", "good", 9)),
        Binding("4  e", [(.char("4"), .rateCard(.easy)), (.char("e"), .rateCard(.easy))], in: [.cardRating, .drillRubric],
                help: "easy: remembered at once", hint: Hint("4 e", "easy", 9)),
        Binding("u", [(.char("u"), .undo)], in: [.cardRating], help: "take the last rating back",
                hint: Hint("u", "undo", 6)),
        Binding("Ctrl-R", [(.control("r"), .redo)], in: [.cardRating], help: "give the rating back that u took"),
        Binding("↑ ↓  k j", [(.up, .moveUp), (.char("k"), .moveUp), (.down, .moveDown), (.char("j"), .moveDown)],
                in: [.drillRubric], help: "move through the rubric", hint: Hint("↑↓", "move", 7)),
        Binding("Space", [(.char(" "), .toggleTick)], in: [.drillRubric], help: "tick what your answer covered",
                hint: Hint("Space", "tick", 9)),
        Binding("Enter", [(.enter, .confirm)], in: [.drillRubric], help: "keep the attempt, with the suggested rating",
                hint: Hint("Enter", "keep", 9)),
        Binding("Esc", [(.escape, .close)], in: [.cardRating, .drillRubric], help: "leave the rest for later",
                hint: Hint("Esc", "later", 9)),
    ]

    /// Every text field: one line, or several (`multiLine`).
    static let textFields: [KeyContext] = [.search, .backlogFilter, .noteEditor, .proofEditor, .finishNote, .ideaForm,
                                           .itemPicker, .entryForm, .cardQuestion, .drillAnswer]
    /// The texts of several lines: Enter is a line break there, and Ctrl-D is done.
    static let multiLine: [KeyContext] = [.noteEditor, .cardQuestion, .drillAnswer]

    /// Text fields and forms: what is not bound here is typed.
    static let fields: [Binding] = [
        Binding("type", [], in: [.search, .backlogFilter, .noteEditor, .proofEditor, .estimateEditor, .finishNote,
                                 .cardQuestion, .drillAnswer, .itemPicker, .breakEditor],
                help: "typed text goes into the field",
                hintIn: [.search: Hint("type", "search", 9), .backlogFilter: Hint("type", "filter", 9),
                         .itemPicker: Hint("type", "filter by title", 9),
                         .noteEditor: Hint("type", "note", 9), .proofEditor: Hint("type", "links, commas between", 9),
                         .estimateEditor: Hint("type", "minutes or 1h30", 9),
                         .finishNote: Hint("type", "a note (optional)", 9),
                         .breakEditor: Hint("type", "FIRST..LAST adds, -FIRST..LAST removes", 9),
                         .cardQuestion: Hint("type", "an answer", 9),
                         .drillAnswer: Hint("type", "your answer", 9)]),
        Binding("↑ ↓  PgUp PgDn", [(.up, .moveUp), (.down, .moveDown), (.pageUp, .pageUp), (.pageDown, .pageDown)],
                in: [.search, .itemPicker], help: "choose a result", hint: Hint("↑↓", "choose", 7)),
        Binding("↑ ↓", [(.up, .moveUp), (.down, .moveDown)], in: [.backlogFilter], help: "choose an idea",
                hint: Hint("↑↓", "choose", 7)),
        Binding("←→ Home End", [], in: [.proofEditor, .estimateEditor], help: "move in the text",
                hint: Hint("←→ Home End", "move", 5)),
        Binding("Ctrl-D", [(.control("d"), .confirm)], in: multiLine,
                help: "save the text, or show the points / rubric", hint: Hint("Ctrl-D", "save", 9),
                hintIn: [.cardQuestion: Hint("Ctrl-D", "show the points", 9),
                         .drillAnswer: Hint("Ctrl-D", "show the rubric", 9)]),
        Binding("Enter", [], in: multiLine, help: "a new line (on an empty answer: show)",
                hint: Hint("Enter", "new line", 7)),
        Binding("Ctrl-X", [(.control("x"), .editExternally)], in: [.noteEditor, .drillAnswer],
                help: "write it in $VISUAL / $EDITOR instead", hint: Hint("Ctrl-X", "$EDITOR", 5)),
        Binding("←→↑↓ Home End", [], in: multiLine, help: "move in the text, ↑ ↓ between lines",
                hint: Hint("↑↓←→", "move", 4)),
        Binding("Ctrl-A E  B F", [], in: textFields, help: "line start / end, a character back / on"),
        Binding("Alt-B  Alt-F", [], in: textFields, help: "a word back / on"),
        Binding("Ctrl-U K W", [], in: textFields, help: "cut to the line start / end, the word before"),
        Binding("Ctrl-Y", [], in: textFields, help: "put back what was cut last"),
        Binding("Tab ↓", [(.tab, .nextField), (.down, .nextField)], in: [.ideaForm, .entryForm], help: "the next field",
                hint: Hint("Tab ↓", "next", 7), hintIn: [.entryForm: Hint("Tab", "minutes / note", 7)]),
        Binding("S-Tab ↑", [(.backTab, .previousField), (.up, .previousField)], in: [.ideaForm, .entryForm],
                help: "the previous field", hint: Hint("S-Tab ↑", "previous", 6), hintIn: [.entryForm: nil]),
        Binding("← →", [], in: [.ideaForm], help: "move in the text, or choose impact and status",
                hint: Hint("←→", "move or choose", 5)),
        Binding("Enter", [(.enter, .confirm)], in: [.search, .backlogFilter, .proofEditor, .estimateEditor, .finishNote,
                                                   .ideaForm, .entryForm, .itemPicker, .breakEditor],
                help: "go to the result, keep the filter, or save",
                hint: Hint("Enter", "save", 9),
                hintIn: [.search: Hint("Enter", "go to", 9), .backlogFilter: Hint("Enter", "keep filter", 9),
                         .itemPicker: Hint("Enter", "link it", 9),
                         .finishNote: Hint("Enter", "log it", 9)]),
        Binding("Esc", [(.escape, .close)], in: [.search, .backlogFilter, .noteEditor, .proofEditor, .estimateEditor, .finishNote,
                                                 .ideaForm, .entryForm, .cardQuestion, .drillAnswer, .itemPicker, .breakEditor],
                help: "close, clear the filter, or cancel",
                hint: Hint("Esc", "cancel", 9),
                hintIn: [.search: Hint("Esc", "close", 9), .backlogFilter: Hint("Esc", "clear", 9),
                         .itemPicker: Hint("Esc", "back to the form", 9),
                         .finishNote: Hint("Esc", "keep going", 9),
                         .cardQuestion: Hint("Esc", "later", 9), .drillAnswer: Hint("Esc", "leave", 9)]),
    ]

    static let moves: [Binding] = [
        Binding("↑ ↓  k j", [(.up, .moveUp), (.char("k"), .moveUp), (.down, .moveDown), (.char("j"), .moveDown)],
                in: lists, .move, help: "previous / next", hint: Hint("↑↓", "item", 6),
                hintIn: [.trackList: Hint("↑↓", "track", 6), .backlog: Hint("↑↓", "idea", 6),
                         .history: Hint("↑↓", "journal", 6), .todayDetail: Hint("↑↓", "scroll", 6),
                         .tracksDetail: Hint("↑↓", "scroll", 6), .help: Hint("↑↓", "scroll", 6),
                         .messageLog: Hint("↑↓", "scroll", 6)]),
        Binding("PgUp PgDn", [(.pageUp, .pageUp), (.pageDown, .pageDown)], in: lists, .move, help: "a page up / down"),
        Binding("g G  Home End", [(.char("g"), .moveTop), (.home, .moveTop), (.char("G"), .moveBottom), (.end, .moveBottom)],
                in: lists, .move, help: "first / last"),
    ]

    static let todayKeys: [Binding] = [
        Binding("Space", [(.char(" "), .markDone)], in: [.today, .todayDetail],
                help: "mark done; a review asks hard / good / easy",
                hint: Hint("Space", "done / review", 7)),
        Binding("s", [(.char("s"), .toggleTimer)], in: [.today, .todayDetail],
                help: "start / pause / resume the session timer", hint: Hint("s", "timer", 6)),
        Binding("S", [(.char("S"), .countDown)], in: [.today, .todayDetail],
                help: "count down the goal's minutes left; bell at zero"),
        Binding("f", [(.char("f"), .finishSession)], in: [.today, .todayDetail],
                help: "finish and log the session, with a note", hint: Hint("f", "finish", 5), hintIn: [.todayDetail: nil]),
        Binding("+ -", [(.char("+"), .changeGoal(GoalStep.minutes)), (.char("="), .changeGoal(GoalStep.minutes)),
                        (.char("-"), .changeGoal(-GoalStep.minutes))], in: [.today],
                help: "daily goal 5 minutes more / less", hint: Hint("+-", "goal", 3)),
        Binding("> <", [(.char(">"), .cycleFocus(1)), (.char("<"), .cycleFocus(-1))], in: [.today],
                help: "next / previous focus track", hint: Hint("<>", "focus", 3)),
        Binding("m", [(.char("m"), .studyMore)], in: [.today],
                help: "study more: add one more step to today's plan", hint: Hint("m", "more", 2)),
        Binding("R", [(.char("R"), .reviewAhead)], in: [.today],
                help: "review ahead: the cards due soonest, early", hint: Hint("R", "ahead", 1)),
        Binding("Enter", [(.enter, .open)], in: [.today], help: "open the planned item's detail",
                hint: Hint("Enter", "detail", 5)),
        Binding("/", [(.char("/"), .openSearch)], in: [.today],
                help: "search the curriculum; Enter shows it on Tracks", hint: Hint("/", "search", 2)),
    ]

    static let tracksKeys: [Binding] = [
        // On the track list they say to choose an item first.
        Binding("Space", [(.char(" "), .cycleStatus)], in: [.trackList, .itemList, .tracksDetail],
                help: "cycle status: todo → doing → done", hint: Hint("Space", "status", 7), hintIn: [.trackList: nil]),
        Binding("s", [(.char("s"), .toggleSkip)], in: [.trackList, .itemList, .tracksDetail],
                help: "skip the item (again to un-skip)", hint: Hint("s", "skip", 6), hintIn: [.trackList: nil]),
        Binding("Enter", [(.enter, .open)], in: [.trackList, .itemList],
                help: "enter a track; on an item, open its detail",
                hint: Hint("Enter", "detail", 5), hintIn: [.trackList: Hint("→/Enter", "items", 7)]),
        Binding("n", [(.char("n"), .editNote)], in: [.itemList] + details,
                help: "write a note on the item", hint: Hint("n", "note", 4)),
        Binding("N", [(.char("N"), .editExternally)], in: [.itemList] + details,
                help: "write the note in $VISUAL / $EDITOR"),
        Binding("p", [(.char("p"), .editProof)], in: [.itemList] + details,
                help: "proof of work: links to a repo, a write-up", hint: Hint("p", "proof", 4)),
        Binding("t", [(.char("t"), .editEstimate)], in: [.itemList] + details,
                help: "your own estimate of the item's time", hint: Hint("t", "estimate", 2)),
        Binding("f", [(.char("f"), .setFocus)], in: [.trackList, .itemList],
                help: "make the track your focus track", hint: Hint("f", "focus", 5), hintIn: [.itemList: nil]),
        Binding("F", [(.char("F"), .clearFocus)], in: [.today, .trackList, .itemList],
                help: "clear the focus track (coach settings --no-focus)"),
        Binding("/", [(.char("/"), .openSearch)], in: [.trackList, .itemList],
                help: "search titles, summaries and resources", hint: Hint("/", "search", 4)),
        // A move (help lists it there), after the others on the bar.
        Binding("← →  h l", [(.left, .focusLeft), (.char("h"), .focusLeft), (.right, .focusRight), (.char("l"), .focusRight)],
                in: [.trackList, .itemList], .move, help: "track list / items",
                hintIn: [.itemList: Hint("←", "tracks", 4)]),
    ]

    static let backlogKeys: [Binding] = [
        Binding("a", [(.char("a"), .addIdea)], in: [.backlog], help: "add an idea in a form", hint: Hint("a", "add", 6)),
        Binding("e  Enter", [(.char("e"), .editIdea), (.enter, .editIdea)], in: [.backlog],
                help: "edit the selected idea in a form", hint: Hint("e", "edit", 6)),
        Binding("d", [(.char("d"), .deleteIdea)], in: [.backlog], help: "delete the idea (asks y/n)", hint: Hint("d", "delete", 5)),
        Binding("x", [(.char("x"), .cycleIdeaStatus)], in: [.backlog],
                help: "cycle status: idea → active → shipped → dropped", hint: Hint("x", "status", 5)),
        Binding("/", [(.char("/"), .openSearch)], in: [.backlog], help: "filter the ideas by words of title and note",
                hint: Hint("/", "filter", 4)),
        Binding("o", [(.char("o"), .cycleBacklogSort)], in: [.backlog],
                help: "sort by score, effort, confidence, title, status", hint: Hint("o", "sort", 3)),
        Binding("s", [(.char("s"), .cycleBacklogStatus)], in: [.backlog],
                help: "show all ideas, or one status at a time", hint: Hint("s", "show", 3)),
    ]

    static let historyKeys: [Binding] = [
        Binding("e  Enter", [(.char("e"), .editEntry), (.enter, .editEntry)], in: [.history],
                help: "edit the selected session's minutes and note", hint: Hint("e", "edit session", 6)),
        Binding("d", [(.char("d"), .deleteEntry)], in: [.history], help: "delete the selected session (asks y/n)",
                hint: Hint("d", "delete session", 5)),
        Binding("/", [(.char("/"), .openSearch)], in: [.history],
                help: "search the curriculum; Enter shows it on Tracks", hint: Hint("/", "search", 2)),
        Binding("F", [(.char("F"), .toggleForecast)], in: [.history], help: "the next 14 days / minutes per week",
                hint: Hint("F", "forecast", 4)),
        Binding("b", [(.char("b"), .addBreak)], in: [.history], help: "add a break, or remove one (-FIRST..LAST)",
                hint: Hint("b", "break", 3)),
    ]

    static let detailKeys: [Binding] = [
        Binding("Esc  Enter  ←  h", [(.escape, .close), (.enter, .close), (.left, .close), (.char("h"), .close)],
                in: details, help: "close the detail", hint: Hint("Esc", "close", 7)),
        Binding("w", [(.char("w"), .startDrill)], in: details, help: "answer one of the item's interview drills",
                hint: Hint("w", "drill", 4)),
        Binding("o", [(.char("o"), .openLink)], in: details,
                help: "open the selected resource in the browser", hint: Hint("o", "open", 3)),
        Binding("y", [(.char("y"), .copyLink)], in: details, help: "copy the selected resource's address",
                hint: Hint("y", "copy", 3)),
    ]

    static let everywhere: [Binding] = [
        Binding("Esc", [(.escape, .close)], in: screens, .everywhere, help: "clear the message, or Backlog's filter"),
        Binding("1 2 3 4", chars("1", .showScreen(.today)) + chars("2", .showScreen(.tracks)) + chars("3", .showScreen(.backlog))
                + chars("4", .showScreen(.history)), in: switching, .everywhere, help: "Today / Tracks / Backlog / History"),
        Binding("Tab  S-Tab", [(.tab, .nextScreen), (.backTab, .previousScreen)], in: switching, .everywhere,
                help: "the next / previous screen", hint: Hint("Tab", "screen", 2), hintIn: [.help: nil, .messageLog: nil, .todayDetail: nil,
                                                                                          .tracksDetail: nil,
                                                                                          .trackList: nil, .itemList: nil]),
        Binding("u", [(.char("u"), .undo)], in: screens + details, .everywhere,
                help: "undo the last change (several steps)", hint: Hint("u", "undo", 3)),
        Binding("Ctrl-R", [(.control("r"), .redo)], in: screens + details, .everywhere,
                help: "redo what undo took back"),
        Binding("P", [(.char("P"), .sync)], in: screens, .everywhere,
                help: "sync with your other machines (coach sync)"),
        Binding("?", [(.char("?"), .toggleHelp)], in: screens + details, .everywhere, help: "the keys of this screen",
                hint: Hint("?", "help", 8), hintIn: [.todayDetail: nil, .tracksDetail: nil]),
        Binding("M", [(.char("M"), .showMessages)], in: screens + details, .everywhere,
                help: "the last \(MessageLog.depth) messages in full"),
        Binding("Esc  M", [(.escape, .close), (.char("M"), .close)], in: [.messageLog], .everywhere,
                help: "close the messages", hint: Hint("Esc", "close", 8)),
        Binding("any other key", [], in: [.help], .everywhere, help: "close help", hint: Hint("any key", "close help", 8)),
        Binding("q", [(.char("q"), .quit)], in: screens + details + [.help, .messageLog, .fileConflict], .everywhere, help: "quit",
                hint: Hint("q", "quit", 8)),
    ]
}
