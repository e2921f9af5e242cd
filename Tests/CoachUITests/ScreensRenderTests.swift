import CoachCore
import Foundation
import Testing
@testable import CoachUI

/// Rendered text of issue 10's screen items at 80×24 (and 60×16, 120×40 where it matters):
/// overlays over a busy screen, the message bar and log, Tracks and Backlog widths, the
/// Backlog's order, History's journal cursor.
@Suite struct ScreensRenderTests {
    static let busy = Size(rows: 24, cols: 80)

    /// A Tracks screen full of text: many tracks with long titles, wide characters, items.
    static func busyState(_ size: Size = busy) -> AppState {
        let tracks = (1...30).map { n in
            Track(id: "t\(n)", title: "Track \(n) 日本語 with a very long title indeed", sections: [
                Section(title: "Section with a long heading for track \(n)", items: (1...20).map { i in
                    Item(id: "t\(n).\(i)", title: "Item \(i) 漢字 title that goes on and on and on and on",
                         summary: "Summary of item \(i), long enough to wrap across the lines of the detail box.", minutes: 30,
                         resources: [Resource(title: "A resource", kind: .book, url: "https://example.com/\(i)")])
                }),
            ])
        }
        var ideas = Backlog()
        for n in 1...30 {
            if case .success(let fields) = IdeaValidation.check(title: "Idea \(n) 日本語 with a title", note: "note", status: .idea, reach: Double(n * 10),
                                                                impact: .medium, confidence: 0.8, effort: 1, hiddenCosts: .zero, items: []) {
                ideas.add(fields, now: Fixtures.day)
            }
        }
        var state = AppState(curriculum: Curriculum(tracks: tracks), progress: ProgressBook(), backlog: ideas, viewport: size)
        state.screen = .tracks
        return state
    }

    /// The cells of the overlay's box and a one-cell margin round it read the same over
    /// the busy screen as over an empty one: nothing beneath shows through.
    static func expectNothingShowsThrough(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let size = state.viewport
        let over = render(state, size: size)
        var alone = ScreenBuffer(size: size)
        for modal in state.modals { draw(modal, state, in: Rect(size), into: &alone) }
        // The box: from its top-left to its bottom-right corner.
        var corners: [Position] = []
        for row in 0..<size.rows { for col in 0..<size.cols where ["┌", "┘"].contains(alone[row, col].text) {
            corners.append(Position(row: row, col: col))
        } }
        guard let top = corners.first(where: { alone[$0.row, $0.col].text == "┌" }),
              let bottom = corners.last(where: { alone[$0.row, $0.col].text == "┘" }) else {
            Issue.record("\(name): no box drawn", sourceLocation: sourceLocation)
            return
        }
        for row in max(0, top.row - 1)...min(size.rows - 2, bottom.row + 1) {
            for col in max(0, top.col - 1)...min(size.cols - 1, bottom.col + 1) where over[row, col].text != alone[row, col].text {
                Issue.record("\(name): \(over[row, col].text) shows through at \(row),\(col)\n\(over.text)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    @Test func noOverlayLetsTheScreenBeneathShowThrough() {
        var state = Self.busyState()
        Fixtures.apply([.toggleHelp], to: &state)
        Self.expectNothingShowsThrough(state, "help")

        state = Self.busyState()
        Fixtures.apply([.openSearch] + "item".map { .edit(.insert($0)) }, to: &state)
        Self.expectNothingShowsThrough(state, "search")

        state = Self.busyState()
        Fixtures.apply([.focusRight, .moveDown, .open], to: &state)
        Self.expectNothingShowsThrough(state, "detail")
        Fixtures.apply([.editNote], to: &state)
        Self.expectNothingShowsThrough(state, "note editor over the detail")

        state = Self.busyState()
        state.message = "one"
        Fixtures.apply([.showMessages], to: &state)
        Self.expectNothingShowsThrough(state, "messages")

        state = Self.busyState()
        Fixtures.apply([.showScreen(.backlog), .addIdea], to: &state)
        Self.expectNothingShowsThrough(state, "idea form")

        state = Self.busyState()
        Fixtures.apply([.saveRefused(.progress)], to: &state)
        Self.expectNothingShowsThrough(state, "the changed-file question")
    }

    @Test func oneLineQuestionsAndFieldsClearTheirWholeRow() {
        var state = Self.busyState()
        Fixtures.apply([.showScreen(.backlog), .deleteIdea], to: &state)
        let row = QuestionView.backlogRow(Rect(state.viewport))
        let line = render(state, size: state.viewport).line(row)
        #expect(line.hasPrefix(" Delete \"Idea 30 日本語 with a title\"? y/n"))
        #expect(!line.contains("─"), "nothing of the rule beneath")
    }

    @Test func theSessionFormAndTheFinishingNoteKeepABlankRowAbove() {
        var journal = Journal()
        for offset in 0..<30 {
            _ = journal.add(JournalEntry(day: StudyDay(Fixtures.day, in: .utc).adding(days: -offset), minutes: 20, note: "session \(offset)"))
        }
        var state = AppState(curriculum: Fixtures.curriculum, progress: ProgressBook(),
                             study: StudyState(journal: journal, timeZone: .utc, now: Fixtures.day), viewport: Self.busy)
        state.screen = .history
        Fixtures.apply([.editEntry], to: &state)
        var lines = render(state, size: state.viewport).lines
        #expect(lines[21].hasPrefix(" Session of "))
        #expect(lines[20].isEmpty, "\(lines[20])")
        Fixtures.apply([.close], to: &state)
        state.screen = .today
        Fixtures.apply([.toggleTimer, .finishSession], to: &state)
        lines = render(state, size: state.viewport).lines
        #expect(lines[22].hasPrefix(" Note:"))
        #expect(lines[21].isEmpty, "\(lines[21])")
    }

    @Test func aLongMessageWrapsOntoTheRowAboveAndALongerOneEndsAtAWordPointingAtM() {
        var state = Self.busyState()
        state.message = "progress.json was changed by another program: Coach now shows it as it is on disk, and your change is kept"
        var buffer = render(state, size: state.viewport)
        #expect(buffer.line(22) == " progress.json was changed by another program: Coach now shows it as it is on")
        #expect(buffer.line(23) == " disk, and your change is kept")
        state.message = String(repeating: "Every word of this message is kept whole. ", count: 5)
        buffer = render(state, size: state.viewport)
        #expect(buffer.line(22) == " Every word of this message is kept whole. Every word of this message is kept")
        #expect(buffer.line(23) == " whole. Every word of this message is kept whole. Every word of this…  M: all")
        #expect(DisplayWidth.of(buffer.line(23)) <= 80)
        state.message = "Focus track: Beta"
        buffer = render(state, size: state.viewport)
        #expect(buffer.line(23) == " Focus track: Beta")
        #expect(buffer.line(22).contains("│"), "a short message leaves the screen above alone")
    }

    @Test func mShowsTheMessagesInFullAt80x24() {
        var state = Self.busyState()
        let long = "progress.json was changed by another program: Coach now shows it as it is on disk, and your change is kept"
        state.message = "Focus track: Beta"
        state.message = long
        Fixtures.apply([.showMessages], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines.contains { $0.contains("┌─ Messages, newest first ─") })
        #expect(lines.contains { $0.contains("│ • progress.json was changed by another program: Coach now shows it as it") })
        #expect(lines.contains { $0.contains("│   is on disk, and your change is kept") })
        #expect(lines.contains { $0.contains("│ • Focus track: Beta") })
        #expect(lines[23].hasPrefix(" ↑↓ scroll  Esc close  q quit"))
    }

    @Test(arguments: [80, 120])
    func trackNamesAndBarsNeverRunTogether(cols: Int) {
        let state = Self.busyState(Size(rows: cols == 80 ? 24 : 40, cols: cols))
        let buffer = render(state, size: state.viewport)
        let pane = TracksLayout.trackPaneWidth(cols: cols, curriculum: state.curriculum)
        // The longest name (45 cells) wants 63: at 80 the items keep their 34 columns.
        #expect(pane == (cols == 80 ? 80 - TracksLayout.itemPaneMinimum : 45 + TracksLayout.trackRowChrome))
        for row in 2..<(state.viewport.rows - 1) {
            let line = (0..<pane).map { buffer[row, $0].text }.joined()
            guard let bar = line.firstIndex(where: { $0 == "░" || $0 == "█" }) else { continue }
            #expect(line[line.index(before: bar)] == " ", "a space before the bar: \(line)")
            #expect(line.contains("…") == (cols == 80), "shortened only where it does not fit: \(line)")
        }
    }

    @Test func theTrackPaneIsAsWideAsTheLongestNameFrom80Columns() {
        var state = Fixtures.state(size: Size(rows: 24, cols: 80))
        let short = TracksLayout.trackPaneWidth(cols: 80, curriculum: state.curriculum)
        #expect(short == 29, "\"Alpha Track\" needs 11 + 18")
        let curriculum = Curriculum(tracks: [Track(id: "pm", title: "Product Management Foundations", sections: [])])
        state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: Size(rows: 24, cols: 80))
        state.screen = .tracks
        let wide = TracksLayout.trackPaneWidth(cols: 80, curriculum: curriculum)
        #expect(wide == 80 - TracksLayout.itemPaneMinimum, "as wide as the items allow")
        let line = render(state, size: state.viewport).line(2)
        #expect(line.hasPrefix(" ▸ Product Management Foundations ░░░░░░   0% │"), "\(line)")
        #expect(TracksLayout.trackPaneWidth(cols: 120, curriculum: curriculum) == 30 + TracksLayout.trackRowChrome)
        // Below 80 columns the pane keeps a third, and the name is shortened.
        #expect(TracksLayout.trackPaneWidth(cols: 60, curriculum: curriculum) == 28)
        state.viewport = Size(rows: 16, cols: 60)
        #expect(render(state, size: state.viewport).line(2).hasPrefix(" ▸ Product Man… ░░░░░░   0% │"))
    }

    @Test func theBacklogAt60x16GivesTheTitleTheRoom() {
        var state = Self.busyState(Size(rows: 16, cols: 60))
        state.screen = .backlog
        let lines = render(state, size: state.viewport).lines
        // Reach, impact and confidence go; the title keeps 26 cells.
        #expect(lines[1] == "    # Title                       Effort     Score Status")
        #expect(lines[2] == "    1 Idea 30 日本語 with a tit…       1       240 idea")
        // At 80 every figure shows.
        state.viewport = Self.busy
        #expect(render(state, size: state.viewport).line(1).contains("Reach   Imp  Conf  Effort"))
    }

    @Test func theBacklogHeaderSaysTheOrderAndAKeptFilterHowToClearIt() {
        var state = Self.busyState()
        state.screen = .backlog
        Fixtures.apply([.cycleBacklogSort], to: &state)
        #expect(render(state, size: state.viewport).line(0).hasSuffix("30 ideas · sorted by effort ↑"))
        Fixtures.apply([.openSearch] + "idea 1".map { .edit(.insert($0)) } + [.confirm], to: &state)
        #expect(render(state, size: state.viewport).line(0).hasSuffix("/idea 1 · 12 of 30 · Esc clears · sorted by effort ↑"))
        Fixtures.apply([.close, .cycleBacklogStatus], to: &state)
        #expect(render(state, size: state.viewport).line(0).hasSuffix("30 of 30 idea · Esc shows all · sorted by effort ↑"))
        var plain = Self.busyState()
        plain.screen = .backlog
        #expect(render(plain, size: plain.viewport).line(23).contains("o sort"))
    }

    @Test func theJournalsSelectedRowIsDrawnSelectedAt80x24() {
        var journal = Journal()
        let today = StudyDay(Fixtures.day, in: .utc)
        for offset in 0..<30 {
            _ = journal.add(JournalEntry(day: today.adding(days: -offset), minutes: 20 + offset, note: "session \(offset)"))
        }
        var state = AppState(curriculum: Fixtures.curriculum, progress: ProgressBook(),
                             study: StudyState(journal: journal, timeZone: .utc, now: Fixtures.day), viewport: Self.busy)
        state.screen = .history
        let layout = try! #require(HistoryLayout(Self.busy, trackCount: state.curriculum.tracks.count).journal)
        Fixtures.apply([.moveDown, .moveDown], to: &state)
        var buffer = render(state, size: state.viewport)
        #expect(buffer.line(layout.firstRow + 2).contains("session 2"))
        #expect(buffer[layout.firstRow + 2, layout.col].style.reverse, "the selected row is reversed")
        #expect(!buffer[layout.firstRow + 1, layout.col].style.reverse)
        Fixtures.apply([.pageDown], to: &state)
        #expect(state.study.journalList.selected == 2 + layout.rows, "a page is the rows the journal shows")
        buffer = render(state, size: state.viewport)
        let selected = (layout.firstRow..<(layout.firstRow + layout.rows)).first { buffer[$0, layout.col].style.reverse }
        #expect(selected.map { buffer.line($0).contains("session \(2 + layout.rows)") } == true)
    }

    @Test(arguments: Screen.allCases)
    func everyKeyHelpListsWorksThere(screen: Screen) {
        var state = Self.busyState()
        state.screen = screen
        for context in KeyContext.all(of: screen) {
            if context == .itemList { Fixtures.apply([.focusRight], to: &state) }
            for binding in Bindings.all where binding.applies(in: context) {
                for (key, action) in binding.keys {
                    #expect(KeyMap.action(for: key, in: state) == action, "\(context): \(binding.label)")
                }
            }
        }
    }
}
