import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// Issue 11, item 5: no input traps a reader. Every reader of the home is fed 100,000
/// inputs made from a real file of its kind — bytes flipped, inserted, deleted, cut short,
/// pieces of the file spliced in again, huge numbers and deep nesting dropped in — plus
/// some plain random bytes. Each must give a value or a `StoreError` (a trap would end
/// the test process), and the file must be byte for byte what was written: a reader
/// never writes. A seeded generator makes every run the same, and a failure repeatable.
@Suite struct HostileInputTests {
    static let inputs = 100_000

    /// Pieces dropped into a file: huge and odd numbers, deep nesting, repeated keys,
    /// control bytes, invalid UTF-8.
    static let pieces: [[UInt8]] = [
        "12345678901234567890", "-98765432109876543210987", "1e400", "-1e-400", "45.5", "0.0", "-0",
        "9223372036854775807", "9223372036854775808", "18446744073709551616", "1E+19", "1.7976931348623157e309",
        String(repeating: "[", count: 600), String(repeating: "{\"a\":", count: 300), "\"version\":1,", "\"minutes\":",
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "e", ".", "-", " ",
        "\u{1B}[2J", "\u{85}", "\u{202E}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00], [0xE2, 0x80], [0xEF, 0xBB, 0xBF]]

    /// One input: a mutation of `original` or, now and then, random bytes.
    static func input(from original: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        if random.next(below: 50) == 0 {
            return (0..<random.next(below: 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        var bytes = original
        for _ in 0...random.next(below: 3) {
            if bytes.isEmpty { bytes = original }
            let at = random.next(below: bytes.count)
            switch random.next(below: 7) {
            case 0: bytes[at] ^= UInt8(1 << random.next(below: 8))  // flip a bit
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            case 3: bytes.removeSubrange(at...)  // cut short
            case 4:  // splice a piece of the file itself in again
                let from = random.next(below: bytes.count)
                let end = min(bytes.count, from + 1 + random.next(below: 40))
                bytes.insert(contentsOf: bytes[from..<end], at: at)
            case 5:  // a number replaced by a hostile one
                if let digit = bytes[at...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                    var end = digit
                    while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
                    bytes.replaceSubrange(digit..<end, with: pieces[random.next(below: 12)])
                }
            default: bytes.insert(contentsOf: pieces[random.next(below: pieces.count)], at: at)
            }
        }
        return bytes
    }

    /// Feeds `inputs` mutations of `original` to `read`, which reads them from memory, as
    /// the store reads the file's bytes; the first 2,000 also go through the file at `url`
    /// with `load`, which must leave it byte for byte as it was.
    static func feed(_ original: Data, seed: UInt64, to url: URL, load: () throws -> Void,
                     read: (Data) throws -> Void) throws -> (values: Int, errors: Int) {
        var random = SeededRandom(seed: seed)
        var values = 0, errors = 0
        let base = Array(original)
        for index in 0..<inputs {
            let bytes = Data(input(from: base, using: &random))
            let onDisk = index < 2_000
            if onDisk { try bytes.write(to: url) }
            do {
                if onDisk { try load() } else { try read(bytes) }
                values += 1
            } catch is StoreError {
                errors += 1
            }
            if onDisk { #expect(try Data(contentsOf: url) == bytes) }
        }
        return (values, errors)
    }

    /// Feeds `inputs` mutations of `original` to `read`, which reads the file at `url`;
    /// counts values and errors, and checks the file is unchanged after each read.
    static func feed(_ original: Data, seed: UInt64, to url: URL, count: Int = inputs,
                     read: () throws -> Void) throws -> (values: Int, errors: Int) {
        var random = SeededRandom(seed: seed)
        var values = 0, errors = 0
        let base = Array(original)
        for _ in 0..<count {
            let bytes = Data(input(from: base, using: &random))
            try bytes.write(to: url)
            do {
                try read()
                values += 1
            } catch is StoreError {
                errors += 1
            }
            // Every few inputs the file is read back: it must be what was written.
            if values + errors <= 2_000 || random.next(below: 20) == 0 {
                #expect(try Data(contentsOf: url) == bytes)
            }
        }
        return (values, errors)
    }

    /// A home in memory when the machine has one (/dev/shm), so 100,000 writes are cheap.
    static func withHome(_ body: (CoachHome) throws -> Void) throws {
        let base = FileManager.default.fileExists(atPath: "/dev/shm")
            ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("coach-hostile-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(CoachHome(url: folder))
        // Reading made nothing: no backups, no lock, no temporary files.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count <= 1, "\(names)")
    }

    static func check(_ result: (values: Int, errors: Int), _ name: String) {
        #expect(result.values + result.errors == inputs)
        #expect(result.errors > 0, "\(name): some damage must be refused")
        // For scripts/torture, which prints these lines as the README's figures.
        print("torture: mutated \(name) fed to its reader: \(inputs) tried / \(result.values + result.errors) passed "
            + "(\(result.values) read, \(result.errors) refused, 0 traps, file unchanged)")
    }

    @Test func settings() throws {
        try Self.withHome { home in
            let url = SettingsStore.file(home)
            let result = try Self.feed(try FileFormat.releaseFile("settings.json"), seed: 1, to: url,
                                       load: { _ = try SettingsStore.load(home) },
                                       read: { _ = try SettingsStore.settings(from: $0, file: url) })
            Self.check(result, "settings")
        }
    }

    @Test func journal() throws {
        try Self.withHome { home in
            let url = JournalStore.file(home)
            let result = try Self.feed(try FileFormat.releaseFile("journal.json"), seed: 2, to: url,
                                       load: { _ = try JournalStore.load(home) },
                                       read: { _ = try JournalStore.journal(from: $0, file: url) })
            Self.check(result, "journal")
        }
    }

    @Test func progress() throws {
        try Self.withHome { home in
            let url = home.progressFile
            let result = try Self.feed(try FileFormat.releaseFile("progress.json"), seed: 3, to: url,
                                       load: { _ = try ProgressStore.load(home) },
                                       read: { _ = try ProgressStore.book(from: $0, file: url) })
            Self.check(result, "progress")
        }
    }

    @Test func reviews() throws {
        try Self.withHome { home in
            let result = try Self.feed(try FileFormat.releaseFile("reviews.json"), seed: 4, to: ReviewStore.file(home)) {
                _ = try ReviewStore.load(home)
            }
            Self.check(result, "reviews")
        }
    }

    @Test func backlog() throws {
        try Self.withHome { home in
            let url = home.backlogFile
            let result = try Self.feed(try FileFormat.releaseFile("backlog.json"), seed: 5, to: url,
                                       load: { _ = try BacklogStore.load(home) },
                                       read: { _ = try BacklogStore.load($0, file: url) })
            Self.check(result, "backlog")
        }
    }

    @Test func session() throws {
        try Self.withHome { home in
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            let timer = SessionTimer(started: start, accumulatedSeconds: 600, runningSince: start.addingTimeInterval(700),
                                     lastSeen: start.addingTimeInterval(900), items: ["genai.rag"])
            try SessionStore.save(timer, to: home)
            let original = try Data(contentsOf: SessionStore.file(home))
            let url = SessionStore.file(home)
            let result = try Self.feed(original, seed: 6, to: url, load: { _ = try SessionStore.load(home) },
                                       read: { _ = try SessionStore.timer(from: $0, file: url) })
            Self.check(result, "session")
        }
    }

    /// An export, as `coach export` writes it, read as `coach import` reads it.
    @Test func export() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/release-1")
        let original = try HomeExport.load(from: CoachHome(url: fixtures), exportedAt: Date(timeIntervalSince1970: 1_700_000_000)).encoded()
        try Self.withHome { home in
            let url = home.url.appendingPathComponent("export.json")
            let result = try Self.feed(original, seed: 7, to: url,
                                       load: { _ = try HomeExport.decode(try #require(try AtomicFile.read(url, limit: FileSizeLimit.export)), file: url) },
                                       read: { _ = try HomeExport.decode($0, file: url) })
            Self.check(result, "export")
        }
    }

    /// A learner's own track: the parser never traps, and a bad file is reported and
    /// left out while the shipped curriculum still loads.
    @Test func ownTrack() throws {
        var random = SeededRandom(seed: 8)
        let base = Array(CurriculumParserTests.valid.utf8)
        var tracks = 0, refused = 0
        for _ in 0..<Self.inputs {
            let result = CurriculumParser.parseTrack(Data(Self.input(from: base, using: &random)), file: "own.json")
            if result.track != nil { tracks += 1 } else {
                refused += 1
                #expect(!result.problems.isEmpty)
            }
        }
        #expect(tracks + refused == Self.inputs)
        #expect(refused > 0)
        print("torture: mutated own track fed to the parser: \(Self.inputs) tried / \(tracks + refused) passed "
            + "(\(tracks) read, \(refused) reported, 0 traps)")
    }

    /// The whole loader, a few hundred times: a bad own file never stops the others.
    @Test func aBadOwnTrackIsLeftOut() throws {
        let data = try CurriculumLoader.locateData()
        try Self.withHome { home in
            let folder = home.url.appendingPathComponent("tracks")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let url = folder.appendingPathComponent("own.json")
            let builtIn = try CurriculumLoader.load(data: data).tracks.count
            var random = SeededRandom(seed: 9)
            let base = Array(#"{"id":"own","title":"Own","sections":[{"title":"S","items":[{"id":"own.a","title":"A","minutes":30}]}]}"#.utf8)
            for _ in 0..<300 {
                let bytes = Data(Self.input(from: base, using: &random))
                try bytes.write(to: url)
                let loaded = try CurriculumLoader.load(data: data, userTracks: folder)
                #expect(loaded.curriculum.tracks.count >= builtIn)
                if loaded.curriculum.tracks.count == builtIn { #expect(!loaded.warnings.isEmpty) }
                #expect(try Data(contentsOf: url) == bytes)
            }
            try FileManager.default.removeItem(at: url)
        }
    }

    // MARK: The cases of the issue, by name

    @Test func hugeAndFractionalNumbersAreReportedAtTheirPath() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            func error(_ name: String, _ text: String, _ load: () throws -> Void) throws -> StoreError? {
                try writeFile(text, to: name, in: folder)
                do { try load() } catch let error as StoreError { return error }
                return nil
            }
            let goal = try error("settings.json", #"{"version":1,"dailyGoalMinutes":45.5}"#) { _ = try SettingsStore.load(home) }
            #expect(goal == .unreadable(file: SettingsStore.file(home).path, place: "dailyGoalMinutes",
                                        reason: "expected a whole number, got 45.5"))
            let version = try error("journal.json", #"{"version":1234567890123456789012,"entries":[],"goals":[]}"#) { _ = try JournalStore.load(home) }
            #expect(version?.description.contains("(version): expected a whole number") == true, "\(String(describing: version))")
            #expect(version?.description.contains("1234567890123456789012") == true, "the number is quoted")
            let minutes = try error("journal.json", #"{"version":1,"entries":[{"id":1,"day":"2024-05-01","minutes":12345678901234567890}],"goals":[]}"#) {
                _ = try JournalStore.load(home)
            }
            #expect(minutes?.description.contains("entries[0].minutes") == true, "\(String(describing: minutes))")
            let repeated = try error("settings.json", #"{"version":1,"version":2}"#) { _ = try SettingsStore.load(home) }
            #expect(repeated == .unreadable(file: SettingsStore.file(home).path, place: "version", reason: JSONFile.repeatedKeyReason))
            let idea = try error("backlog.json", #"{"version":1,"ideas":[{"id":"a","id":"b"}]}"#) { _ = try BacklogStore.load(home) }
            #expect(idea?.description.contains("ideas[0].id") == true, "\(String(describing: idea))")
            let deep = try error("settings.json", String(repeating: "[", count: 100_000)) { _ = try SettingsStore.load(home) }
            #expect(deep != nil)
        }
    }

    @Test func aFileOverItsLimitIsRefusedUnread() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder)
            try Data(count: FileSizeLimit.small + 1).write(to: SettingsStore.file(home))
            #expect(throws: StoreError.unreadable(file: SettingsStore.file(home).path, place: "size",
                                                  reason: FileSizeLimit.describe(FileSizeLimit.small + 1, over: FileSizeLimit.small))) {
                try SettingsStore.load(home)
            }
        }
    }
}
