/// Everything the user (or the shell around the engine) can ask of the engine.
public enum Action: Equatable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
    case focusLeft, focusRight
    /// Enter: from the track list into its items, or open the selected item's detail.
    case open
    /// Esc: close the overlay on top, or clear the message.
    case close
    case cycleStatus
    case toggleSkip
    case undo
    /// `Ctrl-R`: do again what undo took back.
    case redo
    case toggleHelp
    /// `M`: the last messages in full.
    case showMessages
    case quit
    case resize(Size)
    /// `/`: open the search box over the Tracks screen.
    case openSearch
    /// `n`: edit the note of the selected (or open) item.
    case editNote, editProof
    /// A key typed into the open text field (search box or note).
    case edit(LineEditor.Edit)
    /// Enter in a text field: jump to the search hit, or save the note.
    case confirm
    /// `f`: make the selected track the focus track (on the focus track: says so).
    case setFocus
    /// `F`: no focus track.
    case clearFocus
    /// `1`–`4`, Tab, Shift-Tab.
    case showScreen(Screen)
    case nextScreen, previousScreen
    /// Backlog: `a`, `e`, `d`, `x`.
    case addIdea, editIdea, deleteIdea, cycleIdeaStatus
    /// Backlog: `o` sorts by the next key, `s` shows the next status (or all).
    case cycleBacklogSort, cycleBacklogStatus
    /// `y` / `n` to a question (delete this idea? drop your changes?).
    case answer(Bool)
    /// Tab / Shift-Tab (and ↓ ↑) in a form.
    case nextField, previousField
    /// A second passed (the shell sends it while a session runs, so the timer shows).
    case tick
    /// Today: `s` starts, pauses and resumes the session timer; `f` finishes and logs it.
    case toggleTimer, finishSession
    /// Today: one more step when the plan is done; review the cards due soonest, early.
    case studyMore, reviewAhead
    /// The learner's own estimate of an item.
    case editEstimate
    /// Start (or switch the running timer to) a countdown of the goal's minutes left.
    case countDown
    /// Today: Space marks the planned item done, or asks how its review went.
    case markDone
    /// The answer to "how did the review go?".
    case rate(ReviewRating)
    /// The rating of the card shown: `1`–`4` (h g e for hard good easy).
    case rateCard(CardRating)
    /// `w` on an item's detail: answer one of its interview drills.
    case startDrill
    /// Space on a drill's rubric: tick (or untick) the entry under the cursor.
    case toggleTick
    /// History: `d` deletes the selected journal entry (asks y/n); `e` edits it.
    case deleteEntry, editEntry
    /// History: the forecast of the next days in place of the minutes per week, and back.
    case toggleForecast
    /// History: type a break to add.
    case addBreak
    /// Today: `+` / `-` change the daily goal by this many minutes.
    case changeGoal(Int)
    /// Today: `>` / `<` make the next / previous track the focus track.
    case cycleFocus(Int)
    /// A mouse click on a cell of the screen: selects the row under it, and opens the
    /// row that was selected already.
    case click(row: Int, col: Int)
    /// The shell read back a document that another program changed on disk.
    case reloaded(DocumentValue)
    /// The shell refused to save a document that another program changed on disk.
    case saveRefused(DocumentKind)
    /// A changed document could not be read back; the reason names the file.
    case reloadFailed(DocumentKind, String)
    /// A save failed for another reason; the reason names the file.
    case saveFailed(String)
    /// The answer to "keep the file on disk or yours?": `o` keeps mine, `r` reloads.
    case resolveConflict(keepMine: Bool)
    /// `o` / `y` in the item detail: open the selected resource, or copy its address.
    case openLink, copyLink
    /// The shell's answer to `.checkLinks`: which of the links typed are usable.
    case linksChecked(LinkCheck)
    /// The shell's answer to `.openLink`: the opener started, or why none could be.
    case linkOpened(LinkOpening)
    /// `N` on an item, Ctrl-X in a note or a drill answer: write it in `$EDITOR`.
    case editExternally
    /// The shell ran the editor an `.editText` effect asked for; this is how it ended.
    case externalEditFinished(ExternalEdit.Purpose, ExternalEditOutcome)
    /// `P`: sync the home with its git remote (`coach sync`), in the background.
    case sync
    /// The sync finished: what it did or why it stopped, in one line.
    case syncFinished(String)
}

/// What the shell must carry out after a `reduce`: the engine never touches disk or
/// terminal itself.
public enum Effect: Hashable, Sendable {
    /// Write the document as it is in memory now (`AppState.document`). For the
    /// session: save the running timer, or remove the saved one when the session ended.
    case save(DocumentKind)
    /// Read the document back from disk and hand it in as `.reloaded`.
    case reload(DocumentKind)
    /// Save the document over the file another program changed.
    case overwrite(DocumentKind)
    /// Find out which proof-of-work links are web addresses or existing paths, and hand
    /// the answer in as `.linksChecked`.
    case checkLinks([String])
    /// Start the system's opener (`$BROWSER`, `xdg-open`, `open`) on the address, detached
    /// from the terminal, and hand the outcome in as `.linkOpened`.
    case openLink(String)
    /// Put the text on the clipboard of the terminal (OSC 52, so it works over ssh).
    case copy(String)
    /// Hand the terminal to the learner's editor on this text, and give the outcome
    /// back as `.externalEditFinished`.
    case editText(ExternalEdit)
    /// Ring the terminal's bell once (the countdown reached zero).
    case bell
    /// Run the learner's hook, if it exists, in the background.
    case runHook(Hook)
    /// Sync the home with its git remote after the waiting saves, off the UI thread;
    /// the shell hands the result in as `.syncFinished` and reads back what it changed.
    case sync
    case quit
}
