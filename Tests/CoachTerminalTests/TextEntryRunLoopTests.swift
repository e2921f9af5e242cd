import CoachCore
import CoachStore
import CoachTerminal
import Foundation
import Testing

/// Text entry through the run loop: a paste is one frame, the editor gets the terminal
/// and its text comes back saved, an Esc typed fast before a key is both keys.
@Suite struct TextEntryRunLoopTests {
    @Test func aLongPasteIsOneEditAndOneFrame() throws {
        let setup = try RunLoopTests.Setup()
        defer { setup.remove() }
        let pasted = String(repeating: "retrieval ", count: 100)
        let terminal = ScriptedTerminal([.key(.char("/")), .key(.paste(pasted)), .key(.char("q"))])
        _ = setup.run(terminal)
        let search = terminal.shown.firstIndex { $0.contains("┌─ Search") } ?? 0
        // Start, the search box, the paste, then the q typed into it: one frame each.
        #expect(terminal.frames.count == search + 3, "\(terminal.frames.count) frames")
        #expect(terminal.shown[search + 1].contains("retrieval retrieval"))
    }

    @Test func bigNHandsTheTerminalToTheEditorAndSavesWhatComesBack() throws {
        let setup = try RunLoopTests.Setup()
        defer { setup.remove() }
        let terminal = ScriptedTerminal([.key(.char("l")), .key(.char("N")), .key(.char("q"))])
        var given: [String] = []
        let clock = setup.clock
        _ = TUI.run(setup.state, home: setup.home, watch: setup.watch, terminal: terminal, clock: { clock.now },
                    saves: setup.saves, editText: { text in
                        given.append(text)
                        return .changed(text + "a note\nof two lines")
                    })
        #expect(terminal.handedOver == 1, "the terminal is handed over once")
        #expect(given == [""])
        let saved = try ProgressStore.load(setup.home)
        #expect(saved.items["alpha.1"]?.note == "a note\nof two lines")
        #expect(terminal.shown.contains { $0.contains("Note saved") })
    }

    @Test func anEditorThatFailsSavesNothing() throws {
        let setup = try RunLoopTests.Setup()
        defer { setup.remove() }
        let terminal = ScriptedTerminal([.key(.char("l")), .key(.char("N")), .key(.char("q"))])
        let clock = setup.clock
        _ = TUI.run(setup.state, home: setup.home, watch: setup.watch, terminal: terminal, clock: { clock.now },
                    saves: setup.saves, editText: { _ in .failed("the editor \"vi\" ended with status 1; nothing was saved") })
        #expect((try? ProgressStore.load(setup.home))?.items["alpha.1"]?.note == nil)
        #expect(terminal.shown.contains { $0.contains("Note not saved: the editor \"vi\" ended with status 1") })
    }

    @Test func anAltKeyThatMeansNothingIsEscThenTheKey() throws {
        let setup = try RunLoopTests.Setup()
        defer { setup.remove() }
        // Esc and q sent in one read (as a script or a fast typist does) still quit.
        let terminal = ScriptedTerminal([.key(.alt("q"))])
        #expect(setup.run(terminal) == .quit)
        #expect(!terminal.hungUp, "it quit on q, not at the end of the script")
    }
}
