import CoachCore
import Foundation
import Testing

@Suite("KeyMap")
struct KeyMapTests {
    struct Binding: Sendable, CustomTestStringConvertible {
        var key: Key
        var action: Action?
        var testDescription: String { "\(key) → \(action.map { "\($0)" } ?? "nil")" }
    }

    static let listBindings: [Binding] = [
        Binding(key: .up, action: .moveUp), Binding(key: .char("k"), action: .moveUp),
        Binding(key: .down, action: .moveDown), Binding(key: .char("j"), action: .moveDown),
        Binding(key: .pageUp, action: .pageUp), Binding(key: .pageDown, action: .pageDown),
        Binding(key: .home, action: .moveTop), Binding(key: .char("g"), action: .moveTop),
        Binding(key: .end, action: .moveBottom), Binding(key: .char("G"), action: .moveBottom),
        Binding(key: .left, action: .focusLeft), Binding(key: .char("h"), action: .focusLeft),
        Binding(key: .right, action: .focusRight), Binding(key: .char("l"), action: .focusRight),
        Binding(key: .enter, action: .open), Binding(key: .escape, action: .close),
        Binding(key: .char(" "), action: .cycleStatus), Binding(key: .char("s"), action: .toggleSkip),
        Binding(key: .char("u"), action: .undo), Binding(key: .char("?"), action: .toggleHelp),
        Binding(key: .char("q"), action: .quit),
        Binding(key: .char("z"), action: nil), Binding(key: .char("K"), action: nil),
        Binding(key: .tab, action: .nextScreen), Binding(key: .backTab, action: .previousScreen),
        Binding(key: .char("3"), action: .showScreen(.backlog)), Binding(key: .resize, action: nil),
    ]

    @Test(arguments: listBindings)
    func listKeys(binding: Binding) {
        for pane in [Pane.tracks, .items] {
            var state = Fixture.state()
            state.tracksCursor.pane = pane
            #expect(KeyMap.action(for: binding.key, in: state) == binding.action, "pane \(pane)")
        }
    }

    @Test(arguments: [Key.enter, .escape, .char(" "), .char("?"), .char("u"), .char("x")])
    func anyKeyButTheMovesClosesHelp(key: Key) {
        var state = Fixture.state()
        state.open(.help(ListCursor()))
        #expect(KeyMap.action(for: key, in: state) == .close)
    }

    @Test func qQuitsFromHelp() {
        var state = Fixture.state()
        state.open(.help(ListCursor()))
        #expect(KeyMap.action(for: .char("q"), in: state) == .quit)
        #expect(KeyMap.action(for: .resize, in: state) == nil, "a resize is not a key press")
    }

    static let detailBindings: [Binding] = [
        Binding(key: .escape, action: .close), Binding(key: .enter, action: .close),
        Binding(key: .left, action: .close), Binding(key: .char("h"), action: .close),
        Binding(key: .up, action: .moveUp), Binding(key: .char("k"), action: .moveUp),
        Binding(key: .down, action: .moveDown), Binding(key: .char("j"), action: .moveDown),
        Binding(key: .char(" "), action: .cycleStatus), Binding(key: .char("s"), action: .toggleSkip),
        Binding(key: .char("u"), action: .undo), Binding(key: .char("?"), action: .toggleHelp),
        Binding(key: .char("q"), action: .quit),
        Binding(key: .right, action: nil), Binding(key: .char("z"), action: nil),
        Binding(key: .resize, action: nil),
    ]

    @Test(arguments: detailBindings)
    func detailKeys(binding: Binding) {
        var state = Fixture.itemsState()
        state.open(.detail(itemID: "alpha.1", scroll: 0))
        #expect(KeyMap.action(for: binding.key, in: state) == binding.action)
    }

    @Test func hintsDifferByPane() {
        var state = Fixture.state()
        let trackHints = KeyMap.hints(for: state).map(\.key)
        state.tracksCursor.pane = .items
        let itemHints = KeyMap.hints(for: state).map(\.key)
        #expect(trackHints != itemHints)
        #expect(!trackHints.contains("Space"), "Space does nothing on the track list")
        #expect(itemHints.contains("Space"))
        #expect(itemHints.contains("s"))
        #expect(itemHints.contains("Enter"))
        for hints in [trackHints, itemHints] {
            #expect(hints.contains("?"))
            #expect(hints.contains("q"))
            #expect(hints.contains("u"))
        }
    }

    @Test func hintsForTheOverlays() {
        var state = Fixture.itemsState()
        state.open(.help(ListCursor()))
        let help = KeyMap.hints(for: state)
        #expect(help.map(\.key) == ["↑↓", "any key", "q"])

        state = Fixture.itemsState()
        state.open(.detail(itemID: "alpha.1", scroll: 0))
        let detail = KeyMap.hints(for: state).map(\.key)
        #expect(detail.contains("Esc"))
        #expect(detail.contains("Space"))
        #expect(!detail.contains("?"))
    }

    @Test func everyHintedKeyIsBound() {
        // The bottom bar must not advertise a key that does nothing.
        let probe: [String: Key] = ["Space": .char(" "), "s": .char("s"), "Enter": .enter, "u": .char("u"),
                                    "?": .char("?"), "q": .char("q"), "Esc": .escape, "←": .left]
        var states: [AppState] = []
        var state = Fixture.state()
        states.append(state)
        state = Fixture.itemsState()
        states.append(state)
        state.open(.detail(itemID: "alpha.1", scroll: 0))
        states.append(state)
        for state in states {
            for hint in KeyMap.hints(for: state) {
                guard let key = probe[hint.key] else { continue }
                #expect(KeyMap.action(for: key, in: state) != nil, "\(hint.key) in \(String(describing: state.modal))")
            }
        }
    }

    @Test func helpListsTheContractKeys() {
        let keys = KeyMap.help.flatMap { $0.keys.map(\.key) }.joined(separator: " ")
        for needle in ["k j", "PgUp", "Home End", "Enter", "Space", "s", "Esc", "u", "?", "q"] {
            #expect(keys.contains(needle), "\(needle)")
        }
    }
}
