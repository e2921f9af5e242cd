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
