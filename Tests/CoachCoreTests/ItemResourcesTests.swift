import Foundation
import Testing
@testable import CoachCore

/// The item detail's resources: ↓ reads the text, then selects resource after
/// resource; `o` asks the shell to open the selected one, `y` to copy its address.
@Suite struct ItemResourcesTests {
    static let resources = [
        Resource(title: "The paper", kind: .paper, url: "https://example.com/paper"),
        Resource(title: "A book without a link", kind: .book),
        Resource(title: "The course", kind: .course, url: "https://example.com/" + String(repeating: "long/", count: 20)),
    ]

    /// One item with a summary of `summaryLines` lines (at 52 columns) and the resources.
    static func state(summaryLines: Int = 1, resources: [Resource] = resources) -> AppState {
        let summary = (1...summaryLines).map { "Line \($0) of the summary." }.joined(separator: "\n")
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [
            Section(title: "S", items: [Item(id: "t.a", title: "A", summary: summary, minutes: 5, resources: resources)]),
        ])])
        var state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: Size(rows: 16, cols: 60))
        state.screen = .tracks
        Fixture.apply([.focusRight, .open], to: &state)
        return state
    }

    static func selected(_ state: AppState) -> Int? {
        if case .detail(_, _, let resources)? = state.modal { return resources?.selected }
        return nil
    }

    static func scroll(_ state: AppState) -> Int { state.openDetail?.scroll ?? -1 }

    @Test func downReadsTheTextFirstThenMovesThroughTheResources() {
        // 12 rows show: the text above the resources takes 8 + 10 summary lines, so ↓
        // scrolls until the first resource is whole in view.
        var state = Self.state(summaryLines: 10)
        #expect(Self.selected(state) == nil)
        var downs = 0
        while Self.selected(state) == nil, downs < 30 {
            Fixture.apply([.moveDown], to: &state)
            downs += 1
        }
        #expect(Self.selected(state) == 0)
        let lines = ItemDetailText.lines(for: state.curriculum.item(id: "t.a")!, in: state, changedDay: nil, width: 52)
        let first = ItemDetailText.rows(ofResource: 0, in: lines)!
        #expect(first.upperBound < Self.scroll(state) + 12, "the first resource is in view when it is selected")
        #expect(downs == first.upperBound - 12 + 2, "each ↓ before it scrolled one line")

        Fixture.apply([.moveDown, .moveDown], to: &state)
        #expect(Self.selected(state) == 2)
        let last = ItemDetailText.rows(ofResource: 2, in: lines)!
        #expect(last.upperBound < Self.scroll(state) + 12, "the whole address of the selected one is in view")
        Fixture.apply([.moveDown], to: &state)
        #expect(Self.selected(state) == 2, "the last resource stays selected")

        Fixture.apply([.moveUp, .moveUp], to: &state)
        #expect(Self.selected(state) == 0)
        let scrolled = Self.scroll(state)
        Fixture.apply([.moveUp], to: &state)
        #expect(Self.selected(state) == nil, "↑ from the first resource goes back to the text")
        Fixture.apply([.moveUp], to: &state)
        #expect(Self.scroll(state) == scrolled - 1, "and then scrolls it")

        Fixture.apply([.moveBottom], to: &state)
        #expect(Self.selected(state) == 2, "G goes to the last resource")
        Fixture.apply([.moveTop], to: &state)
        #expect(Self.selected(state) == nil)
        #expect(Self.scroll(state) == 0)
    }

    @Test func oOpensAndYCopiesTheSelectedResourceAndSayWhatTheyDid() {
        var state = Self.state()
        #expect(KeyMap.action(for: .char("o"), in: state) == .openLink)
        #expect(KeyMap.action(for: .char("y"), in: state) == .copyLink)
        #expect(Fixture.apply([.openLink], to: &state).isEmpty)
        #expect(state.message == "Choose a resource first: ↓ moves to the resources")

        Fixture.apply([.moveDown], to: &state)
        #expect(Self.selected(state) == 0, "a short text is read at once")
        #expect(Fixture.apply([.openLink], to: &state) == [.openLink("https://example.com/paper")])
        #expect(state.message == "Opening https://example.com/paper")
        Fixture.apply([.linkOpened(.opened(link: "https://example.com/paper", opener: "xdg-open"))], to: &state)
        #expect(state.message == "Opened https://example.com/paper with xdg-open")
        Fixture.apply([.linkOpened(.failed("Cannot open the link: no opener could be started (tried xdg-open, open)"))],
                      to: &state)
        #expect(state.message == "Cannot open the link: no opener could be started (tried xdg-open, open)")
        #expect(state.modal?.detailItemID == "t.a", "the detail stays open")

        #expect(Fixture.apply([.copyLink], to: &state) == [.copy("https://example.com/paper")])
        #expect(state.message == "Copied to the clipboard: https://example.com/paper")

        Fixture.apply([.moveDown], to: &state)
        #expect(Fixture.apply([.openLink], to: &state).isEmpty)
        #expect(state.message == "\"A book without a link\" has no address to open")
        #expect(Fixture.apply([.copyLink], to: &state).isEmpty)
        #expect(state.message == "\"A book without a link\" has no address to copy")

        Fixture.apply([.moveDown], to: &state)
        let long = "https://example.com/" + String(repeating: "long/", count: 20)
        #expect(Fixture.apply([.copyLink], to: &state) == [.copy(long)], "the whole address, however long")
    }

    @Test func aClickSelectsAResourceAndASecondClickOpensIt() throws {
        var state = Self.state()
        let lines = ItemDetailText.lines(for: state.curriculum.item(id: "t.a")!, in: state, changedDay: nil, width: 52)
        // The box's first text row is screen row 2 (the box starts on row 1).
        let paper = try #require(ItemDetailText.rows(ofResource: 0, in: lines)).upperBound + 2
        #expect(Fixture.apply([.click(row: paper, col: 10)], to: &state).isEmpty)
        #expect(Self.selected(state) == 0, "a click on the address line selects its resource")
        #expect(Fixture.apply([.click(row: paper, col: 10)], to: &state) == [.openLink("https://example.com/paper")])
        Fixture.apply([.click(row: 2, col: 10)], to: &state)
        #expect(Self.selected(state) == 0, "a click on the text selects nothing")
        let course = try #require(ItemDetailText.rows(ofResource: 2, in: lines)).upperBound + 2
        Fixture.apply([.click(row: course, col: 10)], to: &state)
        #expect(Self.selected(state) == 0, "nor a click below the box's last row")
        #expect(state.modal?.detailItemID == "t.a")
    }

    @Test func anItemWithoutResourcesSaysSo() {
        var state = Self.state(resources: [])
        #expect(Fixture.apply([.moveDown, .openLink], to: &state).isEmpty)
        #expect(state.message == "This item lists no resources")
    }

    @Test func aLongAddressIsWrappedWholeNeverCut() {
        let state = Self.state()
        let lines = ItemDetailText.lines(for: state.curriculum.item(id: "t.a")!, in: state, changedDay: nil, width: 30)
        let rows = ItemDetailText.rows(ofResource: 2, in: lines)!
        let address = lines[rows].filter { $0.kind == .link }.map { String($0.text.dropFirst(2)) }.joined()
        #expect(address == "https://example.com/" + String(repeating: "long/", count: 20))
        #expect(lines.filter { $0.resource != nil }.allSatisfy { DisplayWidth.of($0.text) <= 30 })
    }
}
