import CoachCore
import Testing
@testable import CoachUI

@Suite struct TracksViewTests {
    @Test func rendersTrackListItemsAndKeyBar() {
        var state = Fixtures.state()
        Fixtures.apply([.focusRight, .cycleStatus, .moveDown, .moveDown, .cycleStatus, .cycleStatus], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines == [
            " Coach · Tracks                          25% overall · 1/4 done",
            " Tracks                     │ Alpha Track  ███░░░░░░░ 33% · 1/3",
            " ▸ Alpha Track  ██░░░░  33% │ Basics",
            "   Beta         ░░░░░░   0% │   [~] First thing             30m",
            "                            │   [ ] Café 日本語            1h30",
            "                            │ Depth",
            "                            │   [x] Third thing             45m",
        ] + Array(repeating: "                            │", count: 8) + [
            " ↑↓ item  Space status  s skip  Enter detail  ? help  q quit",
        ])
    }

    @Test func trackPaneSelectionIsMarked() {
        let state = Fixtures.state()
        let lines = render(state, size: state.viewport).lines
        #expect(lines[2].hasPrefix(" ▸ Alpha Track"))
        #expect(lines[3].hasPrefix("   Beta"))
        #expect(lines[15].hasPrefix(" ↑↓ track  →/Enter items"))
    }

    @Test func wideCharactersKeepTheirColumns() {
        var state = Fixtures.state()
        Fixtures.apply([.focusRight], to: &state)
        let buffer = render(state, size: state.viewport)
        // The estimate column lines up whatever the title's characters are.
        let ascii = buffer.line(3)
        let wide = buffer.line(4)
        #expect(DisplayWidth.of(ascii) == DisplayWidth.of(wide))
        #expect(buffer[4, 41].text == "日")
        #expect(buffer[4, 42].text == "")
    }

    @Test func progressBarsShowFractionOfCountedItems() {
        var state = Fixtures.state()
        Fixtures.apply([.focusRight, .cycleStatus, .cycleStatus, .moveDown, .toggleSkip], to: &state)
        let lines = render(state, size: state.viewport).lines
        // 1 done of 2 counted (one skipped) = 50%.
        #expect(lines[1].hasSuffix("█████░░░░░ 50% · 1/2"))
        #expect(lines[4].contains("[-] Café 日本語"))
    }

    @Test func longListsScrollWithTheSelection() {
        let items = (1...40).map { Item(id: "long.i\($0)", title: "Item \($0)", summary: "s", minutes: 5) }
        let curriculum = Curriculum(tracks: [Track(id: "long", title: "Long", sections: [Section(title: "All", items: items)])])
        var state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: Size(rows: 16, cols: 60))
        state.screen = .tracks
        Fixtures.apply([.focusRight, .moveBottom], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines[14].contains("Item 40"))
        #expect(!lines.contains { $0.contains("Item 1 ") })
    }

    @Test func messageReplacesKeyHints() {
        var state = Fixtures.state()
        Fixtures.apply([.focusRight, .cycleStatus, .undo], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines[15] == " Undid: First thing → doing")
    }

    @Test func tooSmallWindowAsksForMoreRoom() {
        let state = Fixtures.state(size: Size(rows: 10, cols: 40))
        let lines = render(state, size: state.viewport).lines
        #expect(lines.filter { !$0.isEmpty } == ["Enlarge the window to 60×16 (now 40×10)"])
    }
}
