import CoachCore
import Foundation
import Testing

@Suite("reduce: help overlay and quit")
struct ReduceOverlayTests {
    @Test func helpToggles() {
        var state = Fixture.state()
        #expect(reduce(&state, .toggleHelp, now: Fixture.now).isEmpty)
        #expect(state.overlay == .help)
        #expect(reduce(&state, .toggleHelp, now: Fixture.now).isEmpty)
        #expect(state.overlay == nil)
    }

    @Test func closeLeavesHelp() {
        var state = Fixture.state()
        _ = reduce(&state, .toggleHelp, now: Fixture.now)
        _ = reduce(&state, .close, now: Fixture.now)
        #expect(state.overlay == nil)
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
        state.overlay = .help
        #expect(reduce(&state, .quit, now: Fixture.now) == [.quit])
    }
}
