import CoachCore
import Testing
@testable import CoachUI

@Suite struct OverlayViewTests {
    @Test func itemDetailShowsSummaryStatusAndResources() {
        var state = Fixtures.state(size: Size(rows: 16, cols: 60))
        Fixtures.apply([.focusRight, .open], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines[1].hasPrefix(" T┌─ First thing ─"))
        #expect(lines[2].contains("│ Alpha Track · alpha.one"))
        #expect(lines[3].contains("│ Status: todo   Estimate: 30m"))
        #expect(lines[5].contains("│ Learn the first thing well, because everything later"))
        #expect(lines[6].contains("│ builds on it."))
        #expect(lines[8].contains("│ Resources"))
        #expect(lines[9].contains("│ • [book] A book"))
        #expect(lines[10].contains("│   https://example.com/book"))
        #expect(lines[15].hasPrefix(" ↑↓ scroll  Space status"))
    }

    @Test func detailScrollsWhenLong() {
        let resources = (1...20).map { Resource(title: "Paper \($0)", kind: .paper) }
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [
            Section(title: "S", items: [Item(id: "t.a", title: "A", summary: "s", minutes: 5, resources: resources)]),
        ])])
        var state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: Size(rows: 16, cols: 60))
        Fixtures.apply([.focusRight, .open, .moveDown, .moveDown, .moveDown], to: &state)
        let text = render(state, size: state.viewport).text
        #expect(!text.contains("t · t.a"))
        #expect(text.contains("4–15 of 26"))
    }

    @Test func helpListsEveryKeyGroup() {
        var state = Fixtures.state(size: Size(rows: 30, cols: 80))
        Fixtures.apply([.toggleHelp], to: &state)
        let text = render(state, size: state.viewport).text
        for group in KeyMap.help {
            #expect(text.contains(group.section))
            for key in group.keys { #expect(text.contains(key.label)) }
        }
        #expect(text.contains("┌─ Keys ─"))
    }
}
