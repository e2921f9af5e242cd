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
    case toggleHelp
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
    /// `f`: make the selected track the focus track (again: clear it).
    case setFocus
    /// `1`–`4`, Tab, Shift-Tab.
    case showScreen(Screen)
    case nextScreen, previousScreen
    /// Backlog: `a`, `e`, `d`, `x`.
    case addIdea, editIdea, deleteIdea, cycleIdeaStatus
    /// `y` / `n` to a question (delete this idea? drop your changes?).
    case answer(Bool)
    /// Tab / Shift-Tab (and ↓ ↑) in a form.
    case nextField, previousField
    /// A second passed (the shell sends it while a session runs, so the timer shows).
    case tick
    /// Today: `s` starts, pauses and resumes the session timer; `f` finishes and logs it.
    case toggleTimer, finishSession
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
    /// `S`: sync the home with its git remote (`coach sync`), in the background.
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
    /// Sync the home with its git remote after the waiting saves, off the UI thread;
    /// the shell hands the result in as `.syncFinished` and reads back what it changed.
    case sync
    case quit
}
