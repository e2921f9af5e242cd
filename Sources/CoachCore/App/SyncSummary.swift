/// What changed in the home since its last commit, in words: the message of the commit
/// `coach sync` makes ("3 items done, 1 note, 1 session"). Compares each document as
/// committed with the document now, record by record.
public struct SyncSummary: Equatable, Sendable {
    public var itemsDone = 0
    /// Items whose status changed to anything but done.
    public var itemsChanged = 0
    /// Items whose note or proof-of-work links changed.
    public var notes = 0
    public var sessionsAdded = 0
    public var sessionsEdited = 0
    public var sessionsRemoved = 0
    public var ideasAdded = 0
    public var ideasEdited = 0
    public var ideasRemoved = 0
    public var reviews = 0
    public var drills = 0
    public var settings = false
    public var goalHistory = false
    /// Own track files added, changed or removed.
    public var ownTracks = 0
    /// Other files that changed (named when nothing above says what changed).
    public var otherFiles: [String] = []

    public init() {}

    /// Adds what changed between `before` (as committed; nil when the file was not
    /// there) and `after` (nil when it is gone) of one document.
    public mutating func compare(_ before: DocumentValue?, _ after: DocumentValue?) {
        switch (before, after) {
        case (.progress(let old)?, .progress(let new)?): compare(old, new)
        case (nil, .progress(let new)?): compare(ProgressBook(), new)
        case (.settings(let old)?, .settings(let new)?): settings = settings || old != new
        case (nil, .settings(let new)?): settings = settings || new != Settings()
        case (.backlog(let old)?, .backlog(let new)?): compare(old, new)
        case (nil, .backlog(let new)?): compare(Backlog(), new)
        case (.journal(let old)?, .journal(let new)?): compare(old, new)
        case (nil, .journal(let new)?): compare(Journal(), new)
        case (.reviews(let old)?, .reviews(let new)?): compare(old, new)
        case (nil, .reviews(let new)?): compare(ReviewBook(), new)
        default: break
        }
    }

    mutating func compare(_ old: ProgressBook, _ new: ProgressBook) {
        for (id, now) in new.items {
            let was = old.items[id]
            if was?.status != now.status {
                if now.status == .done { itemsDone += 1 } else if was != nil || now.status != .todo { itemsChanged += 1 }
            }
            if (was?.note ?? nil) != now.note || (was?.proof ?? []) != now.proof { notes += 1 }
        }
    }

    mutating func compare(_ old: Journal, _ new: Journal) {
        let before = Dictionary(old.entries.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        let after = Dictionary(new.entries.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        for (id, entry) in after {
            if let was = before[id] { if was != entry { sessionsEdited += 1 } } else { sessionsAdded += 1 }
        }
        sessionsRemoved += before.keys.filter { after[$0] == nil }.count
        goalHistory = goalHistory || old.goals != new.goals
    }

    mutating func compare(_ old: Backlog, _ new: Backlog) {
        for idea in new.ranked {
            if let was = old[idea.id] { if was != idea { ideasEdited += 1 } } else { ideasAdded += 1 }
        }
        ideasRemoved += old.rankedIDs.filter { new[$0] == nil }.count
    }

    mutating func compare(_ old: ReviewBook, _ new: ReviewBook) {
        reviews += max(0, new.reviewCount - old.reviewCount)
        drills += max(0, new.drillAttempts.count - old.drillAttempts.count)
    }

    public var isEmpty: Bool { text.isEmpty }

    /// "3 items done, 1 note, 1 session"; empty when nothing is counted.
    public var text: String {
        var parts: [String] = []
        func add(_ count: Int, _ one: String, _ many: String, _ suffix: String = "") {
            if count > 0 { parts.append("\(count) \(count == 1 ? one : many)\(suffix)") }
        }
        add(itemsDone, "item", "items", " done")
        add(itemsChanged, "item", "items", " changed")
        add(notes, "note", "notes")
        add(sessionsAdded, "session", "sessions")
        add(sessionsEdited, "session", "sessions", " edited")
        add(sessionsRemoved, "session", "sessions", " removed")
        add(ideasAdded, "idea", "ideas")
        add(ideasEdited, "idea", "ideas", " edited")
        add(ideasRemoved, "idea", "ideas", " removed")
        add(reviews, "review", "reviews")
        add(drills, "drill", "drills")
        if settings { parts.append("settings") }
        if goalHistory && !settings { parts.append("the goal history") }
        add(ownTracks, "own track", "own tracks")
        if parts.isEmpty, !otherFiles.isEmpty {
            let shown = otherFiles.prefix(3).joined(separator: ", ")
            parts.append(otherFiles.count > 3 ? "\(shown) and \(otherFiles.count - 3) more" : shown)
        }
        return parts.joined(separator: ", ")
    }

    /// The commit's message: the summary, or what it is when nothing is counted.
    public var message: String {
        isEmpty ? "Coach: changes" : text
    }
}
