/// The study material: tracks of sections of items, as shipped in `Data/tracks/`.
public struct Curriculum: Equatable, Sendable {
    public private(set) var tracks: [Track]
    /// Where each item lives, so lookups by id stay O(1) with 10,000 items.
    private var locations: [String: ItemLocation]

    public init(tracks: [Track]) {
        self.tracks = tracks
        var locations: [String: ItemLocation] = [:]
        for (t, track) in tracks.enumerated() {
            for (s, section) in track.sections.enumerated() {
                for (i, item) in section.items.enumerated() where locations[item.id] == nil {
                    locations[item.id] = ItemLocation(track: t, section: s, item: i)
                }
            }
        }
        self.locations = locations
    }

    public func item(id: String) -> Item? {
        guard let at = locations[id] else { return nil }
        return tracks[at.track].sections[at.section].items[at.item]
    }

    public func track(containing itemID: String) -> Track? {
        trackIndex(containing: itemID).map { tracks[$0] }
    }

    public func trackIndex(containing itemID: String) -> Int? {
        locations[itemID]?.track
    }

    public func track(id: String) -> Track? {
        tracks.first { $0.id == id }
    }

    /// `id` as the curriculum holds it, when it has the item: documents that name items
    /// (progress, the journal) keep the curriculum's own string rather than one of their
    /// own, so a large home holds each of its ids once (15,000 fewer strings, over 1 MB).
    public func sharedID(_ id: String) -> String {
        locations.index(forKey: id).map { locations[$0].key } ?? id
    }

    public var allItemIDs: [String] {
        tracks.flatMap { $0.items.map(\.id) }
    }
}

/// Places as 32-bit numbers: the table holds one for each of up to 10,000 items.
struct ItemLocation: Equatable, Sendable {
    private let trackPlace, sectionPlace, itemPlace: Int32

    init(track: Int, section: Int, item: Int) {
        (trackPlace, sectionPlace, itemPlace) = (Int32(track), Int32(section), Int32(item))
    }

    var track: Int { Int(trackPlace) }
    var section: Int { Int(sectionPlace) }
    var item: Int { Int(itemPlace) }
}

public struct Track: Equatable, Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var sections: [Section]

    public init(id: String, title: String, summary: String = "", sections: [Section]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.sections = sections
    }

    /// Every item of the track in curriculum order.
    public var items: [Item] { sections.flatMap(\.items) }
}

public struct Section: Equatable, Sendable {
    public var title: String
    public var items: [Item]

    public init(title: String, items: [Item]) {
        self.title = title
        self.items = items
    }
}

public struct Item: Equatable, Sendable {
    public var id: String
    public var title: String
    public var minutes: Int
    /// The summary and the resources, packed (`ItemText`): read one item at a time,
    /// they are made into Strings only when read.
    private var text: ItemText
    public var summary: String {
        get { text.summary }
        set { text = ItemText(summary: newValue, resources: text.resources) }
    }
    public var resources: [Resource] {
        get { text.resources }
        set { text = ItemText(summary: text.summary, resources: newValue) }
    }
    /// The recall questions: each is a card once the item is done.
    public var prompts: [RecallPrompt]
    /// What the finished result of a practice item must contain.
    public var selfCheck: [String]
    /// Interview questions and case studies to answer in writing.
    public var drills: [Drill]

    public init(id: String, title: String, summary: String, minutes: Int, resources: [Resource] = [],
                prompts: [RecallPrompt] = [], selfCheck: [String] = [], drills: [Drill] = []) {
        self.id = id
        self.title = title
        self.minutes = minutes
        text = ItemText(summary: summary, resources: resources)
        self.prompts = prompts
        self.selfCheck = selfCheck
        self.drills = drills
    }
}

public struct Resource: Equatable, Sendable {
    public var title: String
    public var kind: ResourceKind
    public var url: String?

    public init(title: String, kind: ResourceKind, url: String? = nil) {
        self.title = title
        self.kind = kind
        self.url = url
    }
}

public enum ResourceKind: String, CaseIterable, Sendable {
    case book, course, paper, video, article, podcast, website, newsletter, person
}
