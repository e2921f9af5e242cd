import CoachCore
import Testing
@testable import CoachUI

@Suite struct OverlayViewTests {
    @Test func itemDetailShowsSummaryStatusAndResources() {
        var state = Fixtures.state(size: Size(rows: 16, cols: 60))
        Fixtures.apply([.focusRight, .open], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines[1].hasPrefix("  ┌─ First thing ─"), "nothing of the screen behind peeks out beside the box")
        #expect(lines[1].hasSuffix("┐"), "and nothing after it")
        #expect(lines[2].hasPrefix("  │ Alpha Track · alpha.one"))
        #expect(lines[2].contains("│ Alpha Track · alpha.one"))
        #expect(lines[3].contains("│ Status: todo   Time: 0m of 30m"))
        #expect(lines[5].contains("│ Learn the first thing well, because everything later"))
        #expect(lines[6].contains("│ builds on it."))
        #expect(lines[8].contains("│ Proof of work"))
        #expect(lines[9].contains("│ none yet: p adds a link (a repo, a write-up)"))
        #expect(lines[11].contains("│ Resources"))
        #expect(lines[12].contains("│ • [book] A book"))
        #expect(lines[13].contains("│   https://example.com/book"))
        #expect(lines[15].hasPrefix(" ↑↓ scroll  Space status"))
    }

    @Test func detailListsTheProofOfWorkAndCutsALongLinkIntoLines() {
        var state = Fixtures.state(size: Size(rows: 20, cols: 60))
        var progress = ProgressBook()
        let long = "https://github.com/someone/" + String(repeating: "x", count: 60)
        progress.setProof(["https://github.com/me/first", long], of: "alpha.one", at: Fixtures.day)
        state = AppState(curriculum: Fixtures.curriculum, progress: progress, viewport: state.viewport)
        state.screen = .tracks
        Fixtures.apply([.focusRight, .open], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines[8].contains("│ Proof of work"))
        #expect(lines[9].contains("│ • https://github.com/me/first"))
        #expect(lines[10].contains("│ • https://github.com/someone/xxxxxxxxxxxxxxxxxxxxxxx │"))
        #expect(lines[11].contains("│   xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "the rest of the link, not lost")

        Fixtures.apply([.editProof], to: &state)
        let editing = render(state, size: state.viewport).lines
        #expect(editing[16].contains("│ Proof of work: links, commas between (Enter saves, E │"))
        #expect(editing[17].hasSuffix("xxxxxxxxxxxxxxxxxxxxxxxxxxxxx   │"), "the end of the links, where the cursor is")
        #expect(KeyMap.hints(for: state).map(\.label).prefix(1) == ["links, commas between"])

        // A refused link: the reason, wrapped, right above the field.
        Fixtures.apply([.edit(.insert(",")), .edit(.insert("n")), .edit(.insert("o")), .confirm], to: &state)
        guard case .checkLinks(let links)? = reduce(&state, .confirm, now: Fixtures.day).first else {
            Issue.record("the shell was not asked about the links"); return
        }
        Fixtures.apply([.linksChecked(LinkCheck(links: links, usable: []))], to: &state)
        let refused = render(state, size: state.viewport).lines
        #expect(refused[13].contains("│ proof of work: \"no\" is not a link; each must be an"))
        #expect(refused[14].contains("│ https:// or http:// address, or the path of a file"))
        #expect(refused[15].contains("│ or folder that exists "))
        #expect(refused[16].contains("│ Proof of work: links, commas between"))
    }

    @Test func detailScrollsWhenLong() {
        let resources = (1...20).map { Resource(title: "Paper \($0)", kind: .paper) }
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [
            Section(title: "S", items: [Item(id: "t.a", title: "A", summary: "s", minutes: 5, resources: resources)]),
        ])])
        var state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: Size(rows: 16, cols: 60))
        state.screen = .tracks
        // ↓ selects resource after resource (all of them are titles), scrolling as the
        // selection leaves the box.
        Fixtures.apply([.focusRight, .open] + Array(repeating: .moveDown, count: 15), to: &state)
        let text = render(state, size: state.viewport).text
        #expect(!text.contains("T · t.a"))
        #expect(text.contains("13–24 of 29"))
        let buffer = render(state, size: state.viewport)
        let row = try! #require(buffer.lines.firstIndex { $0.contains("[paper] Paper 15") })
        #expect(buffer[row, 6].style == Style(.selection, bold: true), "the selected resource is drawn selected")
        #expect(row == buffer.lines.lastIndex { $0.contains("│") && !$0.contains("└") }, "at the bottom of the box")
    }

    @Test func aLongResourceAddressWrapsWholeInTheDetail() {
        let url = "https://example.com/" + String(repeating: "abcdefghij/", count: 8)
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [
            Section(title: "S", items: [Item(id: "t.a", title: "A", summary: "s", minutes: 5,
                                             resources: [Resource(title: "Long", kind: .article, url: url)])]),
        ])])
        var state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: Size(rows: 24, cols: 60))
        state.screen = .tracks
        Fixtures.apply([.focusRight, .open], to: &state)
        let lines = render(state, size: state.viewport).lines
        let shown = String(lines.joined().filter { $0 != " " && $0 != "│" })
        #expect(shown.contains(url), "every character of the address is on screen")
    }

    @Test(arguments: Screen.allCases)
    func helpListsTheKeysOfTheScreenOnShow(screen: Screen) {
        var state = Fixtures.state(size: Size(rows: 60, cols: 80))
        state.screen = screen
        Fixtures.apply([.toggleHelp], to: &state)
        let text = render(state, size: state.viewport).text
        #expect(text.contains("┌─ Keys ─"))
        for group in KeyMap.help(for: screen) {
            #expect(text.contains(group.section))
            for key in group.keys { #expect(text.contains(key.label), "\(key.label)") }
        }
        // Keys of the other screens stay out.
        let shown = Set(KeyMap.help(for: screen).flatMap { $0.keys.map(\.label) })
        for group in KeyMap.help where !shown.contains(group.keys[0].label) {
            for key in group.keys where !shown.contains(key.label) { #expect(!text.contains(key.label)) }
        }
    }
}

@Suite struct ConflictViewTests {
    @Test func aRefusedSaveAsksInABoxOverTheScreen() {
        var state = Fixtures.state(size: Size(rows: 20, cols: 80))
        Fixtures.apply([.saveRefused(.progress)], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines[0].hasPrefix(" Coach · Tracks"), "the screen stays behind the box")
        let box = lines[6...13].joined(separator: "\n")
        #expect(lines[6].contains("┌─ progress.json changed on disk ─"))
        #expect(box.contains("│ Another program changed progress.json since Coach read it. Coach has │"))
        #expect(box.contains("│ not written over it."))
        #expect(box.contains("│ r  read the file as it is on disk (changes made here are dropped)    │"))
        #expect(box.contains("│ o  keep Coach's version: write it over the file"))
        #expect(box.contains("│ q  quit and leave the file as it is"))
        #expect(lines[13].contains("└──"))
        #expect(lines[19].hasPrefix(" r take the file on disk  o keep yours  q quit"))
    }
}

@Suite struct TextFieldViewTests {
    @Test func searchBoxShowsQueryMatchesAndCursor() {
        var state = Fixtures.state(size: Size(rows: 16, cols: 64))
        Fixtures.apply([.openSearch] + "thing".map { .edit(.insert($0)) } + [.moveDown], to: &state)
        let buffer = render(state, size: state.viewport)
        let lines = buffer.lines
        #expect(lines[1].contains("┌─ Search · 2 matches ─"))
        #expect(lines[2].contains("│ / thing"))
        #expect(lines[4].contains("│ [ ] First thing  · Alpha Track"))
        #expect(lines[4].contains("title │"))
        #expect(lines[5].contains("│ [ ] Third thing  · Alpha Track"))
        #expect(lines[15].hasPrefix(" type search  ↑↓ choose  Enter go to  Esc close"))
        // The cursor sits after the query.
        #expect(buffer.cursor == Position(row: 2, col: 11))
        // The second match is the selected one: drawn reversed.
        #expect(buffer[5, 8].style.reverse)
        #expect(!buffer[4, 8].style.reverse)
    }

    @Test func searchIsAccentAndCaseInsensitiveAndSaysWhenNothingMatches() {
        var state = Fixtures.state(size: Size(rows: 16, cols: 64))
        Fixtures.apply([.openSearch] + "CAFE".map { .edit(.insert($0)) }, to: &state)
        #expect(render(state, size: state.viewport).text.contains("Café 日本語  · Alpha Track"))
        Fixtures.apply([.edit(.insert("z"))], to: &state)
        #expect(render(state, size: state.viewport).text.contains("Nothing matches \"CAFEz\"."))
    }

    @Test func noteEditorShowsTextAndCursorInItsBox() {
        var state = Fixtures.state(size: Size(rows: 16, cols: 64))
        Fixtures.apply([.focusRight, .editNote] + "Été 日本".map { .edit(.insert($0)) } + [.edit(.left)], to: &state)
        let buffer = render(state, size: state.viewport)
        let top = try! #require(buffer.lines.firstIndex { $0.contains("┌─ Note · ") })
        #expect(buffer.lines[top].hasPrefix(" ┌─ Note · "), "as wide as the window allows")
        #expect(buffer.lines[top + 1].contains("│ Été 日本"))
        // "Été 日" is 6 cells wide; the cursor is on "本".
        #expect(buffer.cursor == Position(row: top + 1, col: 3 + 6))
        #expect(buffer.text.contains("Ctrl-D saves · Enter new line · Ctrl-X"), "the keys that end it, first")
        #expect(buffer.lines[15].hasPrefix(" type note  Ctrl-D save  Enter new line"))
    }

    @Test func savedNoteAppearsInTheDetail() {
        var state = Fixtures.state(size: Size(rows: 20, cols: 64))
        Fixtures.apply([.focusRight, .editNote] + "read chapter 2".map { .edit(.insert($0)) } + [.confirm], to: &state)
        let buffer = render(state, size: state.viewport)
        #expect(buffer.cursor == nil)
        let text = buffer.text
        #expect(text.contains("│ Note "))
        #expect(text.contains("│ read chapter 2"))
        #expect(text.contains(" Note saved"))
    }

    @Test func focusTrackIsMarkedInTheList() {
        var state = Fixtures.state()
        Fixtures.apply([.moveDown, .setFocus], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines[3].hasPrefix(" ▸ ★ Beta"))
        #expect(lines[2].hasPrefix("   Alpha Track"))
        #expect(lines[15] == " Focus track: Beta")
    }

    @Test func longQueryScrollsToKeepTheCursorVisible() {
        var buffer = ScreenBuffer(size: Size(rows: 1, cols: 10))
        buffer.textField(LineEditor("abcdefghijklmnop"), row: 0, col: 0, width: 10)
        // The cursor (after the text) stays inside the field; the start scrolls away.
        #expect(buffer.lines == ["ijklmnop"])
        #expect(buffer.cursor == Position(row: 0, col: 8))
    }
}

@Suite struct HelpViewTests {
    @Test(arguments: Screen.allCases)
    func helpAt80x24ShowsEveryBindingScrolling(screen: Screen) {
        var state = Fixtures.state(size: Size(rows: 24, cols: 80))
        state.screen = screen
        Fixtures.apply([.toggleHelp], to: &state)
        let lines = KeyMap.helpLines(for: state)
        var seen = Set<String>()
        // Page down through help: every key's line shows at some point, none is cut off.
        for _ in 0...(lines.count / 5 + 1) {
            let text = render(state, size: state.viewport).text
            for case .key(let key, let label) in lines where text.contains(label) { seen.insert(key + label) }
            Fixtures.apply([.pageDown], to: &state)
        }
        for case .key(let key, let label) in lines {
            #expect(seen.contains(key + label), "\(screen): \(key) \(label)")
        }
        let last = render(state, size: state.viewport).lines
        #expect(last.contains { $0.contains("q") && $0.contains("quit") }, "the last binding, at the bottom")
        if lines.count > HelpLayout.visibleRows(state.viewport, lines: lines.count) {
            #expect(last.contains { $0.contains("of \(lines.count)") }, "the box says which lines it shows")
        }
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func theNoteBoxIsAsWideAsTheWindowAndWrapsSeveralLines(size: Size) throws {
        var state = Fixtures.state(size: size)
        let long = String(repeating: "word ", count: 40)
        let typed: [Action] = "Line one".map { .edit(.insert($0)) } + [.edit(.newline), .edit(.newline)]
            + long.map { .edit(.insert($0)) }
        Fixtures.apply([.focusRight, .editNote] + typed, to: &state)
        let buffer = render(state, size: size)
        let lines = buffer.lines
        let top = try #require(lines.firstIndex { $0.contains("┌─ Note · First thing") })
        #expect(lines[top].hasPrefix(" ┌") && lines[top].hasSuffix("┐"), "as wide as the window, less a margin: \(lines[top])")
        #expect(lines[top + 1].contains("│ Line one"))
        #expect(lines[top + 2].allSatisfy { $0 == " " || $0 == "│" }, "the blank line stays")
        #expect(lines[top + 3].contains("│ word word"))
        let rowsOfWords = lines.filter { $0.contains("word word") }.count
        #expect(rowsOfWords == (size.cols == 80 ? 3 : 2), "200 characters wrap to the box's width")
        #expect(lines.contains { $0.contains("Ctrl-D saves · Enter new line · Ctrl-X $EDITOR · Esc cancels") })
        let cursor = try #require(buffer.cursor)
        #expect(lines[cursor.row].contains("word"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= size.cols })
    }

    @Test func aLongNoteScrollsToKeepTheCursorInTheBox() throws {
        var state = Fixtures.state(size: Size(rows: 24, cols: 80))
        let lines = (1...40).map { "line \($0)" }.joined(separator: "\n")
        Fixtures.apply([.focusRight, .editNote, .edit(.insertText(lines))], to: &state)
        let buffer = render(state, size: state.viewport)
        #expect(buffer.text.contains("line 40") && !buffer.text.contains("line 1 "))
        #expect(buffer.lines[try #require(buffer.cursor).row].contains("line 40"))
    }

    @Test func dropTheNoteIsAskedInTheBox() {
        var state = Fixtures.state(size: Size(rows: 24, cols: 80))
        Fixtures.apply([.focusRight, .editNote, .edit(.insert("x")), .close], to: &state)
        let buffer = render(state, size: state.viewport)
        #expect(buffer.text.contains("Drop the changes to the note? y/n"))
        #expect(buffer.lines.last?.contains("y drop the changes") == true)
    }
}

