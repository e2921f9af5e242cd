import CoachCore
import FoundationEssentials

/// What `coach sync --init` writes into the home's repository: which files are
/// merged by Coach, which stay on this machine, and how git finds the merge driver.
public enum SyncFiles {
    /// The documents git hands to `coach merge` (they merge record by record).
    public static let mergedDocuments: [DocumentKind] = [.progress, .settings, .backlog, .journal, .reviews]

    /// The log of the last sync, shown by `coach sync --status`.
    public static let logName = "sync.log"

    /// What belongs to one machine: never committed, and never written into the home
    /// from the remote.
    public static let localOnly: [String] = [
        DocumentKind.session.fileName,      // the running session of this machine
        ".lock",                            // who holds this machine's lock
        Backups.folderName + "/",           // this machine's rotating backups
        AtomicFile.temporaryMarker + "*",   // a save cut short
        WriteAheadRecord.fileName,          // a change across files cut short
        "crash.log",                        // the full-screen coach's crash report
        logName,                            // the last sync's result
        ".merge_file_*",                    // git's own files for a merge driver
        "*.sync-conflict-*",                // Syncthing's copies of a clash
        "*conflicted copy*",                // Dropbox's
    ]

    public static let gitignoreHeader = "# Written by coach sync: what belongs to this machine only."
    public static let gitattributesHeader = "# Written by coach sync: Coach merges its documents record by record (coach merge)."

    /// `.gitignore`, one pattern a line, each anchored to the home ("/session.json").
    public static var gitignore: String {
        ([gitignoreHeader] + localOnly.map { $0.hasPrefix("*") ? $0 : "/" + $0 }).joined(separator: "\n") + "\n"
    }

    /// `.gitattributes`: the documents merged by `coach merge`; an own track changed on
    /// both machines is not merged line by line into a file that no longer parses
    /// (`binary` keeps this machine's and reports it); the two set-up files merge as
    /// lists of lines.
    public static var gitattributes: String {
        var lines = [gitattributesHeader]
        lines += mergedDocuments.map { "/\($0.fileName) merge=coach" }
        lines += ["/tracks/*.json merge=binary", "/.gitignore merge=union", "/.gitattributes merge=union"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `existing` with every line of `wanted` it lacks added at its end; nil when it
    /// lacks none (the learner's own lines are kept as they are).
    public static func completed(_ existing: String?, with wanted: String) -> String? {
        guard let existing, !existing.isEmpty else { return wanted }
        let have = Set(existing.split(separator: "\n").map { $0.trimmingWhitespace() })
        let missing = wanted.split(separator: "\n").map(String.init).filter { !have.contains($0.trimmingWhitespace()) }
        guard !missing.isEmpty else { return nil }
        return existing + (existing.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n") + "\n"
    }

    /// True when `path` (relative to the home, as git names it) belongs to this machine.
    public static func isLocalOnly(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if path == DocumentKind.session.fileName || path == ".lock" || path == WriteAheadRecord.fileName
            || path == "crash.log" || path == logName { return true }
        if path.hasPrefix(Backups.folderName + "/") || path == Backups.folderName { return true }
        if name.hasPrefix(AtomicFile.temporaryMarker) || name.hasPrefix(".merge_file_") { return true }
        return name.contains(".sync-conflict-") || name.contains("conflicted copy")
    }

    /// The merge driver's command as git runs it (through `sh -c`): `%O %A %B` are the
    /// base, ours (where the result goes), theirs and the document's path.
    ///
    /// The driver written into `.git/config` is plain `coach` when the `coach` found on
    /// PATH is this binary, so it keeps working when Coach is reinstalled or moved
    /// along PATH; else this binary's absolute path, quoted. `coach sync` itself
    /// always passes its own binary (`-c merge.coach.driver=…`), so the merge is done by
    /// the Coach that syncs, wherever it lives.
    public static func driverCommand(binary: String, onPath: Bool) -> String {
        "\(onPath ? "coach" : shellQuoted(binary)) merge %O %A %B %P"
    }

    /// `'text'` for `sh`, a quote inside written as `'\''`.
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingText("'", with: "'\\''") + "'"
    }
}
