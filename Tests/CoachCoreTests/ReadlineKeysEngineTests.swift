import CoachCore
import Testing

/// Ctrl and Alt keys in the engine: where they edit, and an Esc typed fast before a key.
@Suite struct ReadlineKeysEngineTests {
    @Test func anAltKeyThatMeansNothingIsAnEscThenTheKey() {
        var state = Fixture.itemsState()
        // On a screen Alt-q means nothing: it was Esc then q, typed in one read.
        #expect(KeyMap.keys(for: .alt("q"), in: state) == [.escape, .char("q")])
        _ = reduce(&state, .openSearch, now: Fixture.now)
        // In a field Alt-b moves a word: it stays one key.
        #expect(KeyMap.keys(for: .alt("b"), in: state) == [.alt("b")])
        #expect(KeyMap.action(for: .alt("b"), in: state) == .edit(.wordLeft))
        #expect(KeyMap.keys(for: .char("x"), in: state) == [.char("x")])
    }

    @Test func ctrlDFinishesTheTextsOfSeveralLinesAndEnterBreaksTheLine() {
        var state = Fixture.itemsState()
        _ = reduce(&state, .editNote, now: Fixture.now)
        #expect(KeyMap.action(for: .enter, in: state) == .edit(.newline))
        #expect(KeyMap.action(for: .up, in: state) == .edit(.up))
        #expect(KeyMap.action(for: .control("d"), in: state) == .confirm)
        #expect(KeyMap.action(for: .control("x"), in: state) == .editExternally)
        #expect(KeyMap.action(for: .control("a"), in: state) == .edit(.home))
    }
}
