import CoachCore
import Foundation
import Testing

@Suite("reduce: changing an item's status")
struct ReduceStatusTests {
    @Test func spaceCyclesTodoDoingDoneTodo() {
        var state = Fixture.itemsState(track: 0, item: 1)
        var seen: [ItemStatus] = []
        for step in 0..<4 {
            let effects = reduce(&state, .cycleStatus, now: Fixture.at(Double(step)))
            #expect(effects == [.save(.progress)])
            seen.append(state.progress.status(of: "alpha.2"))
        }
        #expect(seen == [.doing, .done, .todo, .doing])
    }

    @Test func statusChangeIsTimeStampedWithTheGivenTime() throws {
        var state = Fixture.itemsState(track: 0, item: 0)
        _ = reduce(&state, .cycleStatus, now: Fixture.at(60))
        let entry = try #require(state.progress.items["alpha.1"])
        #expect(entry.status == .doing)
        #expect(entry.changed == Fixture.at(60))
        #expect(entry.done == nil)
    }

    @Test func statusChangeRecordsAnUndoStep() throws {
        var state = Fixture.itemsState(track: 0, item: 2)
        #expect(state.undo.steps.isEmpty)
        _ = reduce(&state, .cycleStatus, now: Fixture.now)
        let step = try #require(state.undo.steps.last)
        #expect(state.undo.steps.count == 1)
        #expect(step.label == "Alpha 3 → doing")
        #expect(step.change == .progress(itemID: "alpha.3", before: nil))
    }

    @Test func skipAndUnskip() {
        var state = Fixture.itemsState(track: 1, item: 4)
        #expect(reduce(&state, .toggleSkip, now: Fixture.now) == [.save(.progress)])
        #expect(state.progress.status(of: "beta.5") == .skipped)
        #expect(state.undo.steps.last?.label == "Beta 5 → skipped")

        #expect(reduce(&state, .toggleSkip, now: Fixture.at(1)) == [.save(.progress)])
        #expect(state.progress.status(of: "beta.5") == .todo)
        #expect(state.undo.steps.last?.label == "Beta 5 → todo")
        #expect(state.undo.steps.count == 2)
    }

    @Test func skippingADoneItemKeepsItsDoneDate() {
        var state = Fixture.itemsState(track: 0, item: 0)
        _ = reduce(&state, .cycleStatus, now: Fixture.at(1))
        _ = reduce(&state, .cycleStatus, now: Fixture.at(2))
        _ = reduce(&state, .toggleSkip, now: Fixture.at(3))
        #expect(state.progress.items["alpha.1"]?.status == .skipped)
        #expect(state.progress.items["alpha.1"]?.done == Fixture.at(2))
        #expect(state.progress.items["alpha.1"]?.changed == Fixture.at(3))
    }

    @Test func spaceOnASkippedItemBringsItBackAsTodo() {
        var state = Fixture.itemsState(track: 0, item: 0)
        _ = reduce(&state, .toggleSkip, now: Fixture.now)
        _ = reduce(&state, .cycleStatus, now: Fixture.now)
        #expect(state.progress.status(of: "alpha.1") == .todo)
    }

    @Test(arguments: [Action.cycleStatus, .toggleSkip])
    func onTheTrackPaneProgressIsLeftAloneWithAMessage(action: Action) {
        var state = Fixture.state()
        let effects = reduce(&state, action, now: Fixture.now)
        #expect(effects.isEmpty)
        #expect(state.progress == ProgressBook())
        #expect(state.undo.steps.isEmpty)
        #expect(state.message?.isEmpty == false)
    }

    @Test func onlyTheSelectedItemChanges() {
        var state = Fixture.itemsState(track: 1, item: 6)
        _ = reduce(&state, .cycleStatus, now: Fixture.now)
        #expect(Array(state.progress.items.keys) == ["beta.7"])
    }
}
