import CoachCore

/// What a sync did, for the learner: what it sent, what it took, what it kept from
/// both machines.
public struct SyncReport: Equatable, Sendable {
    public var remote: String = ""
    /// The message of the commit made of this machine's changes; nil when there were none.
    public var committed: String?
    /// What came from the remote, in words ("1 note, 1 session"); nil when nothing came.
    public var received: String?
    public var pushed = false
    /// The files of the home the sync wrote (relative paths).
    public var changedFiles: [String] = []
    /// Records kept from both machines, in the merge driver's words, and own tracks
    /// that changed on both sides.
    public var conflicts: [String] = []

    public init() {}

    /// The documents the sync wrote, so the full-screen coach reads them again.
    public var changedDocuments: [DocumentKind] {
        DocumentKind.allCases.filter { changedFiles.contains($0.fileName) }
    }

    /// One line: "synced with REMOTE: sent 3 items done; took 1 note; 1 note kept from both machines: review it".
    public var line: String {
        var parts: [String] = []
        if let committed { parts.append("sent \(committed)") } else if pushed { parts.append("sent earlier changes") }
        if let received { parts.append("took \(received)") }
        if parts.isEmpty { parts.append("already up to date") }
        parts += conflicts
        return "synced with \(remote): " + parts.joined(separator: "; ")
    }
}

/// Where the home stands against its remote, for `coach sync --status`.
public struct SyncStatus: Equatable, Sendable {
    public var remote = ""
    public var branch = ""
    /// Coach's files changed since the last sync (not committed yet).
    public var localChanges: [String] = []
    /// Commits here that the remote lacks, and the other way round.
    public var ahead = 0
    public var behind = 0
    /// Whether the remote was reached now; when not, why (the counts are as of the last fetch).
    public var fetchProblem: String?
    /// A merge started by hand, or files git could not merge.
    public var conflict: String?
    /// The last sync's result, from sync.log.
    public var lastSync: String?

    public init() {}

    public var lines: [String] {
        var lines = ["remote: \(remote) (branch \(branch))"]
        lines.append(localChanges.isEmpty ? "changes here: none since the last sync"
            : "changes here: \(localChanges.joined(separator: ", ")) (go with the next sync)")
        let asOf = fetchProblem.map { " (as of the last fetch; not fetched now: \($0))" } ?? ""
        lines.append("ahead: \(ahead) commit\(ahead == 1 ? "" : "s") to send, behind: \(behind) commit\(behind == 1 ? "" : "s") to take\(asOf)")
        lines.append("conflicts: \(conflict ?? "none")")
        lines.append("last sync: \(lastSync ?? "never")")
        return lines
    }
}
