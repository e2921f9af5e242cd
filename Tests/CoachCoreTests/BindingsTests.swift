import Foundation
import Testing
@testable import CoachCore

/// The one bindings table: the key map, the key bar, help and the README all come from it.
@Suite struct BindingsTests {
    @Test func everyBindingIsFoundByTheKeyMapWhereItApplies() {
        // The first binding of a context that names a key wins: a later one with the same
        // key in the same context would never be reached.
        for context in KeyContext.allCases {
            var seen: Set<Key> = []
            for binding in Bindings.all where binding.applies(in: context) {
                for (key, _) in binding.keys {
                    #expect(!seen.contains(key), "\(key) is bound twice in \(context)")
                    seen.insert(key)
                }
            }
        }
    }

    @Test func everyContextCanBeLeftOrAnswered() {
        for context in KeyContext.allCases {
            let actions = Bindings.all.filter { $0.applies(in: context) }.flatMap { $0.keys.map(\.action) }
            let leaves = actions.contains { [.close, .quit, .answer(false), .resolveConflict(keepMine: false)].contains($0) }
            #expect(leaves || context == .help, "\(context)")  // help: any other key closes it
        }
    }

    @Test func helpTextsFitTheHelpBox() {
        for binding in Bindings.all {
            #expect(DisplayWidth.of(binding.help) <= HelpLayout.labelWidth, "\(binding.label): \(binding.help)")
            #expect(DisplayWidth.of(binding.label) <= 16, "\(binding.label)")
        }
    }

    @Test func helpListsOnlyTheKeysThatWorkOnTheScreen() {
        let today = KeyMap.help(for: .today).flatMap { $0.keys.map(\.key) }
        #expect(!today.contains("← →  h l"), "← → do nothing on Today")
        #expect(today.contains("/"), "/ searches the curriculum from Today")
        #expect(today.contains("Space") && today.contains("+ -"))
        let backlog = KeyMap.help(for: .backlog).flatMap { $0.keys.map(\.key) }
        #expect(backlog.contains("/"), "Backlog's filter")
        #expect(!backlog.contains("← →  h l"))
        let tracks = KeyMap.help(for: .tracks).flatMap { $0.keys.map(\.key) }
        #expect(tracks.contains("← →  h l") && tracks.contains("n") && tracks.contains("/"))
        // Every key help lists works there: it has an action in one of the screen's contexts.
        for screen in Screen.allCases {
            let contexts = KeyContext.all(of: screen)
            for binding in Bindings.all where contexts.contains(where: binding.applies) && !binding.keys.isEmpty {
                for context in contexts where binding.applies(in: context) {
                    var state = Fixture.state()
                    state.screen = screen
                    if context == .itemList { state.tracksCursor.pane = .items }
                    let (key, action) = binding.keys[0]
                    #expect(KeyMap.action(for: key, in: state) == action, "\(key) on \(screen)")
                }
            }
        }
    }

    @Test func helpOverTheDetailListsTheDetailsKeys() {
        var state = Fixture.itemsState()
        _ = reduce(&state, .open, now: Fixture.now)
        _ = reduce(&state, .toggleHelp, now: Fixture.now)
        #expect(KeyMap.helpContexts(state) == [.tracksDetail])
        let lines = KeyMap.helpLines(for: state)
        #expect(lines.contains(.heading("Item detail")))
        #expect(lines.contains(.key("Esc  Enter  ←  h", "close the detail")))
        #expect(!lines.contains(.key("f", "make the track your focus track")), "not a key of the detail")
    }

    @Test func theKeyBarShowsTheHintsOfTheContextInTableOrder() {
        var state = Fixture.state()
        #expect(KeyMap.hints(for: state).map(\.key) == ["↑↓", "→/Enter", "f", "/", "u", "?", "q"])
        state.tracksCursor.pane = .items
        #expect(KeyMap.hints(for: state).map(\.key) == ["↑↓", "Space", "s", "Enter", "n", "p", "t", "/", "←", "u", "?", "q"])
    }

    /// The README's key tables, as they are in the file.
    static func readmeTables() throws -> String {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        var tables: [[String]] = []
        var inTable = false
        for line in lines {
            if line.hasPrefix("| key |") {
                tables.append([line])
                inTable = true
            } else if inTable, line.hasPrefix("|") {
                tables[tables.count - 1].append(line)
            } else {
                inTable = false
            }
        }
        return tables.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    @Test func theReadmesKeyTablesAreTheBindings() throws {
        let readme = try Self.readmeTables()
        let generated = KeyTables.markdown()
        #expect(readme == generated, "README.md's key tables differ from the bindings; they should read:\n\(generated)")
    }
}
