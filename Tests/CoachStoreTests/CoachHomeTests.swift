import CoachStore
import Foundation
import Testing

@Suite("CoachHome.resolve")
struct CoachHomeTests {
    static let everything = [
        "COACH_HOME": "/env/coach-home",
        "XDG_DATA_HOME": "/xdg/data",
        "HOME": "/home/learner",
    ]

    @Test func theFlagWinsOverEverything() {
        let home = CoachHome.resolve(flag: "/from/flag", environment: Self.everything)
        #expect(home.url.path == "/from/flag")
    }

    @Test func coachHomeComesNext() {
        let home = CoachHome.resolve(flag: nil, environment: Self.everything)
        #expect(home.url.path == "/env/coach-home")
    }

    @Test func anEmptyFlagIsIgnored() {
        let home = CoachHome.resolve(flag: "", environment: Self.everything)
        #expect(home.url.path == "/env/coach-home")
    }

    @Test func thenXDGDataHomeSlashCoach() {
        var environment = Self.everything
        environment["COACH_HOME"] = nil
        #expect(CoachHome.resolve(flag: nil, environment: environment).url.path == "/xdg/data/coach")
        environment["COACH_HOME"] = ""
        #expect(CoachHome.resolve(flag: nil, environment: environment).url.path == "/xdg/data/coach",
                "an empty COACH_HOME counts as unset")
    }

    @Test func thenHomeDotLocalShareCoach() {
        #expect(CoachHome.resolve(flag: nil, environment: ["HOME": "/home/learner"]).url.path
                == "/home/learner/.local/share/coach")
        #expect(CoachHome.resolve(flag: nil, environment: ["HOME": "/home/learner", "XDG_DATA_HOME": ""]).url.path
                == "/home/learner/.local/share/coach", "an empty XDG_DATA_HOME counts as unset")
    }

    @Test func aRelativeFlagIsResolvedAgainstTheCurrentFolder() {
        let home = CoachHome.resolve(flag: "my-home", environment: [:])
        #expect(home.url.path.hasPrefix("/"))
        #expect(home.url.lastPathComponent == "my-home")
    }

    @Test func thePathIsKeptStandardizedAsText() {
        #expect(CoachHome(path: "/a/./b/../c/").path == "/a/c")
        #expect(CoachHome(path: "//a//b").path == "/a/b")
        #expect(CoachHome(path: "/../..").path == "/")
        #expect(CoachHome(path: "/h/ü名/x").path == "/h/ü名/x")
        #expect(CoachHome(path: "/a/./b/../c/").path == URL(fileURLWithPath: "/a/./b/../c/").standardizedFileURL.path,
                "spelled as URL spells it")
        #expect(CoachHome(path: "/h").path(inside: "progress.json") == "/h/progress.json")
        #expect(CoachHome(path: "/h").url.path == "/h")
    }

    @Test func theFilesOfTheHome() {
        let home = CoachHome(url: URL(fileURLWithPath: "/h"))
        #expect(home.progressFile.path == "/h/progress.json")
        #expect(home.lockFile.path == "/h/.lock")
    }

    @Test func prepareCreatesTheFolderAndTheLockHolderRemovesLeftovers() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder.appendingPathComponent("a/b/coach"))
            try home.prepare()
            #expect(FileManager.default.fileExists(atPath: home.url.path))

            try writeFile("half", to: ".coach-tmp-progress.json.1.2", in: home.url)
            try writeFile("{}", to: "progress.json", in: home.url)
            // Without the lock another process may be saving: its temporary file stays.
            try home.prepare()
            #expect(try names(in: home.url).contains(".coach-tmp-progress.json.1.2"))
            let lock = try HomeLock.acquire(home)
            #expect(try names(in: home.url).filter { !$0.hasPrefix(".lock") } == ["progress.json"])
            withExtendedLifetime(lock) {}
        }
    }

    @Test func prepareFailsWithTheFolderNamedWhenItCannotCreateIt() throws {
        try withTemporaryFolder { folder in
            try writeFile("a file, not a folder", to: "blocker", in: folder)
            let home = CoachHome(url: folder.appendingPathComponent("blocker/coach"))
            let error = #expect(throws: StoreError.self) { try home.prepare() }
            guard case .io(let file, _)? = error else {
                Issue.record("expected StoreError.io, got \(String(describing: error))")
                return
            }
            #expect(file == home.url.path)
        }
    }
}
