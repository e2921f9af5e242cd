/// The whole state of the program in one value: what `reduce` changes and `render` draws.
public struct AppState: Equatable, Sendable {
    public let curriculum: Curriculum
    /// Every item id, for checking an idea's links as it is typed.
    let knownItemIDs: Set<String>
    /// Changed only through `updateProgress`, which keeps the counts below in step.
    public private(set) var progress: ProgressBook
    /// Progress counts per track (same order as the curriculum) and overall, kept up to
    /// date on every change so drawing a frame never recounts 10,000 items.
    public private(set) var trackCounts: [ProgressCount]
    public private(set) var overallCount: ProgressCount
    public private(set) var settings: Settings
    public var viewport: Size
    public var screen: Screen = .today
    public var tracksCursor = TracksCursor()
    /// What is open over the screen, bottom first; the last one answers the keys.
    public internal(set) var modals: [Modal] = []
    /// The side-project ideas; changed only through `updateBacklog`.
    public private(set) var backlog: Backlog
    public var backlogScreen = BacklogCursor()
    /// History shows the next days' forecast in place of the minutes per week (`F`).
    public var historyShowsForecast = false
    /// The daily study session: plan, timer, journal, reviews, streaks.
    public var study: StudyState
    /// Built the first time search opens, so start-up never pays for it.
    var searchIndex: CurriculumSearch?
    public var undo = UndoHistory()
    /// A one-line notice shown in the key bar until the next key ("Undid: …"); each
    /// one is kept in `messageLog` too.
    public var message: String? {
        didSet { if let message, message != oldValue { messageLog.add(message) } }
    }
    /// The last messages, for `M`.
    public internal(set) var messageLog = MessageLog()

    public init(curriculum: Curriculum, progress: ProgressBook, settings: Settings = Settings(),
                backlog: Backlog = Backlog(), study: StudyState = StudyState(),
                viewport: Size = Size(rows: 24, cols: 80)) {
        self.curriculum = curriculum
        knownItemIDs = Set(curriculum.allItemIDs)
        self.progress = progress
        self.settings = settings
        self.backlog = backlog
        self.study = study
        self.viewport = viewport
        (trackCounts, overallCount) = Self.counts(curriculum, progress)
        self.study.follow(settings)
        self.study.refreshPlan(curriculum: curriculum, progress: progress, settings: settings)
        refreshBacklogRows()
    }

    /// The one door for changing progress: applies `change` and recounts the track that
    /// holds `itemID`. Returns what `change` returned (false: nothing changed).
    @discardableResult
    mutating func updateProgress(of itemID: String, _ change: (inout ProgressBook) -> Bool) -> Bool {
        guard change(&progress) else { return false }
        study.planIsStale = true
        if let index = curriculum.trackIndex(containing: itemID) {
            let recount = progress.count(curriculum.tracks[index])
            overallCount = overallCount - trackCounts[index] + recount
            trackCounts[index] = recount
        }
        return true
    }

    private static func counts(_ curriculum: Curriculum, _ progress: ProgressBook) -> ([ProgressCount], ProgressCount) {
        let perTrack = curriculum.tracks.map { progress.count($0) }
        return (perTrack, perTrack.reduce(ProgressCount(), +))
    }

    /// All progress at once, for a file read back from disk.
    mutating func replaceProgress(_ book: ProgressBook) {
        progress = book
        (trackCounts, overallCount) = Self.counts(curriculum, progress)
        study.planIsStale = true
    }

    /// The whole backlog at once, for a file read back from disk.
    mutating func replaceBacklog(_ ideas: Backlog) {
        backlog = ideas
        // The ideas it matched may be gone: the text filter goes, the sort stays.
        backlogScreen.query = ""
        refreshBacklogRows()
        modals.removeAll { if case .deleteIdea(let id) = $0 { backlog[id] == nil } else { false } }
        clampBacklogSelection()
    }

    /// The one door for changing the backlog: records how to undo it under `label`.
    mutating func updateBacklog(_ label: String, idea id: String, _ change: (inout Backlog) -> Void) {
        let before = backlog[id]
        change(&backlog)
        guard backlog[id] != before else { return }
        undo.record(UndoStep(label: label, change: .idea(id: id, before: before)))
        refreshBacklogRows(changed: id)
    }

    /// Puts an idea back as it was (nil: it did not exist); for undo.
    mutating func restoreIdea(_ id: String, to before: Idea?) {
        if let before { backlog.put(before) } else { _ = backlog.remove(id) }
        refreshBacklogRows(changed: id)
    }

    /// `refreshBacklogRows` after a change of one idea: in the default order the idea
    /// only moves to its place (open ideas, then finished ones, each in rank order), so a
    /// status change on 10,000 ideas walks no list of ideas.
    mutating func refreshBacklogRows(changed id: String) {
        guard backlogScreen.query.trimmingWhitespace().isEmpty, backlogScreen.order == BacklogOrder(),
              var rows = backlogScreen.filtered else { return refreshBacklogRows() }
        func closed(_ id: String) -> Bool { backlog[id].map { BacklogOrder.isClosed($0.status) } ?? false }
        if let index = rows.firstIndex(of: id) { rows.remove(at: index) }
        if let idea = backlog[id], let rank = backlog.rank(of: id) {
            let boundary = Self.firstIndex(in: 0..<rows.count) { closed(rows[$0]) }
            let segment = BacklogOrder.isClosed(idea.status) ? boundary..<rows.count : 0..<boundary
            rows.insert(id, at: Self.firstIndex(in: segment) { (backlog.rank(of: rows[$0]) ?? 0) > rank })
        }
        // With no finished idea left, the rows are the ranking itself.
        backlogScreen.filtered = rows.last.map(closed) == true ? rows : nil
    }

    /// The first index of `range` where `isAfter` holds, for a predicate that is false
    /// and then true along it (a binary search).
    private static func firstIndex(in range: Range<Int>, where isAfter: (Int) -> Bool) -> Int {
        var (low, high) = (range.lowerBound, range.upperBound)
        while low < high {
            let middle = (low + high) / 2
            if isAfter(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Lists the backlog again in the screen's order and filter, after any change: the
    /// rows only ever name ideas that exist, and a changed idea moves to its place.
    mutating func refreshBacklogRows() {
        let query = backlogScreen.query.trimmingWhitespace()
        guard query.isEmpty, backlogScreen.order == BacklogOrder() else {
            backlogScreen.filtered = backlogScreen.order.apply(backlog.search(query)).map(\.id)
            return
        }
        // The default order in one pass over the ranking (a status change on 10,000
        // ideas sorts nothing); with no finished idea it is the ranking itself.
        var open: [String] = [], closed: [String] = []
        for idea in backlog.ranked {
            if BacklogOrder.isClosed(idea.status) { closed.append(idea.id) } else { open.append(idea.id) }
        }
        backlogScreen.filtered = closed.isEmpty ? nil : open + closed
    }

    /// The one door for changing settings; returns false when nothing changed.
    @discardableResult
    mutating func updateSettings(_ change: (inout Settings) -> Void) -> Bool {
        let before = settings
        change(&settings)
        study.planIsStale = true
        study.follow(settings)
        return settings != before
    }

    public var selectedTrack: Track? {
        curriculum.tracks.indices.contains(tracksCursor.trackList.selected) ? curriculum.tracks[tracksCursor.trackList.selected] : nil
    }

    public var selectedItem: Item? {
        guard let items = selectedTrack?.items, items.indices.contains(tracksCursor.itemList.selected) else { return nil }
        return items[tracksCursor.itemList.selected]
    }
}

/// The search box and its results.
public struct SearchState: Equatable, Sendable {
    public var editor = LineEditor()
    public var hits: [CurriculumSearch.Hit] = []
    public var list = ListCursor()

    public init() {}
}

public enum Screen: Int, CaseIterable, Equatable, Sendable {
    case today = 1
    case tracks = 2
    case backlog = 3
    case history = 4

    public var title: String {
        switch self {
        case .today: "Today"
        case .tracks: "Tracks"
        case .backlog: "Backlog"
        case .history: "History"
        }
    }
}

/// The Backlog screen's selection, scroll and filter.
public struct BacklogCursor: Equatable, Sendable {
    /// Over the rows shown (the filter's result, or the whole ranking).
    public var list = ListCursor()
    /// The ids listed, in the order shown; nil when that is the RICE ranking as it is.
    public var filtered: [String]?
    /// The `/` filter's text, kept after Enter; empty: no filter.
    public var query = ""
    /// The sort (`o`) and the status shown (`s`).
    public var order = BacklogOrder()

    /// Whether the list shows only some of the ideas.
    public var isFiltered: Bool { !query.trimmingWhitespace().isEmpty || order.status != nil }

    public init() {}
}

public enum Pane: Equatable, Sendable {
    case tracks, items
}

/// Where the Tracks screen's cursors and scroll offsets are.
public struct TracksCursor: Equatable, Sendable {
    public var pane: Pane = .tracks
    /// The track list.
    public var trackList = ListCursor()
    /// The selected track's items (all sections, in order); its scroll counts the
    /// section heading rows too.
    public var itemList = ListCursor()

    public init() {}
}
