import CoachCore
import Testing

@Suite struct LineEditorTests {
    @Test func typingMovingAndDeletingWorkOnCharacters() {
        var editor = LineEditor()
        for c in "café 日本" { editor.apply(.insert(c)) }
        #expect(editor.text == "café 日本")
        #expect(editor.cursor == 7)
        editor.apply(.left)
        editor.apply(.backspace)
        #expect(editor.text == "café 本")
        editor.apply(.home)
        editor.apply(.delete)
        #expect(editor.text == "afé 本")
        editor.apply(.insert("C"))
        #expect(editor.text == "Café 本")
        editor.apply(.end)
        editor.apply(.insert("!"))
        #expect(editor.text == "Café 本!")
    }

    @Test func editsAtTheEdgesDoNothing() {
        var editor = LineEditor("ab")
        editor.apply(.delete)
        editor.apply(.right)
        #expect(editor.text == "ab")
        #expect(editor.cursor == 2)
        editor.apply(.home)
        editor.apply(.backspace)
        editor.apply(.left)
        #expect(editor.text == "ab")
        #expect(editor.cursor == 0)
    }

    @Test func emojiAndCombiningAccentsAreOneStep() {
        var editor = LineEditor("a👍🏽e\u{301}")
        #expect(editor.characters.count == 3)
        editor.apply(.backspace)
        #expect(editor.text == "a👍🏽")
        editor.apply(.backspace)
        #expect(editor.text == "a")
    }

    @Test func newlinesAreRefusedInAOneLineField() {
        var editor = LineEditor("x")
        editor.apply(.insert("\n"))
        #expect(editor.text == "x")
    }

    @Test func keysBecomeEdits() {
        #expect(LineEditor.edit(for: .char("é")) == .insert("é"))
        #expect(LineEditor.edit(for: .backspace) == .backspace)
        #expect(LineEditor.edit(for: .delete) == .delete)
        #expect(LineEditor.edit(for: .home) == .home)
        #expect(LineEditor.edit(for: .end) == .end)
        #expect(LineEditor.edit(for: .enter) == nil)
        #expect(LineEditor.edit(for: .up) == nil)
    }
}

/// The readline keys every line field has.
@Suite struct ReadlineKeysTests {
    static func edits(_ keys: [Key]) -> [LineEditor.Edit] { keys.compactMap(LineEditor.edit(for:)) }

    @Test func ctrlAndAltKeysAreTheReadlineEdits() {
        #expect(Self.edits([.control("a"), .control("e"), .control("b"), .control("f"), .control("d")])
                == [.home, .end, .left, .right, .delete])
        #expect(Self.edits([.alt("b"), .alt("f")]) == [.wordLeft, .wordRight])
        #expect(Self.edits([.control("u"), .control("k"), .control("w"), .control("y")])
                == [.cutToStart, .cutToEnd, .cutWordBack, .yank])
        #expect(LineEditor.edit(for: .control("q")) == nil, "other Ctrl keys do nothing")
        #expect(LineEditor.edit(for: .alt("x")) == nil)
    }

    @Test func altBAndAltFMoveByWordsOverPunctuation() {
        var editor = LineEditor("RAG, fine-tuning  évals")
        editor.apply(.wordLeft)
        #expect(editor.cursor == 18, "to the start of évals")
        editor.apply(.wordLeft)
        #expect(editor.cursor == 10, "tuning: a hyphen ends a word")
        editor.apply(.wordLeft)
        editor.apply(.wordLeft)
        #expect(editor.cursor == 0)
        editor.apply(.wordLeft)
        #expect(editor.cursor == 0)
        editor.apply(.wordRight)
        #expect(editor.cursor == 3, "past RAG")
        editor.apply(.wordRight)
        #expect(editor.cursor == 9, "past fine")
        editor.apply(.end)
        editor.apply(.wordRight)
        #expect(editor.cursor == editor.characters.count)
    }

    @Test func cutsKeepTheTextForYank() {
        var editor = LineEditor("alpha beta gamma")
        editor.apply(.cutWordBack)
        #expect(editor.text == "alpha beta " && editor.cut == "gamma")
        editor.apply(.cutWordBack)
        #expect(editor.text == "alpha " && editor.cut == "beta ", "spaces before the cursor go with the word")
        editor.apply(.home)
        editor.apply(.yank)
        #expect(editor.text == "beta alpha " && editor.cursor == 5)
        editor.apply(.cutToEnd)
        #expect(editor.text == "beta " && editor.cut == "alpha ")
        editor.apply(.cutToStart)
        #expect(editor.text == "" && editor.cut == "beta ")
        editor.apply(.yank)
        editor.apply(.yank)
        #expect(editor.text == "beta beta ")
    }

    @Test func cutsAtTheEdgesKeepTheLastCut() {
        var editor = LineEditor("word")
        editor.apply(.cutToStart)
        #expect(editor.text == "")
        editor.apply(.cutToStart)
        editor.apply(.cutToEnd)
        editor.apply(.cutWordBack)
        #expect(editor.cut == "word", "an empty cut does not forget the last one")
    }

    @Test func yankStaysUnderTheLimit() {
        var editor = LineEditor("abcdef", limit: 8)
        editor.apply(.cutToStart)
        editor.apply(.insertText("xyz"))
        editor.apply(.yank)
        #expect(editor.text == "xyzabcde")
    }

    @Test func newlineAndLineMovesDoNothingInALine() {
        var editor = LineEditor("one")
        editor.apply(.newline)
        editor.apply(.up)
        editor.apply(.down)
        #expect(editor.text == "one" && editor.cursor == 3)
    }

    @Test func everyLineFieldTakesTheReadlineKeys() {
        // The key map sends the keys to the field in every context that types.
        var state = Fixture.state()
        _ = reduce(&state, .openSearch, now: Fixture.now)
        for character in "alpha one" { _ = reduce(&state, .edit(.insert(character)), now: Fixture.now) }
        for key: Key in [.control("w"), .control("a"), .control("y")] {
            if let action = KeyMap.action(for: key, in: state) { _ = reduce(&state, action, now: Fixture.now) }
        }
        #expect(state.modal?.search?.editor.text == "onealpha ")
    }
}
