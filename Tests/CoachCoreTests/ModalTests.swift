import Foundation
import Testing
@testable import CoachCore

/// The one stack of modals: the one on top answers, closing one shows what was beneath,
/// and keys mean in an overlay what they mean on the screen beneath.
@Suite struct ModalTests {
    static func press(_ keys: [Key], _ state: inout AppState, now: Date = Fixture.now) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            guard let action = KeyMap.action(for: key, in: state) else { continue }
            effects = reduce(&state, action, now: now)
        }
        return effects
    }

    static func todayWithReview() -> AppState {
        var book = ProgressBook()
        book.setStatus(.done, of: "alpha.1", at: ReduceTodayTests.start.addingTimeInterval(-3 * 86_400))
        var state = ReduceTodayTests.todayState(progress: book)
        state.study.planList.selected = state.study.plan?.entries.firstIndex { $0.kind == .review } ?? 0
        return state
    }

    @Test func theTopModalAnswersAndClosingShowsWhatWasBeneath() {
        var state = Fixture.itemsState()
        _ = Self.press([.enter, .char("n")], &state)
        #expect(state.modals.count == 2)
        #expect(state.modal?.noteEditor != nil)
        // A file conflict arrives while typing: it goes on top and takes the keys.
        _ = reduce(&state, .saveRefused(.progress), now: Fixture.now)
        #expect(state.modal == .fileConflict(.progress))
        #expect(!state.isTyping, "r and o answer the conflict, they are not typed")
        #expect(KeyMap.action(for: .char("o"), in: state) == .resolveConflict(keepMine: true))
        #expect(KeyMap.action(for: .char("x"), in: state) == nil)
        #expect(reduce(&state, .resolveConflict(keepMine: true), now: Fixture.now) == [.overwrite(.progress)])
        #expect(state.modal?.noteEditor != nil, "the note being typed is still there")
        _ = Self.press([.escape], &state)
        #expect(state.modal == .detail(itemID: "alpha.1", scroll: 0))
        _ = Self.press([.escape], &state)
        #expect(state.modal == nil)
    }

    @Test func aQuestionOverAFormAnswersFirst() {
        var state = Fixture.state()
        state.screen = .backlog
        _ = Self.press([.char("a"), .char("x"), .escape], &state)
        #expect(state.modal?.ideaForm?.confirmingDiscard == true)
        #expect(KeyMap.action(for: .char("n"), in: state) == .answer(false))
        #expect(KeyMap.hints(for: state).map(\.key) == ["y", "n"])
        _ = Self.press([.char("n")], &state)
        #expect(state.modal?.ideaForm?.confirmingDiscard == false)
        #expect(KeyMap.action(for: .char("n"), in: state) == .edit(.insert("n")), "in the form n is a letter again")
    }

    @Test func screenKeysCloseTheOverlaysAndSwitch() {
        for key in [Key.char("2"), .tab, .backTab] {
            var state = Self.todayWithReview()
            _ = Self.press([.enter], &state)
            #expect(state.modal?.detailItemID == "alpha.1")
            _ = Self.press([.char("?")], &state)
            #expect(state.modal == .help(ListCursor()))
            _ = Self.press([key], &state)
            #expect(state.modals.isEmpty, "\(key)")
            #expect(state.screen == (key == .backTab ? .history : .tracks), "\(key)")
        }
    }

    @Test func screenKeysAreLettersOrNothingInAQuestion() {
        var state = Self.todayWithReview()
        _ = Self.press([.char(" ")], &state)
        #expect(state.modal == .reviewPrompt(itemID: "alpha.1"))
        #expect(KeyMap.action(for: .char("2"), in: state) == .rate(.good), "2 answers good")
        #expect(KeyMap.action(for: .tab, in: state) == nil)
        #expect(reduce(&state, .nextScreen, now: Fixture.now).isEmpty)
        #expect(state.screen == .today, "a question is answered before the screen changes")
    }

    @Test func theDetailOpenedFromTodayKeepsTodaysKeys() {
        var state = Self.todayWithReview()
        _ = Self.press([.enter], &state)
        #expect(KeyMap.action(for: .char(" "), in: state) == .markDone)
        #expect(KeyMap.action(for: .char("s"), in: state) == .toggleTimer)
        // Space on a planned review asks how it went, over the detail.
        _ = Self.press([.char(" ")], &state)
        #expect(state.modal == .reviewPrompt(itemID: "alpha.1"))
        #expect(Self.press([.char("g")], &state) == [.save(.reviews)])
        #expect(state.modal?.detailItemID == "alpha.1", "the answer closes onto the detail")
        // s runs the timer, as on Today.
        #expect(Self.press([.char("s")], &state) == [.save(.session)])
        #expect(state.study.timer?.isRunning == true)
        #expect(state.progress.status(of: "alpha.1") == .done, "s did not skip the item")
    }

    @Test func theDetailOpenedFromTracksKeepsTracksKeys() {
        var state = Fixture.itemsState()
        _ = Self.press([.enter], &state)
        #expect(KeyMap.action(for: .char(" "), in: state) == .cycleStatus)
        #expect(KeyMap.action(for: .char("s"), in: state) == .toggleSkip)
        #expect(Self.press([.char("s")], &state) == [.save(.progress)])
        #expect(state.progress.status(of: "alpha.1") == .skipped)
    }

    @Test func clicksReachOnlyAScreenWithNothingOpen() {
        var state = Fixture.itemsState()
        #expect(KeyMap.action(for: .click(row: 3, col: 3), in: state) == .click(row: 3, col: 3))
        state.open(.help(ListCursor()))
        #expect(KeyMap.action(for: .click(row: 3, col: 3), in: state) == nil)
    }

    @Test func aReloadedFileTakesAwayTheQuestionsAboutIt() {
        var state = Fixture.state()
        state.open(.fileConflict(.journal))
        state.open(.deleteEntry(id: 1))
        _ = reduce(&state, .reloaded(.journal(Journal())), now: Fixture.now)
        #expect(state.modals.isEmpty)
    }
}
