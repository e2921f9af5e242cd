import Foundation
import Glibc
import Testing

/// SIGKILL at a random moment of `coach sync` (and, every other time, of the git it
/// runs at that moment): afterwards every file loads, the next `coach sync` completes,
/// and nothing either machine logged is lost. 10 kills in CI, 100 in scripts/torture.
@Suite("SyncKill", .serialized)
struct SyncKillTests {
    /// `coach sync` on `home`, started and not waited for.
    func start(_ bench: SyncBench, _ home: URL) throws -> Process {
        let process = Process()
        process.executableURL = CoachBinary.url
        process.arguments = ["sync"]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in bench.environment { environment[key] = value }
        environment["COACH_HOME"] = home.path
        environment.removeValue(forKey: "COACH_DATA")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The processes `pid` started (its git), read from /proc.
    func children(of pid: Int32) -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    func ideaIDs(_ bench: SyncBench, _ home: URL) throws -> Set<String> {
        Set((try bench.json(["idea", "list"], home) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
    }

    func monotonic() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    @Test func aKilledSyncLosesNothingAndTheNextOneCompletes() throws {
        let bench = try SyncBench()
        let (a, b) = (bench.a, bench.b)
        try bench.ok(["idea", "add", "Shared idea", "--reach", "100", "--impact", "high", "--confidence", "80%", "--effort", "2"], a)
        try bench.ok(["check", "genai.llm-basics", "--status", "doing"], a)
        try bench.ok(["sync", "--init", bench.remote.path], a)
        try bench.ok(["sync", "--init", bench.remote.path], b)

        // How long a whole sync with a merge takes here: the kills land within it.
        try bench.ok(["log", "--minutes", "1", "--note", "B first"], b)
        try bench.ok(["sync"], b)
        try bench.ok(["log", "--minutes", "1", "--note", "A first"], a)
        let began = monotonic()
        try bench.ok(["sync"], a)
        let whole = max(0.05, monotonic() - began)

        var expected: Set<String> = ["A first", "B first"]
        var ideas: Set<String> = []
        let count = Torture.count(ci: 10, full: 100)
        var landed = 0, withGit = 0, passed = 0
        var random = SystemRandomNumberGenerator()
        for round in 1...count {
            // Each round A has something to send (a session) and something to merge
            // (B's session and idea, the shared idea's reach).
            try bench.ok(["log", "--minutes", "1", "--note", "B \(round)"], b)
            try bench.ok(["idea", "add", "B idea \(round)", "--reach", "10", "--impact", "low", "--confidence", "50%", "--effort", "1"], b)
            try bench.ok(["idea", "edit", "shared-idea", "--reach", "\(100 + round)"], b)
            try bench.ok(["sync"], b)
            try bench.ok(["log", "--minutes", "1", "--note", "A \(round)"], a)
            expected.formUnion(["A \(round)", "B \(round)"])
            ideas.insert("b-idea-\(round)")

            let sync = try start(bench, a)
            usleep(UInt32(Double.random(in: 0...whole * 1.1, using: &random) * 1_000_000))
            let git = round % 2 == 0 ? children(of: sync.processIdentifier) : []
            kill(sync.processIdentifier, SIGKILL)
            for child in git { kill(child, SIGKILL) }
            sync.waitUntilExit()
            if sync.terminationReason == .uncaughtSignal { landed += 1 }
            if !git.isEmpty { withGit += 1 }

            // Every file loads; the next sync completes.
            var good = true
            for command in [["journal", "--json"], ["idea", "list", "--json"], ["item", "genai.llm-basics", "--json"], ["today"], ["tracks"]] {
                let result = try bench.coach(command, a)
                if result.status != 0 {
                    good = false
                    Issue.record("round \(round), coach \(command.joined(separator: " ")): \(result.stderr)")
                }
            }
            let again = try bench.coach(["sync"], a)
            if again.status != 0 {
                good = false
                Issue.record("round \(round): the next sync failed: \(again.stderr)")
            }
            let notes = try bench.sessionNotes(a)
            if !expected.isSubset(of: notes) {
                good = false
                Issue.record("round \(round): lost \(expected.subtracting(notes).sorted())")
            }
            let held = try ideaIDs(bench, a)
            if !ideas.isSubset(of: held) {
                good = false
                Issue.record("round \(round): lost the ideas \(ideas.subtracting(held).sorted())")
            }
            if good { passed += 1 }
        }
        try bench.ok(["sync"], b)
        #expect(try bench.sessionNotes(b).isSuperset(of: expected), "B has every session too")
        #expect(try ideaIDs(bench, b) == ideas.union(["shared-idea"]))
        let entries = try bench.json(["journal"], a) as? [[String: Any]] ?? []
        #expect(entries.count == expected.count, "no session twice after the syncs a kill cut short")
        #expect(try bench.idea("shared-idea", a)["reach"] as? Double == Double(100 + count))
        let fsck = try bench.git(["fsck", "--no-progress"], in: a)
        #expect(fsck.status == 0, "\(fsck.stderr)")
        #expect(landed > 0, "some kills landed while the sync ran")
        Torture.report("sync-kill", tried: count, passed: passed,
                       extra: "(\(landed) landed while it ran, \(withGit) with its git killed too; a whole sync took \(Int(whole * 1000)) ms)")
        #expect(passed == count)
    }
}
