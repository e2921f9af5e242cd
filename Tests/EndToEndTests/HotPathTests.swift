import Foundation
import Testing

/// `coach`, `coach status` and `coach idea list` skip the argument parser; everything else still reaches it,
/// and both ways answer alike.
@Suite struct HotPathTests {
    @Test func statusPrintsItsLineByEitherPath() throws {
        let home = TemporaryHome()
        let plain = try CoachBinary.run(["status", "--plain"], home: home.url)
        #expect(plain.status == 0)
        #expect(plain.stdout.range(of: #"^streak \d+ \| \d+/\d+ min \| \d+ (reviews?|cards?) due\n$"#, options: .regularExpression) != nil,
                "\(plain.stdout)")
        let flagged = try CoachBinary.run(["status", "--home", home.url.path, "--plain"], home: home.url)
        let attached = try CoachBinary.run(["status", "--plain", "--home=\(home.url.path)"], home: home.url)
        #expect(flagged.stdout == plain.stdout)
        #expect(attached.stdout == plain.stdout)
        let emoji = try CoachBinary.run(["status"], home: home.url, environment: ["NO_COLOR": ""])
        #expect(emoji.status == 0)
        #expect(emoji.stdout.hasPrefix("🔥 "))

        // --json takes the same path: the figures of the line, and the line.
        let json = try CoachBinary.run(["status", "--json", "--plain", "--home=\(home.url.path)"], home: home.url)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["line"] as? String == plain.stdout.trimmingCharacters(in: .newlines))
        #expect(object?["goal"] as? Int == 45)
    }

    @Test func helpAndMistakesStillReachTheParser() throws {
        let home = TemporaryHome()
        let help = try CoachBinary.run(["status", "--help"], home: home.url)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: coach status"))
        let unknown = try CoachBinary.run(["status", "--bogus"], home: home.url)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Unknown option '--bogus'"))
        let twice = try CoachBinary.run(["status", "--plain", "--plain"], home: home.url)
        #expect(twice.stdout == (try CoachBinary.run(["status", "--plain"], home: home.url)).stdout || twice.status != 0)
        let screen = try CoachBinary.run(["--screen", "nowhere"], home: home.url)
        #expect(screen.status == 64)
        #expect(screen.stderr.contains("nowhere"))
    }

    /// `coach idea list` lists alike by the hot path and through the parser (an ending
    /// `--` sends it there), and what the hot path does not read is the parser's to answer.
    @Test func ideaListAnswersAlikeByEitherPath() throws {
        let home = TemporaryHome()
        _ = try CoachBinary.run(["idea", "add", "Quick win", "--reach", "50", "--impact", "high", "--confidence", "80%", "--effort", "1"], home: home.url)
        for arguments in [["idea", "list"], ["idea", "list", "--sort", "effort", "--status", "idea", "--status=Active"],
                          ["idea", "list", "--json", "--sort=title", "--home", home.url.path]] {
            let fast = try CoachBinary.run(arguments, home: home.url)
            let parsed = try CoachBinary.run(arguments + ["--"], home: home.url)
            #expect(fast.status == 0, "\(arguments): \(fast.stderr)")
            #expect(fast.stdout == parsed.stdout && fast.stderr == parsed.stderr && fast.status == parsed.status, "\(arguments)")
            #expect(fast.stdout.contains("Quick win"), "\(arguments): \(fast.stdout)")
        }
        let badSort = try CoachBinary.run(["idea", "list", "--sort", "bogus"], home: home.url)
        #expect(badSort.status == 64)
        #expect(badSort.stderr.contains("bogus"), "\(badSort.stderr)")
        let help = try CoachBinary.run(["idea", "list", "--help"], home: home.url)
        #expect(help.status == 0 && help.stdout.contains("USAGE: coach idea list"), "\(help.stdout)")
    }

    /// Without a terminal the full-screen coach refuses the same way through the fast path
    /// (`coach`, `coach --screen backlog`) as through the parser (`coach --screen=backlog --`).
    @Test func theFullScreenCoachRefusesWithoutATerminalAlike() throws {
        let home = TemporaryHome()
        let fast = try CoachBinary.run([], home: home.url)
        let withScreen = try CoachBinary.run(["--screen", "backlog"], home: home.url)
        let parsed = try CoachBinary.run(["--screen", "backlog", "--home", home.url.path, "--"], home: home.url)
        #expect(fast.status == 1)
        #expect(fast.stderr.contains("the full-screen coach needs a terminal"))
        #expect(withScreen.status == fast.status && withScreen.stderr == fast.stderr)
        #expect(parsed.status == fast.status && parsed.stderr == fast.stderr)
    }

    /// At a prompt, `coach status` answers from the figures it kept while no file they
    /// come from changed, and works them out again as soon as one does.
    @Test func statusKeepsItsFiguresUntilAFileChanges() throws {
        let home = TemporaryHome()
        let cache = TemporaryHome()
        let environment = ["XDG_CACHE_HOME": cache.url.path, "NO_COLOR": "1", "COACH_TODAY": "2026-03-10"]
        func status() throws -> String {
            let result = try CoachBinary.run(["status"], home: home.url, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        _ = try CoachBinary.run(["log", "--minutes", "10"], home: home.url, environment: environment)
        #expect(try status() == "streak 0 | 10/45 min | 0 cards due\n")
        Thread.sleep(forTimeInterval: 1.2)
        #expect(try status() == "streak 0 | 10/45 min | 0 cards due\n")
        let folder = cache.url.appendingPathComponent("coach")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 1 && names[0].hasPrefix("status-"), "\(names)")
        #expect(try (FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int) == 0o700)

        // The next run reads what was kept: figures planted in the cache show.
        let file = folder.appendingPathComponent(names[0])
        let kept = try String(contentsOf: file, encoding: .utf8)
        try Data(kept.replacingOccurrences(of: "\nfigures 0 10 45 0 0\n", with: "\nfigures 7 10 45 0 0\n").utf8).write(to: file)
        #expect(try status() == "streak 7 | 10/45 min | 0 cards due\n")

        // A new session, another day, or a hand-edited settings file: worked out again.
        _ = try CoachBinary.run(["log", "--minutes", "5"], home: home.url, environment: environment)
        #expect(try status() == "streak 0 | 15/45 min | 0 cards due\n")
        let tomorrow = try CoachBinary.run(["status"], home: home.url, environment: environment.merging(["COACH_TODAY": "2026-03-11"]) { $1 })
        #expect(tomorrow.stdout == "streak 0 | 0/45 min | 0 cards due\n", "\(tomorrow.stdout)")
        _ = try CoachBinary.run(["settings", "--goal", "15"], home: home.url, environment: environment)
        #expect(try status() == "streak 1 | 15/15 min | 0 cards due\n")

        // A cache that cannot be written changes nothing but the time it takes.
        try FileManager.default.removeItem(at: folder)
        try Data("not a folder".utf8).write(to: folder)
        #expect(try status() == "streak 1 | 15/15 min | 0 cards due\n")
    }
}
