@testable import CoachCore
import Foundation
import Testing

@Suite("undo")
struct UndoTests {
    @Test func undoesSeveralStepsInReverseOrderAndSaysWhat() {
        var state = Fixture.itemsState(track: 0, item: 0)
        _ = reduce(&state, .cycleStatus, now: Fixture.at(1))  // alpha.1 → doing
        _ = reduce(&state, .cycleStatus, now: Fixture.at(2))  // alpha.1 → done
        _ = reduce(&state, .moveDown, now: Fixture.at(3))
        _ = reduce(&state, .toggleSkip, now: Fixture.at(4))  // alpha.2 → skipped
        let afterFirst = ItemProgress(status: .doing, changed: Fixture.at(1))

        #expect(reduce(&state, .undo, now: Fixture.at(5)) == [.save(.progress)])
        #expect(state.message == "Undid: Alpha 2 → skipped")
        #expect(state.progress.items["alpha.2"] == nil, "alpha.2 had no progress at all before")
        #expect(state.progress.status(of: "alpha.1") == .done)

        #expect(reduce(&state, .undo, now: Fixture.at(6)) == [.save(.progress)])
        #expect(state.message == "Undid: Alpha 1 → done")
        #expect(state.progress.items["alpha.1"] == afterFirst)

        #expect(reduce(&state, .undo, now: Fixture.at(7)) == [.save(.progress)])
        #expect(state.message == "Undid: Alpha 1 → doing")
        #expect(state.progress.items["alpha.1"] == nil)
        #expect(state.progress == ProgressBook())

        #expect(reduce(&state, .undo, now: Fixture.at(8)).isEmpty)
        #expect(state.message == "Nothing to undo")
    }

    @Test func undoRestoresTheExactPreviousProgressWithNoteAndDates() {
        let original = ItemProgress(status: .done, changed: Fixture.at(-86_400), done: Fixture.at(-90_000),
                                    note: "wrote it up: https://example.com/post")
        var state = Fixture.itemsState(track: 1, item: 0,
                                       progress: ProgressBook(items: ["beta.1": original, "gone.item": original]))
        _ = reduce(&state, .cycleStatus, now: Fixture.now)
        #expect(state.progress.items["beta.1"]?.status == .todo)
        #expect(state.progress.items["beta.1"]?.note == original.note)

        _ = reduce(&state, .undo, now: Fixture.at(10))
        #expect(state.progress.items["beta.1"] == original)
        #expect(state.progress.items["gone.item"] == original)
    }

    @Test func undoDoesNotMoveTheCursorOrCloseTheDetail() {
        var state = Fixture.itemsState(track: 1, item: 2)
        _ = reduce(&state, .open, now: Fixture.now)
        _ = reduce(&state, .cycleStatus, now: Fixture.now)
        _ = reduce(&state, .undo, now: Fixture.now)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 0))
        #expect(state.tracksCursor.itemList.selected == 2)
        #expect(state.progress.status(of: "beta.3") == .todo)
    }

    @Test func nothingToUndoOnAFreshState() {
        var state = Fixture.state()
        #expect(reduce(&state, .undo, now: Fixture.now).isEmpty)
        #expect(state.message == "Nothing to undo")
        #expect(state.progress == ProgressBook())
    }

    @Test func historyIsCappedAtItsDepthDroppingTheOldest() {
        var state = Fixture.itemsState(track: 0, item: 0)
        let changes = UndoHistory.depth + 5
        for step in 1...changes {
            #expect(reduce(&state, .cycleStatus, now: Fixture.at(Double(step))) == [.save(.progress)])
        }
        #expect(state.undo.steps.count == UndoHistory.depth)

        for _ in 0..<UndoHistory.depth {
            #expect(reduce(&state, .undo, now: Fixture.now) == [.save(.progress)])
        }
        // Back to just after change 5 (doing, done, todo, doing, done): older steps are gone.
        #expect(state.progress.items["alpha.1"]?.status == .done)
        #expect(state.progress.items["alpha.1"]?.changed == Fixture.at(5))
        #expect(reduce(&state, .undo, now: Fixture.now).isEmpty)
        #expect(state.message == "Nothing to undo")
    }

    @Test func undoHistoryRecordAndPop() {
        var history = UndoHistory()
        #expect(history.pop() == nil)
        for n in 1...(UndoHistory.depth + 1) {
            history.record(UndoStep(label: "\(n)", change: .progress(itemID: "x", before: nil)))
        }
        #expect(history.steps.count == UndoHistory.depth)
        #expect(history.steps.first?.label == "2")
        #expect(history.pop()?.label == "\(UndoHistory.depth + 1)")
        #expect(history.steps.count == UndoHistory.depth - 1)
    }
}
