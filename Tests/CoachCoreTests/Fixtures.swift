import CoachCore
import Foundation

/// A small, fixed curriculum and state for the engine's tests.
///
/// Tracks, in order:
///  0 alpha  "Basics" (alpha.1–3), "More" (alpha.4–5)
///  1 beta   "Only" (beta.1–12)
///  2 gamma  "One" (gamma.1)
///  3 empty  no sections, no items
///  4–9 t5…t10, one section of two items each
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func at(_ offset: TimeInterval) -> Date {
        now.addingTimeInterval(offset)
    }

    static func item(_ id: String, _ title: String, minutes: Int = 30) -> Item {
        Item(id: id, title: title, summary: "About \(title)", minutes: minutes)
    }

    /// Items are named "<id>.<n>" and titled "<Title> <n>", numbered across the track.
    static func track(_ id: String, _ title: String, sections: [(String, Int)]) -> Track {
        var next = 1
        var built: [Section] = []
        for (sectionTitle, count) in sections {
            let items = (0..<count).map { offset in
                item("\(id).\(next + offset)", "\(title) \(next + offset)")
            }
            next += count
            built.append(Section(title: sectionTitle, items: items))
        }
        return Track(id: id, title: title, sections: built)
    }

    static func curriculum() -> Curriculum {
        Curriculum(tracks: [
            track("alpha", "Alpha", sections: [("Basics", 3), ("More", 2)]),
            track("beta", "Beta", sections: [("Only", 12)]),
            track("gamma", "Gamma", sections: [("One", 1)]),
            Track(id: "empty", title: "Empty", sections: []),
        ] + (5...10).map { track("t\($0)", "Track \($0)", sections: [("S", 2)]) })
    }

    static let trackCount = 10

    /// 8 rows → TracksLayout.listRows == 5, small enough to page and scroll.
    static let smallViewport = Size(rows: 8, cols: 80)

    /// A state on the Tracks screen, which most engine tests are about.
    static func state(viewport: Size = Size(rows: 24, cols: 80), progress: ProgressBook = ProgressBook()) -> AppState {
        var state = AppState(curriculum: curriculum(), progress: progress, viewport: viewport)
        state.screen = .tracks
        return state
    }

    /// A state with the items pane of track `track` focused and item `item` selected.
    static func itemsState(track: Int = 0, item: Int = 0, viewport: Size = Size(rows: 24, cols: 80),
                           progress: ProgressBook = ProgressBook()) -> AppState {
        var state = state(viewport: viewport, progress: progress)
        for _ in 0..<track { _ = reduce(&state, .moveDown, now: now) }
        _ = reduce(&state, .focusRight, now: now)
        for _ in 0..<item { _ = reduce(&state, .moveDown, now: now) }
        return state
    }

    /// Applies actions in order and returns the effects of the last one.
    @discardableResult
    static func apply(_ actions: [Action], to state: inout AppState, now: Date = now) -> [Effect] {
        var effects: [Effect] = []
        for action in actions { effects = reduce(&state, action, now: now) }
        return effects
    }
}
