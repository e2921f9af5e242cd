import CoachCore
import FoundationEssentials

/// What a merge kept from both sides for a person to look at: two notes kept in one
/// (marked), or a record edited on one machine and deleted on the other (kept).
public struct MergeConflict: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// Both machines changed the field: both values are kept, marked, in the field
        /// (or, when they do not fit, the other one in `kept`).
        case keptBoth = "both"
        /// One machine edited the record, the other deleted it: the edit is kept.
        case keptEdit = "edit"
    }

    public var kind: Kind
    /// The record's id: an item id, an idea id, a session's or a rating's id.
    public var record: String
    /// The field, for `keptBoth` ("note"); empty for a whole record.
    public var field: String
    /// The other side's value when it did not fit beside the first in the field.
    public var kept: String?

    public init(kind: Kind, record: String, field: String = "", kept: String? = nil) {
        self.kind = kind
        self.record = record
        self.field = field
        self.kept = kept
    }
}

/// A merged document: the bytes to write (in the house format, always a file Coach
/// loads) and what was kept from both sides, also written into the file as `conflicts`.
public struct MergeOutcome: Sendable {
    public var data: Data
    public var conflicts: [MergeConflict]
}

/// Why a merge could not be made: one side is not a document of its kind.
public struct MergeError: Error, Equatable, CustomStringConvertible {
    /// "base", "ours" or "theirs" (or the file's path, when the caller knows it).
    public var side: String
    public var reason: String

    public init(side: String, reason: String) {
        self.side = side
        self.reason = reason
    }

    public var description: String { "\(side): \(reason)" }
}

/// The three-way merge of one document of the home, for `coach merge` (git's merge
/// driver), `coach sync` and the conflict copies folder-sync tools leave. Pure: bytes in,
/// bytes out. Each kind's rules live in a file of their own (`ProgressMerge`, …); the
/// records of every kind are merged by `RecordMerge`.
public enum DocumentMerge {
    /// The tag that marks two values kept in one field, between them.
    public static let bothMarker = " [kept from both machines] "
    /// Where a merged document lists what it kept from both sides.
    static let conflictsKey = "conflicts"
    /// Where a document lists the ids of deleted records, with the time of the deletion.
    static let removedKey = "removed"

    /// The kind of a document from its file name: "progress.json" and the conflict copies
    /// of it ("progress.sync-conflict-….json"); nil for session.json (one machine's) and
    /// anything else.
    public static func kind(ofFileNamed name: String) -> DocumentKind? {
        let kind = DocumentKind.watched.first { name == $0.fileName }
        return kind ?? ConflictCopies.document(ofCopyNamed: name)
    }

    /// The kind of a document from what it holds, for a merge driver given only
    /// temporary names: journal sessions, ideas, cards, items with a status (progress)
    /// or with ratings (reviews), else settings. Nil when it is not a JSON object.
    public static func kind(ofDocument data: Data) -> DocumentKind? {
        guard let tree = try? JSONTree.read(data), case .object = tree else { return nil }
        if tree["entries"] != nil || tree["goals"] != nil { return .journal }
        if tree["ideas"] != nil { return .backlog }
        if tree["cards"] != nil || tree["reviews"] != nil || tree["drills"] != nil { return .reviews }
        if let items = tree["items"] {
            let first = items.pairs.first?.value
            if case .array? = first { return .reviews }
            return .progress
        }
        return .settings
    }

    /// Merges `ours` and `theirs`, which both came from `base` (nil when there is no
    /// common ancestor: then what either side holds is kept, by the two-way rules).
    public static func merge(kind: DocumentKind, base: Data?, ours: Data, theirs: Data) throws -> MergeOutcome {
        let oursTree = try tree(ours, side: "ours", kind: kind)
        let theirsTree = try tree(theirs, side: "theirs", kind: kind)
        // A broken or empty base (git gives an empty file when there is none) is no base.
        let baseTree = base.flatMap { $0.isEmpty ? nil : try? tree($0, side: "base", kind: kind) }
        var run = MergeRun()
        var merged: JSONTree
        switch kind {
        case .progress: merged = ProgressMerge.merge(baseTree, oursTree, theirsTree, &run)
        case .journal: merged = JournalMerge.merge(baseTree, oursTree, theirsTree, &run)
        case .reviews: merged = ReviewsMerge.merge(baseTree, oursTree, theirsTree, &run)
        case .backlog: merged = BacklogMerge.merge(baseTree, oursTree, theirsTree, &run)
        case .settings: merged = SettingsMerge.merge(baseTree, oursTree, theirsTree, &run)
        case .session:
            throw MergeError(side: "ours", reason: "session.json belongs to one machine and is never merged")
        }
        merged = merged.setting("version", version(of: oursTree, theirsTree))
        let conflicts = MergeConflicts.merged(run.conflicts, ours: oursTree, theirs: theirsTree, in: merged)
        merged = merged.setting(conflictsKey, conflicts.isEmpty ? nil : .array(conflicts.map(MergeConflicts.tree)))
        let data = Data(merged.houseFormat)
        try checkLoads(data, kind: kind)
        return MergeOutcome(data: data, conflicts: run.conflicts)
    }

    /// The side's tree, or what is wrong with it in the words the stores use.
    private static func tree(_ data: Data, side: String, kind: DocumentKind) throws -> JSONTree {
        let url = URL(fileURLWithPath: side)
        let tree: JSONTree
        do {
            tree = try JSONTree.read(data)
        } catch .syntax(let error) {
            throw MergeError(side: side, reason: reason(of: VersionedDocument.syntaxProblem(error, in: data, file: url)))
        } catch .repeatedKey(let path) {
            throw MergeError(side: side, reason: "\(path): \(JSONFile.repeatedKeyReason)")
        }
        guard case .object = tree else { throw MergeError(side: side, reason: "expected an object with a version") }
        // Each side must be a document Coach reads: a merge never makes a broken file good.
        do {
            try load(data, kind: kind, file: url)
        } catch let error as StoreError {
            throw MergeError(side: side, reason: reason(of: error))
        }
        return tree
    }

    /// The higher of the two versions: a side already upgraded wins.
    private static func version(of ours: JSONTree, _ theirs: JSONTree) -> JSONTree {
        func number(_ tree: JSONTree) -> Int { if case .number(let text)? = tree["version"] { Int(text) ?? 1 } else { 1 } }
        return .number("\(max(number(ours), number(theirs)))")
    }

    /// The merged bytes load with the kind's own reader; anything else is this code's
    /// bug, and is refused rather than written.
    private static func checkLoads(_ data: Data, kind: DocumentKind) throws {
        do {
            try load(data, kind: kind, file: URL(fileURLWithPath: "merged \(kind.fileName)"))
        } catch let error as StoreError {
            throw MergeError(side: "merged", reason: reason(of: error))
        }
    }

    static func load(_ data: Data, kind: DocumentKind, file url: URL) throws {
        switch kind {
        case .progress: _ = try ProgressStore.book(from: data, file: url)
        case .journal: _ = try JournalStore.journal(from: data, file: url)
        case .reviews: _ = try ReviewStore.book(from: data, file: url)
        case .backlog: _ = try BacklogStore.load(data, file: url)
        case .settings: _ = try SettingsStore.settings(from: data, file: url)
        case .session: break
        }
    }

    /// The store's message without the file's name, which the caller puts first.
    private static func reason(of error: StoreError) -> String {
        switch error {
        case .unreadable(_, let place, let reason): "\(place): \(reason)"
        case .newerVersion(_, let found, let supported):
            "version \(found), newer than this Coach understands (\(supported)); update Coach"
        default: error.description
        }
    }
}

/// What one merge collects as it goes.
struct MergeRun {
    var conflicts: [MergeConflict] = []
}
