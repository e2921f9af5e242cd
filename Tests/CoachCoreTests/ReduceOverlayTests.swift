import CoachCore
import Foundation
import Testing

@Suite("reduce: help overlay and quit")
struct ReduceOverlayTests {
    @Test func helpToggles() {
        var state = Fixture.state()
        #expect(reduce(&state, .toggleHelp, now: Fixture.now).isEmpty)
        #expect(state.modal == .help(ListCursor()))
        #expect(reduce(&state, .toggleHelp, now: Fixture.now).isEmpty)
        #expect(state.modal == nil)
    }

    @Test func closeLeavesHelp() {
        var state = Fixture.state()
        _ = reduce(&state, .toggleHelp, now: Fixture.now)
        _ = reduce(&state, .close, now: Fixture.now)
        #expect(state.modal == nil)
    }

    @Test func helpOverTheItemDetailClosesBackOntoIt() {
        var state = Fixture.itemsState(track: 1, item: 3, viewport: Size(rows: 10, cols: 80))
        Fixture.apply([.open, .moveDown], to: &state)
        #expect(state.modal == .detail(itemID: "beta.4", scroll: 1))
        // `?` in the detail is the one key of everywhere; any key leaves help.
        #expect(KeyMap.action(for: .char("?"), in: state) == .toggleHelp)
        Fixture.apply([.toggleHelp], to: &state)
        #expect(state.modal == .help(ListCursor()))
        #expect(KeyMap.action(for: .char("x"), in: state) == .close)
        Fixture.apply([.close], to: &state)
        #expect(state.modal == .detail(itemID: "beta.4", scroll: 1), "where it was, scrolled as it was")
        Fixture.apply([.toggleHelp, .toggleHelp], to: &state)
        #expect(state.modal == .detail(itemID: "beta.4", scroll: 1))
        Fixture.apply([.close], to: &state)
        #expect(state.modal == nil)
        Fixture.apply([.toggleHelp, .close], to: &state)
        #expect(state.modal == nil, "help opened over the screen closes onto the screen")
    }

    @Test func quitEmitsQuitAndChangesNothingElse() {
        var state = Fixture.itemsState(track: 1, item: 3)
        let before = state
        #expect(reduce(&state, .quit, now: Fixture.now) == [.quit])
        #expect(state == before)
    }

    @Test func quitWorksFromTheOverlays() {
        var state = Fixture.itemsState(track: 1, item: 3)
        _ = reduce(&state, .open, now: Fixture.now)
        #expect(reduce(&state, .quit, now: Fixture.now) == [.quit])
        state.open(.help(ListCursor()))
        #expect(reduce(&state, .quit, now: Fixture.now) == [.quit])
    }
}
