import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// `coach status` answers from kept figures only while everything they came from is
/// exactly as it was; anything else is a miss, and the cache is private and never
/// written through a link.
@Suite struct StatusCacheTests {
    let figures = StatusCache.Figures(streak: 4, minutes: 20, goal: 45, due: 2, goalMet: false,
                                      notice: "2 notes kept from both machines: review them")
    /// Long after any file here changed, so the figures may be kept.
    let later = Date().addingTimeInterval(60)

    func setUp(_ folder: URL) throws -> (home: CoachHome, data: URL, cache: StatusCache) {
        let home = CoachHome(url: folder.appendingPathComponent("home"))
        try home.prepare()
        try writeFile(#"{"version": 1, "entries": []}"#, to: "home/journal.json", in: folder)
        try writeFile("{}", to: "data/tracks/a.json", in: folder)
        let cache = StatusCache(home: home, environment: ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path])
        return (home, folder.appendingPathComponent("data"), cache)
    }

    func key(_ home: CoachHome, _ data: URL, day: String = "2026-12-02", zone: TimeZoneRules = .utc) -> StatusCache.Key {
        StatusCache.key(home: home, dataFolder: data.path, day: day, timeZone: zone)
    }

    @Test func keptFiguresComeBackUnderTheSameKey() throws {
        try withTemporaryFolder { folder in
            let (home, data, cache) = try setUp(folder)
            #expect(cache.read(key: key(home, data)) == nil)
            cache.write(figures, key: key(home, data), now: later)
            #expect(cache.read(key: key(home, data)) == figures)
            var none = figures
            none.notice = nil
            none.goalMet = true
            cache.write(none, key: key(home, data), now: later)
            #expect(cache.read(key: key(home, data)) == none)
        }
    }

    @Test func anyChangeToWhatTheFiguresComeFromIsAMiss() throws {
        try withTemporaryFolder { folder in
            let (home, data, cache) = try setUp(folder)
            cache.write(figures, key: key(home, data), now: later)
            #expect(cache.read(key: key(home, data, day: "2026-12-03")) == nil, "another day")
            #expect(cache.read(key: key(home, data, zone: TimeZoneRules(identifier: "X", fixedOffset: 3600))) == nil)

            let changes: [(String, () throws -> Void)] = [
                ("a journal rewritten in place, same size", {
                    try Data(#"{"version": 1, "entries":[ ]}"#.utf8).write(to: home.file(.journal))
                }),
                ("a new file", { try writeFile("{}", to: "home/reviews.json", in: folder) }),
                ("a removed file", { try FileManager.default.removeItem(at: home.file(.reviews)) }),
                ("an own track", { try writeFile("{}", to: "home/tracks/mine.json", in: folder) }),
                ("a shipped track", { try writeFile("{ }", to: "data/tracks/a.json", in: folder) }),
                ("a change cut short", { try writeFile("x", to: "home/.coach-change", in: folder) }),
                ("a mode", {
                    try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: home.file(.journal).path)
                }),
            ]
            for (what, change) in changes {
                let before = key(home, data)
                cache.write(figures, key: before, now: later)
                // Past one tick of the file system's coarse clock (at most 10 ms).
                usleep(20_000)
                try change()
                #expect(key(home, data) != before, "\(what)")
                #expect(cache.read(key: key(home, data)) == nil, "\(what)")
            }
        }
    }

    @Test func figuresFromAFileChangedThisSecondAreNotKept() throws {
        try withTemporaryFolder { folder in
            let (home, data, cache) = try setUp(folder)
            cache.write(figures, key: key(home, data), now: Date())
            #expect(cache.read(key: key(home, data)) == nil)
            #expect(!FileManager.default.fileExists(atPath: cache.folder! + "/" + cache.name))
        }
    }

    @Test func aTornForeignOrOversizedFileIsAMiss() throws {
        try withTemporaryFolder { folder in
            let (home, data, cache) = try setUp(folder)
            cache.write(figures, key: key(home, data), now: later)
            let path = cache.folder! + "/" + cache.name
            let whole = try Data(contentsOf: URL(fileURLWithPath: path))
            for cut in [0, 10, whole.count / 2, whole.count - 1] {
                try whole.prefix(cut).write(to: URL(fileURLWithPath: path))
                #expect(cache.read(key: key(home, data)) == nil, "cut at \(cut)")
            }
            var text = String(decoding: whole, as: UTF8.self)
            text = text.replacingOccurrences(of: "figures 4 20 45 2 0", with: "figures 4 x 45 2 0")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            #expect(cache.read(key: key(home, data)) == nil)
            try Data(repeating: 0x41, count: StatusCache.sizeLimit + 1).write(to: URL(fileURLWithPath: path))
            #expect(cache.read(key: key(home, data)) == nil)
        }
    }

    @Test func theCacheIsPrivateAndNeverWrittenThroughALink() throws {
        try withTemporaryFolder { folder in
            let (home, data, cache) = try setUp(folder)
            let old = umask(0)
            defer { umask(old) }
            cache.write(figures, key: key(home, data), now: later)
            let attributes = { (path: String) in
                (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
            }
            #expect(try attributes(cache.folder!) == 0o700)
            #expect(try attributes(cache.folder! + "/" + cache.name) == 0o600)

            // A link in the file's place, or as the folder, is never written through.
            let elsewhere = folder.appendingPathComponent("elsewhere")
            try Data("mine".utf8).write(to: elsewhere)
            try FileManager.default.removeItem(atPath: cache.folder! + "/" + cache.name)
            try FileManager.default.createSymbolicLink(atPath: cache.folder! + "/" + cache.name, withDestinationPath: elsewhere.path)
            cache.write(figures, key: key(home, data), now: later)
            #expect(cache.read(key: key(home, data)) == figures, "the link is replaced, not followed")
            #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "mine")

            let linked = CoachHome(url: folder.appendingPathComponent("home2"))
            try linked.prepare()
            let target = folder.appendingPathComponent("target")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("cache2"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("cache2/coach").path,
                                                       withDestinationPath: target.path)
            let throughLink = StatusCache(home: linked, environment: ["XDG_CACHE_HOME": folder.appendingPathComponent("cache2").path])
            throughLink.write(figures, key: key(linked, data), now: later)
            #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
            #expect(throughLink.read(key: key(linked, data)) == nil)
        }
    }

    @Test func twoHomesKeepTheirOwnFiguresAndTextSurvivesEscaping() throws {
        try withTemporaryFolder { folder in
            let (home, data, cache) = try setUp(folder)
            let other = CoachHome(url: folder.appendingPathComponent("other\nhome %41"))
            try other.prepare()
            let otherCache = StatusCache(home: other, environment: ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path])
            #expect(otherCache.name != cache.name)
            var odd = figures
            odd.notice = "line\none %41 ünï \u{1B}[31m"
            otherCache.write(odd, key: key(other, data), now: later)
            cache.write(figures, key: key(home, data), now: later)
            #expect(otherCache.read(key: key(other, data)) == odd)
            #expect(cache.read(key: key(home, data)) == figures)
        }
    }

    @Test func noHomeFolderMeansNoCache() {
        let cache = StatusCache(home: CoachHome(url: URL(fileURLWithPath: "/tmp/x")), environment: [:])
        #expect(cache.folder == nil)
        #expect(StatusCache(home: CoachHome(url: URL(fileURLWithPath: "/tmp/x")), environment: ["HOME": "/h"]).folder == "/h/.cache/coach")
        #expect(StatusCache(home: CoachHome(url: URL(fileURLWithPath: "/tmp/x")),
                            environment: ["HOME": "/h", "XDG_CACHE_HOME": "relative"]).folder == "/h/.cache/coach",
                "a relative XDG_CACHE_HOME is ignored, as the spec says")
    }
}
