import CoachCore
import Foundation

/// A small curriculum with the shapes the views must handle: several sections, a long
/// title, accents and CJK, an item with resources.
enum Fixtures {
    static let curriculum = Curriculum(tracks: [
        Track(id: "alpha", title: "Alpha Track", sections: [
            Section(title: "Basics", items: [
                Item(id: "alpha.one", title: "First thing", summary: "Learn the first thing well, because everything later builds on it.",
                     minutes: 30, resources: [Resource(title: "A book", kind: .book, url: "https://example.com/book")]),
                Item(id: "alpha.two", title: "Café 日本語", summary: "Second.", minutes: 90),
            ]),
            Section(title: "Depth", items: [
                Item(id: "alpha.three", title: "Third thing", summary: "Third.", minutes: 45),
            ]),
        ]),
        Track(id: "beta", title: "Beta", sections: [
            Section(title: "Only", items: [Item(id: "beta.x", title: "X", summary: "x", minutes: 10)]),
        ]),
    ])

    static let day = Date(timeIntervalSince1970: 1_700_000_000)

    static func state(size: Size = Size(rows: 16, cols: 64)) -> AppState {
        var state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: size)
        state.screen = .tracks
        return state
    }

    static func apply(_ actions: [Action], to state: inout AppState) {
        for action in actions { _ = reduce(&state, action, now: day) }
    }
}
