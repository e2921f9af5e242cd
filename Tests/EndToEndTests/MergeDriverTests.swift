import Foundation
import Testing

/// `coach merge` as git's merge driver in a real repository on this machine, and the
/// conflict copy a folder-sync tool leaves, merged at start.
@Suite struct MergeDriverTests {
    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = folder.path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func coach(_ arguments: [String], _ home: TemporaryHome) throws -> CoachBinary.Result {
        let result = try CoachBinary.run(arguments, home: home.url, environment: ["COACH_TODAY": "2026-12-02"])
        #expect(result.status == 0, "coach \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// The first three items of a track, as `coach show` lists them.
    static func items(_ home: TemporaryHome) throws -> [String] {
        let result = try CoachBinary.run(["show", "ai-product", "--json"], home: home.url)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let items = ((object?["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        try #require(items.count >= 3, "\(result.stderr)")
        return Array(items.prefix(3))
    }

    static func journalMinutes(_ home: TemporaryHome) throws -> [Int] {
        let data = try Data(contentsOf: home.url.appendingPathComponent("journal.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return ((object?["entries"] as? [[String: Any]]) ?? []).compactMap { $0["minutes"] as? Int }.sorted()
    }

    @Test func gitMergesTwoBranchesOfTheHomeWithTheDriver() throws {
        let home = TemporaryHome()
        let items = try Self.items(home)
        try Self.git(["init", "-q", "-b", "main"], in: home.url)
        try Self.git(["config", "user.email", "learner@example.com"], in: home.url)
        try Self.git(["config", "user.name", "Learner"], in: home.url)
        try Self.git(["config", "merge.coach.driver", "\(CoachBinary.url.path) merge %O %A %B %P"], in: home.url)
        try "*.json merge=coach\n".write(to: home.url.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
        try "session.json\n.lock\nbackups/\n".write(to: home.url.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        try Self.coach(["check", items[0], "--status", "doing"], home)
        try Self.coach(["log", "--minutes", "20"], home)
        try Self.git(["add", "-A"], in: home.url)
        try Self.git(["commit", "-qm", "base"], in: home.url)

        // The other machine: the first item done, a second one begun, a session.
        try Self.git(["checkout", "-q", "-b", "work"], in: home.url)
        try Self.coach(["check", items[0]], home)
        try Self.coach(["check", items[1], "--status", "doing"], home)
        try Self.coach(["log", "--minutes", "35"], home)
        try Self.git(["commit", "-qam", "work machine"], in: home.url)

        // This machine: a third item done and a session of its own.
        try Self.git(["checkout", "-q", "main"], in: home.url)
        try Self.coach(["check", items[2]], home)
        try Self.coach(["log", "--minutes", "50"], home)
        try Self.git(["commit", "-qam", "laptop"], in: home.url)

        let merge = try Self.git(["merge", "--no-edit", "work"], in: home.url)
        #expect(merge.status == 0, "\(merge.output)")
        let statuses = try home.statuses()
        #expect(statuses[items[0]] == "done")
        #expect(statuses[items[1]] == "doing")
        #expect(statuses[items[2]] == "done")
        #expect(try Self.journalMinutes(home) == [20, 35, 50], "both machines' sessions")
        #expect(try Self.coach(["status", "--plain"], home).stderr.isEmpty, "the merged home loads, with nothing to review")
    }

    @Test func notesWrittenOnBothBranchesAreKeptAndShown() throws {
        let home = TemporaryHome()
        let progress = home.progressFile
        func write(note: String) throws {
            try #"{"items": {"genai.rag": {"changed": "2026-12-01T10:00:00Z", "note": "\#(note)", "status": "doing"}}, "version": 1}"#
                .write(to: progress, atomically: true, encoding: .utf8)
        }
        try Self.git(["init", "-q", "-b", "main"], in: home.url)
        try Self.git(["config", "user.email", "learner@example.com"], in: home.url)
        try Self.git(["config", "user.name", "Learner"], in: home.url)
        try Self.git(["config", "merge.coach.driver", "\(CoachBinary.url.path) merge %O %A %B %P"], in: home.url)
        try "*.json merge=coach\n".write(to: home.url.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
        try write(note: "first")
        try Self.git(["add", "-A"], in: home.url)
        try Self.git(["commit", "-qm", "base"], in: home.url)
        try Self.git(["checkout", "-q", "-b", "work"], in: home.url)
        try write(note: "from work")
        try Self.git(["commit", "-qam", "work"], in: home.url)
        try Self.git(["checkout", "-q", "main"], in: home.url)
        try write(note: "from the laptop")
        try Self.git(["commit", "-qam", "laptop"], in: home.url)

        let merge = try Self.git(["merge", "--no-edit", "work"], in: home.url)
        #expect(merge.status != 0, "kept-both is a conflict for git to show: \(merge.output)")
        #expect(merge.output.contains("1 note kept from both machines"), "\(merge.output)")
        let text = try String(contentsOf: progress, encoding: .utf8)
        #expect(text.contains("from the laptop [kept from both machines] from work"))
        let status = try CoachBinary.run(["status", "--plain"], home: home.url)
        #expect(status.status == 0, "the file loads: \(status.stderr)")
        #expect(status.stderr.contains("1 note kept from both machines: review them"))
    }

    @Test func aSyncthingConflictCopyIsMergedAtStartAndMovedToBackups() throws {
        let home = TemporaryHome()
        let items = try Self.items(home)
        try Self.coach(["check", items[0]], home)
        // What Syncthing leaves when the other machine changed progress.json at the same time.
        let copy = home.url.appendingPathComponent("progress.sync-conflict-20261202-101010-ABCDEFG.json")
        try #"{"items": {"\#(items[1])": {"changed": "2026-12-02T10:10:10Z", "status": "done"}}, "version": 1}"#
            .write(to: copy, atomically: true, encoding: .utf8)
        let check = try Self.coach(["check", items[2], "--status", "doing"], home)
        #expect(check.stderr.contains("merged a sync tool's conflict copy (progress.sync-conflict-20261202-101010-ABCDEFG.json)"),
                "\(check.stderr)")
        let statuses = try home.statuses()
        #expect(statuses[items[0]] == "done")
        #expect(statuses[items[1]] == "done", "the copy's change is kept")
        #expect(statuses[items[2]] == "doing")
        #expect(!FileManager.default.fileExists(atPath: copy.path))
        #expect(FileManager.default.fileExists(atPath: home.url.appendingPathComponent("backups/\(copy.lastPathComponent)").path))
    }

    @Test func badInputIsOneLineAndExitTwo() throws {
        let home = TemporaryHome()
        let good = home.url.appendingPathComponent("ours.json"), bad = home.url.appendingPathComponent("theirs.json")
        try #"{"items": {}, "version": 1}"#.write(to: good, atomically: true, encoding: .utf8)
        try "{\"items\": ".write(to: bad, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: good)
        let result = try CoachBinary.run(["merge", "/nonexistent-base", good.path, bad.path, "progress.json"], home: home.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("coach merge: \(bad.path) (progress.json): "), "\(result.stderr)")
        #expect(result.stderr.contains("not valid JSON"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: good) == before, "nothing written")
    }
}
