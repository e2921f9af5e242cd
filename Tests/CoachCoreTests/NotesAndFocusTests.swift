import Foundation
import Testing
@testable import CoachCore

/// Notes on items, the focus track, and the search box on the Tracks screen.
@Suite struct NotesAndFocusTests {
    static func typed(_ text: String) -> [Action] { text.map { .edit(.insert($0)) } }

    @Test func setNoteTrimsClearsAndKeepsStatus() {
        var book = ProgressBook()
        book.setStatus(.doing, of: "a", at: Fixture.now)
        let changed1 = book.setNote("  read it  ", of: "a", at: Fixture.at(5))
        #expect(changed1)
        #expect(book.items["a"]?.note == "read it")
        #expect(book.items["a"]?.status == .doing)
        let changed2 = book.setNote("read it", of: "a", at: Fixture.at(9))
        #expect(!changed2)
        let changed3 = book.setNote("   ", of: "a", at: Fixture.at(9))
        #expect(changed3)
        #expect(book.items["a"]?.note == nil)
        // A note on an item with no progress yet creates its entry as todo.
        let changed4 = book.setNote("later", of: "b", at: Fixture.now)
        #expect(changed4)
        #expect(book.status(of: "b") == .todo)
    }

    @Test func noteEditorSavesOnEnterAndUndoRestores() {
        var state = Fixture.itemsState()
        Fixture.apply([.editNote], to: &state)
        #expect(state.modals.first == .detail(itemID: "alpha.1", scroll: 0), "the editor opens over the detail")
        #expect(state.isTyping)
        let effects = Fixture.apply(Self.typed("Ünïcode ✓") + [.confirm], to: &state)
        #expect(effects == [.save(.progress)])
        #expect(state.progress.items["alpha.1"]?.note == "Ünïcode ✓")
        #expect(state.modal?.noteEditor == nil)
        #expect(state.message == "Note saved")
        Fixture.apply([.undo], to: &state)
        #expect(state.progress.items["alpha.1"] == nil)
        #expect(state.message == "Undid: note on Alpha 1")
    }

    @Test func escapeAsksBeforeDroppingATypedNote() {
        var state = Fixture.itemsState()
        Fixture.apply([.editNote] + Self.typed("draft") + [.close], to: &state)
        #expect(state.modal?.noteEditor?.confirmingDiscard == true, "what was typed is not dropped silently")
        #expect(KeyContext(state) == .discardChanges)
        Fixture.apply([.answer(false)], to: &state)
        #expect(state.modal?.noteEditor?.text.text == "draft", "n goes back to the text")
        Fixture.apply([.close, .answer(true)], to: &state)
        #expect(state.progress.items["alpha.1"] == nil)
        #expect(state.modal?.noteEditor == nil)
        #expect(state.message == "Note not changed: what you typed was dropped")
    }

    @Test func escapeOnAnUnchangedNoteClosesAtOnce() {
        var state = Fixture.itemsState()
        Fixture.apply([.editNote, .close], to: &state)
        #expect(state.modal == .detail(itemID: "alpha.1", scroll: 0))
        #expect(state.message == "Note not changed")
    }

    @Test func noteKeyOnTheTrackListDoesNothing() {
        var state = Fixture.state()
        Fixture.apply([.editNote], to: &state)
        #expect(state.modal?.noteEditor == nil)
        #expect(state.modal == nil)
    }

    @Test func focusIsSetKeptOnASecondFAndClearedWithItsOwnKey() {
        var state = Fixture.state()
        Fixture.apply([.moveDown], to: &state)
        #expect(Fixture.apply([.setFocus], to: &state) == [.save(.settings)])
        #expect(state.settings.focusTrack == "beta")
        #expect(state.message == "Focus track: Beta")
        // f on the focus track says so and leaves it: no save, no undo step.
        let steps = state.undo.steps.count
        #expect(Fixture.apply([.setFocus], to: &state).isEmpty)
        #expect(state.settings.focusTrack == "beta")
        #expect(state.message == "Beta is the focus track already (F clears it)")
        #expect(state.undo.steps.count == steps)
        #expect(KeyMap.action(for: .char("F"), in: state) == .clearFocus)
        #expect(Fixture.apply([.clearFocus], to: &state) == [.save(.settings)])
        #expect(state.settings.focusTrack == nil)
        #expect(state.message == "No focus track")
        #expect(Fixture.apply([.clearFocus], to: &state).isEmpty)
        #expect(state.message == "No focus track to clear: f on a track sets one")
        #expect(Fixture.apply([.undo], to: &state) == [.save(.settings)])
        #expect(state.settings.focusTrack == "beta")
        #expect(state.message == "Undid: focus cleared")
    }

    @Test func fClearsTheFocusOnTodayToo() {
        var state = Fixture.state()
        Fixture.apply([.moveDown, .setFocus, .showScreen(.today)], to: &state)
        #expect(KeyMap.action(for: .char("F"), in: state) == .clearFocus)
        #expect(Fixture.apply([.clearFocus], to: &state) == [.save(.settings)])
        #expect(state.settings.focusTrack == nil)
    }

    @Test func searchJumpsToTheChosenItem() {
        var state = Fixture.state()
        Fixture.apply([.openSearch] + Self.typed("beta 1"), to: &state)
        let hits = state.modal?.search?.hits ?? []
        #expect(hits.first == CurriculumSearch.Hit(track: 1, item: 0, matched: "title"))
        // "Beta 1", "Beta 10", "Beta 11", "Beta 12" all contain "beta" and "1".
        #expect(hits.count == 4)
        Fixture.apply([.moveDown, .confirm], to: &state)
        #expect(state.modal?.search == nil)
        #expect(state.tracksCursor.trackList.selected == 1)
        #expect(state.tracksCursor.itemList.selected == 9)
        #expect(state.tracksCursor.pane == .items)
    }

    @Test func searchEscapeClosesWithoutMoving() {
        var state = Fixture.state()
        Fixture.apply([.openSearch] + Self.typed("gamma") + [.close], to: &state)
        #expect(state.modal?.search == nil)
        #expect(state.tracksCursor.trackList.selected == 0)
    }

    @Test func typedLettersInSearchAreNotCommands() {
        var state = Fixture.state()
        Fixture.apply([.openSearch], to: &state)
        #expect(KeyMap.action(for: .char("q"), in: state) == .edit(.insert("q")))
        #expect(KeyMap.action(for: .char("j"), in: state) == .edit(.insert("j")))
        #expect(KeyMap.action(for: .down, in: state) == .moveDown)
        #expect(KeyMap.action(for: .enter, in: state) == .confirm)
        #expect(KeyMap.action(for: .escape, in: state) == .close)
    }
}

/// Notes of several lines, in place and through the learner's editor.
@Suite struct MultiLineNoteTests {
    static func typed(_ text: String) -> [Action] { text.map { $0 == "\n" ? .edit(.newline) : .edit(.insert($0)) } }

    @Test func aNoteOfSeveralLinesIsSavedWithItsBreaksAndTrimmed() {
        var state = Fixture.itemsState()
        let effects = Fixture.apply([.editNote] + Self.typed("first\n\nthird line\n\n") + [.confirm], to: &state)
        #expect(effects == [.save(.progress)])
        #expect(state.progress.items["alpha.1"]?.note == "first\n\nthird line")
        // Opening it again starts with the note, cursor at its end.
        Fixture.apply([.editNote], to: &state)
        #expect(state.modal?.noteEditor?.text.text == "first\n\nthird line")
        #expect(state.modal?.noteEditor?.isChanged == false)
    }

    @Test func bigNEditsTheNoteInTheLearnersEditor() {
        var state = Fixture.itemsState()
        Fixture.apply([.editNote] + Self.typed("old") + [.confirm], to: &state)
        let effects = Fixture.apply([.editExternally], to: &state)
        #expect(effects == [.editText(ExternalEdit(.note(itemID: "alpha.1"), text: "old"))])
        #expect(Fixture.apply([.externalEditFinished(.note(itemID: "alpha.1"), .changed("old\nnew line"))], to: &state)
                == [.save(.progress)])
        #expect(state.progress.items["alpha.1"]?.note == "old\nnew line")
        #expect(state.message == "Note saved")
        Fixture.apply([.undo], to: &state)
        #expect(state.progress.items["alpha.1"]?.note == "old", "undo takes the editor's change back")
    }

    @Test func anUnchangedFileOrAFailedEditorSavesNothingAndSaysSo() {
        var state = Fixture.itemsState()
        #expect(Fixture.apply([.externalEditFinished(.note(itemID: "alpha.1"), .unchanged)], to: &state).isEmpty)
        #expect(state.message == "Note not changed: the editor left the file as it was")
        #expect(Fixture.apply([.externalEditFinished(.note(itemID: "alpha.1"), .failed("the editor \"false\" ended with status 1; nothing was saved"))],
                              to: &state).isEmpty)
        #expect(state.message == "Note not saved: the editor \"false\" ended with status 1; nothing was saved")
        #expect(state.progress.items["alpha.1"] == nil)
    }

    @Test func ctrlXInTheNoteBoxHandsItsTextToTheEditorAndASaveClosesTheBox() {
        var state = Fixture.itemsState()
        let effects = Fixture.apply([.editNote] + Self.typed("draft") + [.editExternally], to: &state)
        #expect(effects == [.editText(ExternalEdit(.note(itemID: "alpha.1"), text: "draft"))])
        Fixture.apply([.externalEditFinished(.note(itemID: "alpha.1"), .unchanged)], to: &state)
        #expect(state.modal?.noteEditor?.text.text == "draft", "nothing saved: the box is still open with its text")
        Fixture.apply([.externalEditFinished(.note(itemID: "alpha.1"), .changed("draft, done"))], to: &state)
        #expect(state.modal?.noteEditor == nil)
        #expect(state.progress.items["alpha.1"]?.note == "draft, done")
    }
}
