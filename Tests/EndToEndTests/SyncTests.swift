import Foundation
import Glibc
import Testing

/// Two homes on this machine and a bare repository between them, synced with the real
/// `coach sync` and the real git. Git sees none of the machine's own settings: HOME is
/// a temporary folder, GIT_CONFIG_NOSYSTEM is set, names and addresses are given.
final class SyncBench {
    let root: URL
    let remote: URL
    let a: URL
    let b: URL
    let environment: [String: String]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("coach-sync-\(UUID().uuidString)")
        remote = root.appendingPathComponent("remote.git")
        a = root.appendingPathComponent("a")
        b = root.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        environment = ["HOME": root.path, "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
                       "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Learner", "GIT_AUTHOR_EMAIL": "learner@example.com",
                       "GIT_COMMITTER_NAME": "Learner", "GIT_COMMITTER_EMAIL": "learner@example.com"]
        let made = try git(["init", "--quiet", "--bare", remote.path])
        #expect(made.status == 0, "\(made.stderr)")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func coach(_ arguments: [String], _ home: URL, extra: [String: String] = [:],
               sourceLocation: SourceLocation = #_sourceLocation) throws -> CoachBinary.Result {
        try CoachBinary.run(arguments, home: home, environment: environment.merging(extra) { $1 })
    }

    /// `coach ARGS` that must succeed.
    @discardableResult
    func ok(_ arguments: [String], _ home: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try coach(arguments, home)
        #expect(result.status == 0, "coach \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    func git(_ arguments: [String], in folder: URL? = nil) throws -> CoachBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + (folder.map { ["-C", $0.path] } ?? []) + arguments
        var all = ProcessInfo.processInfo.environment
        for (key, value) in environment { all[key] = value }
        process.environment = all
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CoachBinary.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                  stderr: String(decoding: errData, as: UTF8.self))
    }

    func json(_ arguments: [String], _ home: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try ok(arguments + ["--json"], home).utf8))
    }

    func item(_ id: String, _ home: URL) throws -> [String: Any] {
        try json(["item", id], home) as? [String: Any] ?? [:]
    }

    func sessionNotes(_ home: URL) throws -> Set<String> {
        let entries = try json(["journal"], home) as? [[String: Any]] ?? []
        return Set(entries.compactMap { $0["note"] as? String })
    }

    func idea(_ id: String, _ home: URL) throws -> [String: Any] {
        let ideas = try json(["idea", "list"], home) as? [[String: Any]] ?? []
        return ideas.first { $0["id"] as? String == id } ?? [:]
    }

    /// Writes a note on an item as an editor would: progress.json changed on disk.
    func writeNote(_ note: String, on id: String, in home: URL) throws {
        let file = home.appendingPathComponent("progress.json")
        var document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        var items = document["items"] as? [String: Any] ?? [:]
        var item = items[id] as? [String: Any] ?? [:]
        item["note"] = note
        item["changed"] = "2030-01-01T00:00:00Z"
        items[id] = item
        document["items"] = items
        try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]).write(to: file)
    }
}

@Suite("Sync", .serialized)
struct SyncTests {
    let idea = ["idea", "add", "Shared idea", "--reach", "100", "--impact", "high", "--confidence", "80%", "--effort", "2"]

    @Test func twoHomesThroughABareRepositoryEndWithEverything() throws {
        let bench = try SyncBench()
        let (a, b) = (bench.a, bench.b)
        try bench.ok(idea, a)
        try bench.ok(["check", "genai.llm-basics", "--status", "doing"], a)
        let started = try bench.ok(["sync", "--init", bench.remote.path], a)
        #expect(started.contains("synced with \(bench.remote.path): sent Coach: start syncing"), "\(started)")
        let joined = try bench.ok(["sync", "--init", bench.remote.path], b)
        #expect(joined.contains("took"), "\(joined)")
        #expect(try bench.item("genai.llm-basics", b)["status"] as? String == "doing", "B starts from A's home")

        // A: an item done, a session, the idea's reach. B: a note and a link on the same
        // item, a session, the same idea's note.
        try bench.ok(["check", "genai.llm-basics"], a)
        try bench.ok(["log", "--minutes", "30", "--note", "A's session"], a)
        try bench.ok(["idea", "edit", "shared-idea", "--reach", "500"], a)
        try bench.ok(["proof", "genai.llm-basics", "https://example.com/b"], b)
        try bench.writeNote("B's note", on: "genai.llm-basics", in: b)
        try bench.ok(["log", "--minutes", "20", "--note", "B's session"], b)
        try bench.ok(["idea", "edit", "shared-idea", "--note", "from B"], b)

        let sentA = try bench.ok(["sync"], a)
        #expect(sentA.contains("sent 1 item done, 1 session, 1 idea edited"), "\(sentA)")
        let sentB = try bench.ok(["sync"], b)
        #expect(sentB.contains("sent 1 note, 1 session, 1 idea edited; took"), "\(sentB)")
        try bench.ok(["sync"], a)

        for home in [a, b] {
            let item = try bench.item("genai.llm-basics", home)
            #expect(item["status"] as? String == "done", "\(home.lastPathComponent): \(item["status"] ?? "none")")
            #expect(item["proof"] as? [String] == ["https://example.com/b"], "\(home.lastPathComponent)")
            #expect((item["note"] as? String)?.contains("B's note") == true, "\(home.lastPathComponent): \(item["note"] ?? "none")")
            #expect(try bench.sessionNotes(home) == ["A's session", "B's session"], "\(home.lastPathComponent)")
            let shared = try bench.idea("shared-idea", home)
            #expect(shared["reach"] as? Double == 500, "\(home.lastPathComponent)")
            #expect(shared["note"] as? String == "from B", "\(home.lastPathComponent)")
            let status = try bench.ok(["sync", "--status"], home)
            #expect(status.contains("ahead: 0 commits to send, behind: 0 commits to take"), "\(status)")
            #expect(status.contains("changes here: none"), "\(status)")
        }
        // A second round of sessions on both: each is kept once (sessions carry stable
        // uids; the union by the per-machine numbers kept some twice).
        try bench.ok(["log", "--minutes", "5", "--note", "A again"], a)
        try bench.ok(["log", "--minutes", "5", "--note", "B again"], b)
        for home in [a, b, a] { try bench.ok(["sync"], home) }
        let sessions = try bench.json(["journal"], b) as? [[String: Any]] ?? []
        #expect(Set(sessions.compactMap { $0["note"] as? String }) == ["A's session", "B's session", "A again", "B again"])
        #expect(sessions.count == 4, "\(sessions.compactMap { $0["note"] as? String })")
        let heads = try [a, b].map { try bench.git(["rev-parse", "HEAD"], in: $0).stdout }
        #expect(heads[0] == heads[1], "both homes on the same commit")
        // What belongs to one machine is never committed.
        let files = try bench.git(["ls-files"], in: a).stdout.split(separator: "\n").map(String.init)
        #expect(Set(files) == [".gitattributes", ".gitignore", "backlog.json", "journal.json", "progress.json"], "\(files)")
        #expect(!files.contains("sync.log") && !files.contains(".lock"))
    }

    /// A folder-sync tool's conflict copy in one home is merged in by `coach sync`,
    /// moved to backups/ (never committed), and reaches the other home.
    @Test func aSyncthingConflictCopyIsMergedAndSynced() throws {
        let bench = try SyncBench()
        let (a, b) = (bench.a, bench.b)
        try bench.ok(["log", "--minutes", "30", "--note", "on A"], a)
        try bench.ok(["sync", "--init", bench.remote.path], a)
        try bench.ok(["sync", "--init", bench.remote.path], b)
        // The copy Syncthing left: A's journal with a session another machine logged.
        let journal = a.appendingPathComponent("journal.json")
        let copyHome = bench.root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: copyHome, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: journal, to: copyHome.appendingPathComponent("journal.json"))
        try bench.ok(["log", "--minutes", "20", "--note", "in the conflict copy"], copyHome)
        let copy = a.appendingPathComponent("journal.sync-conflict-20261202-101010-ABCDEFG.json")
        try FileManager.default.copyItem(at: copyHome.appendingPathComponent("journal.json"), to: copy)

        let synced = try bench.coach(["sync"], a)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy.path), "moved to backups/")
        #expect(try bench.sessionNotes(a) == ["on A", "in the conflict copy"])
        let files = try bench.git(["ls-files"], in: a).stdout
        #expect(!files.contains("sync-conflict"), "\(files)")
        try bench.ok(["sync"], b)
        #expect(try bench.sessionNotes(b) == ["on A", "in the conflict copy"])
    }

    @Test func filesGitMakesInTheHomeArePrivate() throws {
        let bench = try SyncBench()
        try bench.ok(idea, bench.a)
        // The learner's umask does not widen them.
        try bench.ok(["sync", "--init", bench.remote.path], bench.a)
        for path in [".git", ".git/objects", ".git/config", ".git/index", ".gitignore", ".gitattributes", "sync.log"] {
            let mode = try FileManager.default.attributesOfItem(atPath: bench.a.appendingPathComponent(path).path)[.posixPermissions] as? Int ?? 0
            #expect(mode & 0o077 == 0, "\(path) is \(String(mode, radix: 8))")
        }
        let config = try bench.git(["config", "--get", "merge.coach.driver"], in: bench.a).stdout
        #expect(config.hasSuffix("merge %O %A %B %P\n"), "\(config)")
        #expect(try bench.git(["config", "--get", "core.sharedRepository"], in: bench.a).status != 0)
    }

    @Test func eachFailureIsOneLineThatSaysWhy() throws {
        let bench = try SyncBench()
        let a = bench.a
        try bench.ok(idea, a)

        let notSetUp = try bench.coach(["sync"], a)
        #expect(notSetUp.status != 0)
        #expect(notSetUp.stderr.contains("does not sync yet: set it up with coach sync --init REMOTE"), "\(notSetUp.stderr)")

        let noGit = try bench.coach(["sync", "--init", bench.remote.path], a, extra: ["COACH_GIT": "/nonexistent/git"])
        #expect(noGit.status != 0)
        #expect(noGit.stderr.contains("git is not installed"), "\(noGit.stderr)")

        let missing = bench.root.appendingPathComponent("missing.git").path
        let unreachable = try bench.coach(["sync", "--init", missing], a)
        #expect(unreachable.status != 0)
        #expect(unreachable.stderr.contains("cannot reach the remote \(missing): fatal:"), "\(unreachable.stderr)")
        #expect(unreachable.stderr.split(separator: "\n").count == 1, "\(unreachable.stderr)")

        let other = try bench.coach(["sync", "--init", bench.remote.path], a)
        #expect(other.stderr.contains("already syncs with \(missing)"), "\(other.stderr)")
        try bench.git(["remote", "set-url", "origin", bench.remote.path], in: a)
        try bench.ok(["sync"], a)

        let log = try String(contentsOf: a.appendingPathComponent("sync.log"), encoding: .utf8)
        #expect(log.contains(": synced with"), "the last result: \(log)")

        // A merge started by hand and not finished.
        let head = try bench.git(["rev-parse", "HEAD"], in: a).stdout
        try head.write(to: a.appendingPathComponent(".git/MERGE_HEAD"), atomically: true, encoding: .utf8)
        let midMerge = try bench.coach(["sync"], a)
        #expect(midMerge.status != 0)
        #expect(midMerge.stderr.contains("in the middle of a git merge started by hand"), "\(midMerge.stderr)")
        let status = try bench.ok(["sync", "--status"], a)
        #expect(status.contains("conflicts: a git merge started by hand is not finished"), "\(status)")
        #expect(status.contains("last sync:") && status.contains("failed:"), "\(status)")
        try FileManager.default.removeItem(at: a.appendingPathComponent(".git/MERGE_HEAD"))

        // A push the remote refuses (its hook declines everything).
        let hook = bench.remote.appendingPathComponent("hooks/pre-receive")
        try "#!/bin/sh\necho 'pushes are closed today' >&2\nexit 1\n".write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        try bench.ok(["log", "--minutes", "10"], a)
        let rejected = try bench.coach(["sync"], a)
        #expect(rejected.status != 0)
        #expect(rejected.stderr.contains("the remote refused the push: remote: pushes are closed today"), "\(rejected.stderr)")
        try FileManager.default.removeItem(at: hook)
        let later = try bench.ok(["sync"], a)
        #expect(later.contains("sent earlier changes") || later.contains("synced"), "the refused commit goes later: \(later)")
        #expect(try bench.git(["rev-list", "--count", "origin/main..HEAD"], in: a).stdout == "0\n")
    }

    @Test func aRunningFullScreenCoachIsNotSyncedUnder() throws {
        let bench = try SyncBench()
        try bench.ok(idea, bench.a)
        try bench.ok(["sync", "--init", bench.remote.path], bench.a)
        // A process that holds the home's lock as the full-screen coach does.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["flock", "--nonblock", bench.a.path, "cat"]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        // cat ends when its input closes, and flock with it.
        defer { try? input.fileHandleForWriting.close(); holder.waitUntilExit() }
        // Until it holds it: our own try to take it fails.
        let folder = open(bench.a.path, O_RDONLY | O_DIRECTORY)
        defer { close(folder) }
        for _ in 0..<500 {
            guard flock(folder, LOCK_EX | LOCK_NB) == 0 else { break }
            flock(folder, LOCK_UN)
            usleep(10_000)
        }
        try "\(holder.processIdentifier) full-screen\n".write(to: bench.a.appendingPathComponent(".lock"), atomically: false, encoding: .utf8)
        let refused = try bench.coach(["sync"], bench.a)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("the full-screen coach is running with this home: sync from it (P)"), "\(refused.stderr)")
    }
}
