import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Syncs the home with a git remote, git being the only engine: commit this machine's
/// changes, fetch, merge with `coach merge` as the driver, push.
///
/// Git never writes the learner's files itself: `git checkout` writes a file in place,
/// so a kill half-way would leave a torn document. The merge is made in git's objects
/// (`git merge-tree --write-tree`, which runs the merge driver) and committed
/// (`commit-tree`); then Coach writes each changed file from that commit with its own
/// atomic save, and only then moves the branch (`update-ref`) and the index
/// (`read-tree`). A kill at any moment leaves every file old or new, never torn, and
/// `.git/coach-sync-apply` says which commit was being written, so the next sync
/// finishes it (or, when a file was changed since, commits what is there and merges
/// again: nothing is lost either way).
///
/// The caller holds the home's lock for the whole sync.
public final class HomeSync {
    public let home: CoachHome
    let git: GitProcess
    /// This coach binary: the merge driver of every merge this sync makes.
    let binary: String
    static let remoteName = "origin"
    static let runningMarker = "coach-sync-running"
    static let applyMarker = "coach-sync-apply"

    public init(home: CoachHome, lock: HomeLock?, binary: String, interactive: Bool, cancel: SyncCancel? = nil) {
        self.home = home
        self.binary = binary
        git = GitProcess(home: home, lock: lock, interactive: interactive, cancel: cancel)
        git.settings = ["merge.renames=false", "diff.renames=false", "core.quotePath=false",
                        "merge.coach.name=Coach's record-by-record merge",
                        "merge.coach.driver=\(SyncFiles.driverCommand(binary: binary, onPath: false)) >&2"]
    }

    var gitFolder: URL { home.url.appendingPathComponent(".git") }
    public var isRepository: Bool { Self.isFolder(gitFolder.path) }

    // MARK: - Set up

    /// `coach sync --init REMOTE`: makes the home a repository (when it is not one),
    /// writes the set-up files, commits, merges what the remote has (another machine's
    /// home) and pushes.
    public func initialize(remote: String, driverOnPath: Bool) throws -> SyncReport {
        guard !remote.isEmpty, !remote.hasPrefix("-"), !remote.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw SyncError.failed("the remote must be a git address or a path (not starting with -), got \"\(remote)\"")
        }
        try home.prepare()
        if !isRepository {
            let made = try git.runPlain(["init", "--quiet", "--initial-branch=main", home.path])
            guard made.status == 0 else { throw SyncError.failed("git init failed: \(SyncError.gitMessage(made.stderr))") }
        }
        let existing = try git.run(["remote", "get-url", Self.remoteName])
        if existing.status == 0 {
            guard existing.line == remote else { throw SyncError.otherRemote(home: home.path, existing: existing.line) }
        } else {
            let added = try git.run(["remote", "add", Self.remoteName, remote])
            guard added.status == 0 else { throw SyncError.failed("git remote add failed: \(SyncError.gitMessage(added.stderr))") }
        }
        let driver = SyncFiles.driverCommand(binary: binary, onPath: driverOnPath)
        try checked(git.run(["config", "merge.coach.name", "Coach's record-by-record merge"]), "git config")
        try checked(git.run(["config", "merge.coach.driver", driver]), "git config")
        return try sync(pushingUpstream: true)
    }

    // MARK: - Sync

    /// `coach sync`.
    public func sync() throws -> SyncReport {
        try sync(pushingUpstream: false)
    }

    func sync(pushingUpstream: Bool) throws -> SyncReport {
        guard isRepository else { throw SyncError.notSetUp(home: home.path) }
        try recoverFromKilledSync()
        try writeMarker(Self.runningMarker, "\(getpid())\n")
        defer { unlink(gitFolder.appendingPathComponent(Self.runningMarker).path) }
        let branch = try checkReady()
        let remote = try remoteURL()
        try writeSetUpFiles()
        try finishInterruptedApply(branch: branch)
        var report = SyncReport()
        report.remote = remote
        report.committed = try commitLocalChanges()
        let remoteRef = "refs/remotes/\(Self.remoteName)/\(branch)"
        var received = SyncSummary()
        for attempt in 1...3 {
            try fetch(remote: remote)
            if let theirs = try revision(remoteRef) {
                let head = try revision("HEAD")
                let (ahead, behind) = try counts(head ?? "", theirs, remoteRef: remoteRef)
                if behind > 0 {
                    let (new, conflicts) = try merged(head: head, theirs: theirs, fastForward: ahead == 0 || head == nil)
                    let before = try documents(at: head)
                    let after = try documents(at: new, mustLoad: true)
                    for kind in SyncFiles.mergedDocuments { received.compare(before[kind], after[kind]) }
                    received.ownTracks += try changedOwnTracks(from: head, to: new)
                    report.changedFiles += try apply(from: head, to: new, branch: branch)
                    report.conflicts += conflicts
                }
                // Nothing here the remote lacks: nothing to push.
                if try revision("HEAD") == theirs { break }
            }
            let pushed = try git.run(["push", "--quiet", "--porcelain"] + (pushingUpstream ? ["--set-upstream"] : [])
                                     + [Self.remoteName, "refs/heads/\(branch):refs/heads/\(branch)"])
            if pushed.status == 0 {
                report.pushed = true
                break
            }
            let error = SyncError.fromRemote(pushed, remote: remote, pushing: true)
            // Another machine pushed between the fetch and the push: take it in and try again.
            if case .pushRejected = error, attempt < 3 { continue }
            throw error
        }
        if !received.isEmpty || !report.changedFiles.isEmpty {
            report.received = received.isEmpty ? report.changedFiles.joined(separator: ", ") : received.text
        }
        report.changedFiles = Array(Set(report.changedFiles)).sorted()
        return report
    }

    /// Where the home stands: local changes, ahead and behind (after a fetch when the
    /// remote can be reached), a conflict left by hand, the last sync's result.
    public func status(fetching: Bool = true) throws -> SyncStatus {
        guard isRepository else { throw SyncError.notSetUp(home: home.path) }
        var status = SyncStatus()
        status.lastSync = SyncLog.last(in: home)
        status.remote = try remoteURL()
        guard let branch = try currentBranch() else { throw SyncError.notOnBranch(home: home.path) }
        status.branch = branch
        if let what = mergeInProgress() { status.conflict = "a git \(what) started by hand is not finished" }
        let unmerged = try unmergedFiles()
        if !unmerged.isEmpty { status.conflict = "files git could not merge: \(unmerged.joined(separator: ", "))" }
        // Read-only: the index is not refreshed (that would write it).
        let changes = try git.run(["--no-optional-locks", "status", "--porcelain", "-z", "--untracked-files=all"])
        status.localChanges = changes.stdout.split(separator: 0).compactMap { entry in
            let text = String(decoding: entry, as: UTF8.self)
            guard text.count > 3, text.dropFirst(2).first == " " else { return nil }
            let path = String(text.dropFirst(3))
            return SyncFiles.isLocalOnly(path) ? nil : path
        }
        if fetching {
            let fetched = try git.run(["fetch", "--quiet", "--no-tags", Self.remoteName])
            if fetched.status != 0 { status.fetchProblem = SyncError.gitMessage(fetched.stderr) }
        } else {
            status.fetchProblem = "the home is in use by another Coach"
        }
        let remoteRef = "refs/remotes/\(Self.remoteName)/\(branch)"
        if let head = try revision("HEAD") {
            if let theirs = try revision(remoteRef) {
                (status.ahead, status.behind) = try counts(head, theirs, remoteRef: remoteRef)
            } else {
                status.ahead = Int(try git.run(["rev-list", "--count", "HEAD"]).line) ?? 0
            }
        }
        return status
    }

    // MARK: - Steps

    /// Stops when the home is not in a state to sync: a merge started by hand, files git
    /// could not merge, no branch. Returns the branch.
    func checkReady() throws -> String {
        if let what = mergeInProgress() { throw SyncError.midMerge(home: home.path, what: what) }
        let unmerged = try unmergedFiles()
        guard unmerged.isEmpty else { throw SyncError.unmerged(home: home.path, files: unmerged) }
        guard let branch = try currentBranch() else { throw SyncError.notOnBranch(home: home.path) }
        return branch
    }

    func currentBranch() throws -> String? {
        let output = try git.run(["symbolic-ref", "--quiet", "--short", "HEAD"])
        return output.status == 0 && !output.line.isEmpty ? output.line : nil
    }

    func mergeInProgress() -> String? {
        let names: [(String, String)] = [("MERGE_HEAD", "merge"), ("rebase-merge", "rebase"), ("rebase-apply", "rebase"),
                                         ("CHERRY_PICK_HEAD", "cherry-pick"), ("REVERT_HEAD", "revert")]
        for (name, what) in names where access(gitFolder.appendingPathComponent(name).path, F_OK) == 0 { return what }
        return nil
    }

    func unmergedFiles() throws -> [String] {
        let output = try git.run(["ls-files", "--unmerged", "-z"])
        let paths = output.stdout.split(separator: 0).compactMap { entry -> String? in
            let text = String(decoding: entry, as: UTF8.self)
            return text.split(separator: "\t", maxSplits: 1).last.map(String.init)
        }
        return Array(Set(paths)).sorted()
    }

    func remoteURL() throws -> String {
        let output = try git.run(["remote", "get-url", Self.remoteName])
        guard output.status == 0, !output.line.isEmpty else { throw SyncError.noRemote(home: home.path) }
        return output.line
    }

    /// A killed sync leaves git's lock files (`index.lock`, a ref's `.lock`) and its
    /// temporary files behind. Its git has finished (it held the home's lock, which this
    /// sync now holds), so they belong to nobody and go.
    func recoverFromKilledSync() throws {
        guard access(gitFolder.appendingPathComponent(Self.runningMarker).path, F_OK) == 0 else { return }
        for name in ["index.lock", "HEAD.lock", "ORIG_HEAD.lock", "FETCH_HEAD.lock", "packed-refs.lock", "config.lock", "shallow.lock"] {
            unlink(gitFolder.appendingPathComponent(name).path)
        }
        // Its private copies of documents, and git's files for the merge driver.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: gitFolder.path)) ?? [] where name.hasPrefix("coach-read.") {
            try? FileManager.default.removeItem(at: gitFolder.appendingPathComponent(name))
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: home.path)) ?? [] where name.hasPrefix(".merge_file_") {
            unlink(home.url.appendingPathComponent(name).path)
        }
        for folder in ["refs/heads", "refs/remotes/\(Self.remoteName)"] {
            let url = gitFolder.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where name.hasSuffix(".lock") {
                unlink(url.appendingPathComponent(name).path)
            }
        }
    }

    /// Makes sure `.gitignore` and `.gitattributes` hold Coach's lines (the learner's
    /// own lines stay), so an older home or a hand-made repository syncs the same way.
    func writeSetUpFiles() throws {
        for (name, wanted) in [(".gitignore", SyncFiles.gitignore), (".gitattributes", SyncFiles.gitattributes)] {
            let url = home.url.appendingPathComponent(name)
            let existing = try AtomicFile.read(url, limit: FileSizeLimit.small).map { String(decoding: $0, as: UTF8.self) }
            if let text = SyncFiles.completed(existing, with: wanted) { try AtomicFile.write(Data(text.utf8), to: url) }
        }
    }

    /// Commits the home's changes with a message that names them; nil when nothing changed.
    func commitLocalChanges() throws -> String? {
        try checked(git.run(["add", "--all", "--", "."]), "git add")
        let staged = try git.run(["diff", "--cached", "--quiet"])
        if staged.status == 0, try revision("HEAD") != nil { return nil }
        let head = try revision("HEAD")
        var summary = SyncSummary()
        let before = try documents(at: head)
        for kind in SyncFiles.mergedDocuments {
            // A document that does not load is not sent: the other machine could not read it either.
            let now: DocumentValue?
            do {
                now = FileManager.default.fileExists(atPath: home.file(kind).path) ? try DocumentFiles.read(kind, from: home) : nil
            } catch {
                _ = try? checked(git.run(["reset", "--quiet"]), "git reset")
                throw SyncError.failed("\(error) Nothing was synced.")
            }
            summary.compare(before[kind], now)
        }
        let changed = try git.run(["diff", "--cached", "--name-only", "-z"])
        let paths = changed.stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        summary.ownTracks = paths.filter { $0.hasPrefix("tracks/") }.count
        summary.otherFiles = paths.filter { path in
            !path.hasPrefix("tracks/") && !SyncFiles.mergedDocuments.contains { $0.fileName == path }
                && path != ".gitignore" && path != ".gitattributes"
        }
        let message = head == nil ? "Coach: start syncing" + (summary.isEmpty ? "" : " (\(summary.text))")
            : summary.isEmpty && !paths.isEmpty && paths.allSatisfy({ $0.hasPrefix(".git") }) ? "Coach: sync set-up" : summary.message
        try checked(git.run(identity() + ["commit", "--quiet", "--no-verify", "--file=-"], input: Array((message + "\n").utf8)),
                    "git commit")
        return message
    }

    /// Name and address for commits when git knows none (a machine never set up for
    /// git): "Coach <coach@HOST>". The learner's own settings win.
    func identity() throws -> [String] {
        let environment = ProcessInfo.processInfo.environment
        var settings: [String] = []
        if environment["GIT_AUTHOR_NAME"] == nil, try git.run(["config", "user.name"]).line.isEmpty {
            settings += ["-c", "user.name=Coach"]
        }
        if environment["GIT_AUTHOR_EMAIL"] == nil, try git.run(["config", "user.email"]).line.isEmpty {
            var name = [CChar](repeating: 0, count: 256)
            gethostname(&name, name.count - 1)
            let host = String(cString: name)
            settings += ["-c", "user.email=coach@\(host.isEmpty ? "localhost" : host)"]
        }
        return settings
    }

    func fetch(remote: String) throws {
        let fetched = try git.run(["fetch", "--quiet", "--no-tags", Self.remoteName])
        guard fetched.status == 0 else { throw SyncError.fromRemote(fetched, remote: remote, pushing: false) }
    }

    func revision(_ name: String) throws -> String? {
        let output = try git.run(["rev-parse", "--quiet", "--verify", name + "^{commit}"])
        return output.status == 0 && !output.line.isEmpty ? output.line : nil
    }

    /// Commits here the remote lacks, and commits there this home lacks.
    func counts(_ head: String, _ theirs: String, remoteRef: String) throws -> (Int, Int) {
        guard !head.isEmpty else { return (0, Int(try git.run(["rev-list", "--count", theirs]).line) ?? 0) }
        let output = try git.run(["rev-list", "--left-right", "--count", "\(head)...\(theirs)"])
        let numbers = output.line.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard output.status == 0, numbers.count == 2 else { throw SyncError.failed("git rev-list failed: \(SyncError.gitMessage(output.stderr))") }
        return (numbers[0], numbers[1])
    }

    /// The commit the home moves to: theirs when this home has nothing they lack, else a
    /// merge made in git's objects, with `coach merge` for the documents. Returns the
    /// lines to tell the learner about records kept from both machines.
    func merged(head: String?, theirs: String, fastForward: Bool) throws -> (String, [String]) {
        guard let head, !fastForward else { return (theirs, []) }
        let output = try git.run(["merge-tree", "--write-tree", "-z", "--allow-unrelated-histories", head, theirs])
        guard output.status == 0 || output.status == 1 else {
            throw SyncError.failed("git merge-tree failed: \(SyncError.gitMessage(output.stderr))")
        }
        // -z: the tree, then "mode oid stage\tpath" of each conflicted file, an empty
        // field, then messages.
        let fields = output.stdout.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard let tree = fields.first, tree.count >= 40 else {
            throw SyncError.failed("git merge-tree gave no tree: \(SyncError.gitMessage(output.stderr))")
        }
        var conflicted: [String: [Int: String]] = [:]
        for field in fields.dropFirst() {
            if field.isEmpty { break }
            let parts = field.split(separator: "\t", maxSplits: 1).map(String.init)
            let words = parts.first?.split(separator: " ").map(String.init) ?? []
            guard parts.count == 2, words.count == 3, let stage = Int(words[2]) else { continue }
            conflicted[parts[1], default: [:]][stage] = words[1]
        }
        // The driver could not read a side (exit 2): git keeps this machine's file as
        // if merged, which would drop the other's changes. Nothing is changed then.
        if let refusal = output.stderr.split(separator: "\n").first(where: { $0.hasPrefix("coach merge:") }) {
            throw SyncError.failed("the merge stopped (\(refusal.dropFirst(13).trimmingWhitespace())); nothing was changed")
        }
        var lines = Self.driverLines(output.stderr)
        for (path, stages) in conflicted.sorted(by: { $0.key < $1.key }) {
            if SyncFiles.mergedDocuments.contains(where: { $0.fileName == path }) { continue }
            // An own track (or another file) changed on both machines: this machine's is
            // kept (`merge=binary`), the other's goes to backups/ beside it.
            if let theirs = stages[3] {
                let blob = try checked(git.run(["cat-file", "blob", theirs]), "git cat-file")
                let name = "from-remote." + path.replacingText("/", with: "-")
                try writeBackup(blob.stdout, name: name)
                lines.append("\(path) changed on both machines: kept this one's, the other's is in \(Backups.folderName)/\(name)")
            } else {
                lines.append("\(path) was changed on one machine and removed on the other: kept")
            }
        }
        let message = "Coach: merge from \(Self.remoteName)\n"
        let commit = try checked(git.run(identity() + ["commit-tree", tree, "-p", head, "-p", theirs, "-F", "-"],
                                         input: Array(message.utf8)), "git commit-tree")
        return (commit.line, lines)
    }

    /// What the merge driver said on stderr (records kept from both machines), without
    /// git's own "Auto-merging"/"CONFLICT" lines.
    static func driverLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map { String($0).trimmingWhitespace() }.filter { line in
            !line.isEmpty && !line.hasPrefix("Auto-merging") && !line.hasPrefix("CONFLICT") && !line.hasPrefix("warning:")
                && !line.hasPrefix("hint:")
        }.map { $0.hasPrefix("coach: ") ? String($0.dropFirst(7)) : $0 }
    }

    // MARK: - Writing a commit into the home

    struct Entry: Equatable {
        var mode: String
        var oid: String
    }

    /// The regular files (and anything else, to refuse it) of a commit, by path.
    func entries(of commit: String?) throws -> [String: Entry] {
        guard let commit else { return [:] }
        let output = try checked(git.run(["ls-tree", "-r", "-z", "--full-tree", commit]), "git ls-tree")
        var entries: [String: Entry] = [:]
        for field in output.stdout.split(separator: 0) {
            let text = String(decoding: field, as: UTF8.self)
            let parts = text.split(separator: "\t", maxSplits: 1).map(String.init)
            let words = parts.first?.split(separator: " ").map(String.init) ?? []
            guard parts.count == 2, words.count == 3 else { continue }
            entries[parts[1]] = Entry(mode: words[0], oid: words[2])
        }
        return entries
    }

    /// Writes the files that differ between `old` and `new` into the home (each by an
    /// atomic save; a document's first save of the day keeps a backup), then moves the
    /// branch and the index to `new`. Returns the paths written.
    func apply(from old: String?, to new: String, branch: String) throws -> [String] {
        let before = try entries(of: old), after = try entries(of: new)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] && !SyncFiles.isLocalOnly($0) }.sorted()
        for path in changed {
            if let entry = after[path] { try Self.check(path: path, mode: entry.mode) }
        }
        try writeMarker(Self.applyMarker, "\(old ?? "-") \(new)\n")
        for path in changed {
            let url = home.url.appendingPathComponent(path)
            if let entry = after[path] {
                let blob = try checked(git.run(["cat-file", "blob", entry.oid]), "git cat-file")
                try makeFolders(for: path)
                if !path.contains("/") { try Backups.keep(url) }
                try AtomicFile.write(blob.stdout, to: url)
            } else {
                var info = stat()
                if lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { unlink(url.path) }
            }
        }
        try checked(git.run(["update-ref", "-m", "coach sync", "refs/heads/\(branch)", new, old ?? ""]), "git update-ref")
        try checked(git.run(["read-tree", new]), "git read-tree")
        _ = try git.run(["update-index", "-q", "--refresh"])
        unlink(gitFolder.appendingPathComponent(Self.applyMarker).path)
        return changed
    }

    /// A sync killed while writing a commit into the home: when every file it was to
    /// write is still the old or the new one, the writing is finished; else (a file was
    /// changed since) the marker goes, and this sync commits what is there and merges
    /// again.
    func finishInterruptedApply(branch: String) throws {
        let marker = gitFolder.appendingPathComponent(Self.applyMarker)
        guard let data = try AtomicFile.read(marker, limit: 4096) else { return }
        defer { unlink(marker.path) }
        let words = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 2 else { return }
        let old = words[0] == "-" ? nil : words[0], new = words[1]
        let head = try revision("HEAD")
        if head == new {
            try checked(git.run(["read-tree", new]), "git read-tree")
            return
        }
        guard head == old, try revision(new) == new else { return }
        let before = try entries(of: old), after = try entries(of: new)
        for path in Set(before.keys).union(after.keys) where before[path] != after[path] && !SyncFiles.isLocalOnly(path) {
            let url = home.url.appendingPathComponent(path)
            let now: String?
            if FileManager.default.fileExists(atPath: url.path) {
                now = try git.run(["hash-object", "--no-filters", "--", path]).line
            } else {
                now = nil
            }
            guard now == before[path]?.oid || now == after[path]?.oid else { return }
        }
        _ = try apply(from: old, to: new, branch: branch)
    }

    static func check(path: String, mode: String) throws {
        let parts = path.split(separator: "/")
        if parts.contains(where: { $0 == ".." || $0 == "." || $0.lowercased() == ".git" }) {
            throw SyncError.refusedEntry(path: path, reason: "a path Coach does not write")
        }
        switch mode {
        case "100644", "100755": return
        case "120000": throw SyncError.refusedEntry(path: path, reason: "a symbolic link")
        case "160000": throw SyncError.refusedEntry(path: path, reason: "a submodule")
        default: throw SyncError.refusedEntry(path: path, reason: "an entry of mode \(mode)")
        }
    }

    /// The folders on the way to `path`, made private, never through a link.
    func makeFolders(for path: String) throws {
        var folder = home.url
        for part in path.split(separator: "/").dropLast() {
            folder = folder.appendingPathComponent(String(part))
            var info = stat()
            if lstat(folder.path, &info) != 0 {
                guard mkdir(folder.path, 0o700) == 0 || errno == EEXIST else {
                    throw StoreError.io(file: folder.path, reason: String(cString: strerror(errno)))
                }
            } else if info.st_mode & S_IFMT == S_IFLNK {
                throw StoreError.symbolicLink(file: folder.path)
            }
        }
    }

    func writeBackup(_ bytes: [UInt8], name: String) throws {
        let folder = home.url.appendingPathComponent(Backups.folderName)
        try makeFolders(for: Backups.folderName + "/" + name)
        try AtomicFile.write(bytes, to: folder.appendingPathComponent(name))
    }

    // MARK: - Documents at a commit

    /// Coach's documents as they are in a commit (or tree), read by their stores from a
    /// private folder; a document that is not there is left out, and so is one this
    /// Coach cannot read (it is not compared then) unless it `mustLoad`.
    func documents(at commit: String?, mustLoad: Bool = false) throws -> [DocumentKind: DocumentValue] {
        guard let commit else { return [:] }
        var template = Array((gitFolder.appendingPathComponent("coach-read.XXXXXX").path).utf8CString)
        guard let made = mkdtemp(&template) else {
            throw StoreError.io(file: gitFolder.path, reason: "cannot make a folder: \(String(cString: strerror(errno)))")
        }
        let folder = URL(fileURLWithPath: String(cString: made))
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = CoachHome(url: folder)
        var documents: [DocumentKind: DocumentValue] = [:]
        for kind in SyncFiles.mergedDocuments {
            let blob = try git.run(["cat-file", "blob", "\(commit):\(kind.fileName)"])
            guard blob.status == 0 else { continue }
            try AtomicFile.write(blob.stdout, to: copy.file(kind))
            do {
                documents[kind] = try DocumentFiles.read(kind, from: copy)
            } catch {
                // What the home is to become must load: a merge never writes a file Coach cannot read.
                guard !mustLoad else {
                    throw SyncError.unreadableMerge(file: kind.fileName, reason: "\(error)".replacingText(copy.file(kind).path, with: kind.fileName))
                }
            }
        }
        return documents
    }

    func changedOwnTracks(from old: String?, to new: String) throws -> Int {
        let before = try entries(of: old), after = try entries(of: new)
        return Set(before.keys).union(after.keys).filter { $0.hasPrefix("tracks/") && before[$0] != after[$0] }.count
    }

    // MARK: - Helpers

    @discardableResult
    func checked(_ output: GitProcess.Output, _ what: String) throws -> GitProcess.Output {
        guard output.status == 0 else { throw SyncError.failed("\(what) failed: \(SyncError.gitMessage(output.stderr))") }
        return output
    }

    func writeMarker(_ name: String, _ text: String) throws {
        try AtomicFile.write(Data(text.utf8), to: gitFolder.appendingPathComponent(name))
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
