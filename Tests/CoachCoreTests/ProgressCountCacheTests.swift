import CoachCore
import Testing

/// The counts the screen draws are cached in the state; they must always equal a full
/// recount of the progress book, whatever sequence of changes and undos came before.
@Suite struct ProgressCountCacheTests {
    static func recount(_ state: AppState) -> ([ProgressCount], ProgressCount) {
        let perTrack = state.curriculum.tracks.map { state.progress.count($0) }
        return (perTrack, state.progress.count(state.curriculum))
    }

    @Test func countsFollowEveryChangeAndUndo() {
        var state = Fixture.state()
        var random = SeededRandom(seed: 42)
        let actions: [Action] = [.moveDown, .moveUp, .focusLeft, .focusRight, .cycleStatus, .toggleSkip, .undo, .pageDown]
        for step in 0..<2000 {
            _ = reduce(&state, actions[random.next(below: actions.count)], now: Fixture.at(Double(step)))
            let (perTrack, overall) = Self.recount(state)
            #expect(state.trackCounts == perTrack, "step \(step)")
            #expect(state.overallCount == overall, "step \(step)")
            if state.trackCounts != perTrack { break }
        }
        #expect(state.overallCount.done + state.overallCount.doing + state.overallCount.skipped > 0)
    }

    @Test func initialCountsComeFromTheLoadedProgress() {
        var book = ProgressBook()
        book.setStatus(.done, of: "beta.1", at: Fixture.now)
        book.setStatus(.skipped, of: "beta.2", at: Fixture.now)
        book.setStatus(.done, of: "no.such.item", at: Fixture.now)
        let state = Fixture.state(progress: book)
        #expect(state.trackCounts[1] == ProgressCount(done: 1, doing: 0, skipped: 1, total: 12))
        #expect(state.overallCount.done == 1)
    }
}
