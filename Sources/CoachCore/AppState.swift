/// The whole state of the program in one value: what `reduce` changes and `render` draws.
public struct AppState: Equatable, Sendable {
    public let curriculum: Curriculum
    /// Changed only through `updateProgress`, which keeps the counts below in step.
    public private(set) var progress: ProgressBook
    /// Progress counts per track (same order as the curriculum) and overall, kept up to
    /// date on every change so drawing a frame never recounts 10,000 items.
    public private(set) var trackCounts: [ProgressCount]
    public private(set) var overallCount: ProgressCount
    public var viewport: Size
    public var screen: Screen = .tracks
    public var tracks = TracksCursor()
    public var overlay: Overlay?
    public var undo = UndoHistory()
    /// A one-line notice shown in the key bar until the next key ("Undid: …").
    public var message: String?

    public init(curriculum: Curriculum, progress: ProgressBook, viewport: Size = Size(rows: 24, cols: 80)) {
        self.curriculum = curriculum
        self.progress = progress
        self.viewport = viewport
        trackCounts = curriculum.tracks.map { progress.count($0) }
        overallCount = trackCounts.reduce(ProgressCount(), +)
    }

    /// The one door for changing progress: applies `change` and recounts the track that
    /// holds `itemID`. Returns what `change` returned (false: nothing changed).
    @discardableResult
    mutating func updateProgress(of itemID: String, _ change: (inout ProgressBook) -> Bool) -> Bool {
        guard change(&progress) else { return false }
        if let index = curriculum.trackIndex(containing: itemID) {
            let recount = progress.count(curriculum.tracks[index])
            overallCount = overallCount - trackCounts[index] + recount
            trackCounts[index] = recount
        }
        return true
    }

    public var selectedTrack: Track? {
        curriculum.tracks.indices.contains(tracks.track) ? curriculum.tracks[tracks.track] : nil
    }

    public var selectedItem: Item? {
        guard let items = selectedTrack?.items, items.indices.contains(tracks.item) else { return nil }
        return items[tracks.item]
    }
}

public enum Screen: Equatable, Sendable {
    case tracks
}

public enum Pane: Equatable, Sendable {
    case tracks, items
}

public enum Overlay: Equatable, Sendable {
    case help
    case detail(itemID: String, scroll: Int)
}

/// Where the Tracks screen's cursors and scroll offsets are.
public struct TracksCursor: Equatable, Sendable {
    public var pane: Pane = .tracks
    /// Index of the selected track.
    public var track = 0
    /// Index of the selected item within the track's items (all sections, in order).
    public var item = 0
    /// First visible row of the track list.
    public var trackScroll = 0
    /// First visible row of the item list, counting section header rows.
    public var itemScroll = 0

    public init() {}
}
