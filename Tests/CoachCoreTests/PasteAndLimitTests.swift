import CoachCore
import Foundation
import Testing

/// Issue 11, item 8: a paste is one edit, a field has a maximum length, and a hostile
/// id costs nothing.
@Suite struct PasteAndLimitTests {
    @Test func aPasteIsOneEditAtTheCursorWithLineBreaksAsSpaces() {
        var editor = LineEditor("ab")
        editor.apply(.left)
        editor.apply(.insertText("x\ny日本"))
        #expect(editor.text == "ax y日本b")
        #expect(editor.cursor == 6)
    }

    @Test func aPasteIsCutAtTheFieldsLimitAndTypingStopsThere() {
        var editor = LineEditor(limit: 10)
        editor.apply(.insertText(String(repeating: "x", count: 100_000)))
        #expect(editor.text.count == 10)
        editor.apply(.insert("y"))
        #expect(editor.text.count == 10)
        editor.apply(.backspace)
        editor.apply(.insert("y"))
        #expect(editor.text == "xxxxxxxxxy")
        #expect(LineEditor().limit == TextLimits.line)
    }

    @Test func textAFieldStartsWithIsNeverCut() {
        let long = String(repeating: "n", count: TextLimits.line + 500)
        var editor = LineEditor(long)
        #expect(editor.text == long)
        editor.apply(.insertText("more"))
        #expect(editor.text == long)
    }

    @Test func thePasteKeyBecomesTheEditInEveryTextField() {
        #expect(LineEditor.edit(for: .paste("hello")) == .insertText("hello"))
        var state = Fixture.state()
        _ = reduce(&state, .openSearch, now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(KeyMap.action(for: .paste("rag"), in: state) == .edit(.insertText("rag")))
    }

    @Test func theIdeaTitleHoldsTwoHundredCharacters() {
        #expect(IdeaForm.limit(of: .title) == IdeaValidation.titleLimit)
        #expect(IdeaForm.limit(of: .note) == IdeaValidation.noteLimit)
    }

    @Test func anInputLongerThanAnyIdGetsNoSuggestions() {
        let ids = ["genai.rag", "genai.prompts"]
        #expect(Suggestions.closest(to: "genai.ra", among: ids) == ["genai.rag"])
        #expect(Suggestions.closest(to: String(repeating: "genai.rag", count: 20_000), among: ids).isEmpty)
    }
}
