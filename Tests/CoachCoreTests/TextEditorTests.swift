import CoachCore
import Testing

/// The editor of texts of several lines: notes, card and drill answers.
@Suite struct TextEditorTests {
    static func typed(_ text: String, into editor: inout TextEditor) {
        for character in text { editor.apply(character == "\n" ? .newline : .insert(character)) }
    }

    @Test func enterBreaksTheLineAtTheCursor() {
        var editor = TextEditor()
        Self.typed("first line\nsecond", into: &editor)
        #expect(editor.lines.count == 2 && editor.row == 1 && editor.column == 6)
        editor.apply(.home)
        editor.apply(.up)
        editor.apply(.end)
        editor.apply(.wordLeft)
        editor.apply(.newline)
        #expect(editor.text == "first \nline\nsecond")
        #expect(editor.row == 1 && editor.column == 0)
    }

    @Test func startsAtTheEndOfTheTextItIsGiven() {
        let editor = TextEditor("a\nbc")
        #expect(editor.row == 1 && editor.column == 2)
        #expect(TextEditor("").lines == [[]])
    }

    @Test func upAndDownKeepTheColumnThroughShorterLines() {
        var editor = TextEditor("long line here\nab\nanother long one")
        editor.apply(.up)
        #expect(editor.row == 1 && editor.column == 2, "as far as the short line goes")
        editor.apply(.up)
        #expect(editor.row == 0 && editor.column == 14, "the column aimed for comes back")
        editor.apply(.up)
        #expect(editor.row == 0 && editor.column == 0, "↑ on the first line goes to its start")
        editor.apply(.down)
        editor.apply(.down)
        editor.apply(.down)
        #expect(editor.row == 2 && editor.column == 16, "↓ on the last line goes to its end")
    }

    @Test func leftAndRightCrossLineBreaks() {
        var editor = TextEditor("ab\ncd")
        editor.apply(.home)
        editor.apply(.left)
        #expect(editor.row == 0 && editor.column == 2)
        editor.apply(.right)
        #expect(editor.row == 1 && editor.column == 0)
        editor.apply(.home)
        editor.apply(.up)
        editor.apply(.left)
        #expect(editor.row == 0 && editor.column == 0, "nothing before the start")
    }

    @Test func backspaceAndDeleteJoinLines() {
        var editor = TextEditor("ab\ncd")
        editor.apply(.home)
        editor.apply(.backspace)
        #expect(editor.text == "abcd" && editor.row == 0 && editor.column == 2)
        editor.apply(.newline)
        editor.apply(.up)
        editor.apply(.end)
        editor.apply(.delete)
        #expect(editor.text == "abcd")
        editor.apply(.end)
        editor.apply(.delete)
        #expect(editor.text == "abcd", "nothing after the end")
    }

    @Test func cutsWorkOnTheLineAndCtrlKAtTheEndTakesTheBreak() {
        var editor = TextEditor("one two\nthree")
        editor.apply(.up)
        editor.apply(.end)
        editor.apply(.cutWordBack)
        #expect(editor.text == "one \nthree" && editor.cut == "two")
        editor.apply(.cutToEnd)
        #expect(editor.text == "one three" && editor.cut == "\n", "at the end Ctrl-K joins the next line")
        editor.apply(.cutToEnd)
        #expect(editor.text == "one " && editor.cut == "three")
        editor.apply(.cutToStart)
        #expect(editor.text == "" && editor.cut == "one ")
        editor.apply(.yank)
        #expect(editor.text == "one ")
    }

    @Test func pasteKeepsItsLineBreaksAndTheTextAfterTheCursor() {
        var editor = TextEditor("[]")
        editor.apply(.left)
        editor.apply(.insertText("a\nb\nc"))
        #expect(editor.text == "[a\nb\nc]")
        #expect(editor.row == 2 && editor.column == 1)
        // A yank of several lines too.
        var other = TextEditor("x\ny")
        other.apply(.up)
        other.apply(.home)
        other.apply(.cutToEnd)
        other.apply(.cutToEnd)
        #expect(other.text == "y")
    }

    @Test func theLimitCountsLineBreaksAndNeverCutsTheStartingText() {
        var editor = TextEditor("abc", limit: 5)
        editor.apply(.newline)
        editor.apply(.insert("d"))
        editor.apply(.insert("e"))
        editor.apply(.newline)
        #expect(editor.text == "abc\nd" && editor.count == 5)
        editor.apply(.insertText("zzz"))
        #expect(editor.text == "abc\nd")
        let long = TextEditor(String(repeating: "x", count: 30), limit: 5)
        #expect(long.count == 30 && long.limit == 30)
    }

    @Test func blankMeansOnlySpacesAndBreaks() {
        #expect(TextEditor(" \n \n").isBlank)
        #expect(!TextEditor("\n x").isBlank)
    }

    @Test func keysMapToEditsWithEnterAndArrowsForLines() {
        #expect(TextEditor.edit(for: .enter) == .newline)
        #expect(TextEditor.edit(for: .up) == .up && TextEditor.edit(for: .down) == .down)
        #expect(TextEditor.edit(for: .control("w")) == .cutWordBack)
        #expect(TextEditor.edit(for: .paste("a\nb")) == .insertText("a\nb"))
        #expect(TextEditor.edit(for: .escape) == nil)
    }

    // MARK: Wrapping for display

    @Test func wrapsAtSpacesAndCutsWordsLongerThanARow() {
        let layout = TextEditor("the quick brown fox\n\nabcdefghij").layout(width: 8)
        #expect(layout.rows.map(\.text) == ["the ", "quick ", "brown ", "fox", "", "abcdefgh", "ij"])
        #expect(layout.rows.map(\.line) == [0, 0, 0, 0, 1, 2, 2])
        #expect(layout.cursorRow == 6 && layout.cursorColumn == 2)
    }

    @Test func theCursorIsOnTheRowThatHoldsItsPlace() {
        var editor = TextEditor("the quick brown")
        editor.apply(.home)
        for _ in 0..<4 { editor.apply(.right) }
        let layout = editor.layout(width: 8)
        #expect(layout.cursorRow == 1 && layout.cursorColumn == 0, "the start of quick is on the second row")
        editor.apply(.left)
        let before = editor.layout(width: 8)
        #expect(before.cursorRow == 0 && before.cursorColumn == 3)
    }

    @Test func aCursorAfterAFullRowGetsARowOfItsOwn() {
        let layout = TextEditor("abcd").layout(width: 4)
        #expect(layout.rows.map(\.text) == ["abcd", ""])
        #expect(layout.cursorRow == 1 && layout.cursorColumn == 0)
    }

    @Test func wideCharactersCountTheirCells() {
        let layout = TextEditor("日本語です").layout(width: 5)
        #expect(layout.rows.map(\.text) == ["日本", "語で", "す"])
        #expect(layout.cursorRow == 2 && layout.cursorColumn == 2)
    }
}
