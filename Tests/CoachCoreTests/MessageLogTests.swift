@testable import CoachCore
import Foundation
import Testing

/// Messages are cut at a word with "…", never mid-word, and `M` lists the last ones whole.
@Suite struct MessageLogTests {
    @Test func aLongMessageIsCutAtAWord() {
        let message = "progress.json was changed by another program: Coach now shows it as it is on disk"
        #expect(MessageFit.fit(message, width: 200) == message)
        let cut = MessageFit.fit(message, width: 40)
        #expect(cut == "progress.json was changed by another…")
        #expect(DisplayWidth.of(cut) <= 40)
        // The words kept are whole words of the message.
        let kept = cut.dropLast()
        #expect(message.hasPrefix(kept) && message.dropFirst(kept.count).first == " ")
        // No trailing colon or comma before the ellipsis.
        #expect(MessageFit.fit("Saved: a b c d e f g h i j k", width: 9) == "Saved: a…")
        #expect(MessageFit.fit("Saved: abcdefghijklmnop", width: 12) == "Saved…")
        #expect(MessageFit.fit("abcdefghijklmnopqrstuvwxyz", width: 10) == "abcdefghi…", "one long word is cut where it must")
        #expect(MessageFit.fit("日本語 日本語 日本語", width: 10) == "日本語…")
    }

    @Test func everyMessageIsLoggedAndTheLogKeepsTheLast50() {
        var state = Fixture.state()
        Fixture.apply([.moveDown, .setFocus, .setFocus], to: &state)
        #expect(state.messageLog.messages == ["Focus track: Beta", "Beta is the focus track already (F clears it)"])
        for _ in 0..<60 { Fixture.apply([.undo], to: &state) }
        #expect(state.messageLog.messages.count == MessageLog.depth)
        #expect(state.messageLog.messages.last == "Nothing to undo")
    }

    @Test func mShowsTheMessagesInFullAndScrolls() {
        var state = Fixture.state(viewport: Size(rows: 16, cols: 80))
        for index in 0..<30 { state.message = "Message number \(index) " + String(repeating: "word ", count: 20) }
        #expect(KeyMap.action(for: .char("M"), in: state) == .showMessages)
        Fixture.apply([.showMessages], to: &state)
        #expect(state.modal == .messages(ListCursor()))
        let lines = MessageLogLayout.lines(state.messageLog, state.viewport)
        #expect(lines.first?.hasPrefix("• Message number 29") == true, "newest first")
        #expect(lines.count > MessageLogLayout.visibleRows(state.viewport, lines: lines.count))
        #expect(KeyMap.action(for: .pageDown, in: state) == .pageDown)
        Fixture.apply([.moveBottom], to: &state)
        guard case .messages(let list) = state.modal else { Issue.record("closed"); return }
        #expect(list.selected == lines.count - 1)
        #expect(KeyMap.action(for: .char("M"), in: state) == .close)
        Fixture.apply([.close], to: &state)
        #expect(state.modal == nil)
        // A screen key closes it and switches, as it does help.
        Fixture.apply([.showMessages, .showScreen(.backlog)], to: &state)
        #expect(state.modal == nil && state.screen == .backlog)
    }
}
