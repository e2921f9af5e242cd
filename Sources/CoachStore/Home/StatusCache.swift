import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The figures of `coach status`, kept between runs. A shell prompt asks for them before
/// every prompt, and working them out reads and replays the whole journal, the reviews and
/// the curriculum (about 25 million instructions on an ordinary home, 4 ms); between two
/// prompts nothing they come from has usually changed. So the figures are kept with a key
/// naming everything they were worked out from — the day, the time zone, the binary, and
/// the fingerprint of every file and folder `coach status` reads — and used again only
/// while that key is exactly the same.
///
/// The cache lives outside the home, in `$XDG_CACHE_HOME/coach` (else `~/.cache/coach`),
/// so a command that only looks still writes nothing in the home, and git never carries
/// it. It is private (folder 0700, file 0600), never written through a link, and may be
/// deleted at any time: a missing, torn or foreign file is a miss, never an error.
public struct StatusCache {
    /// What the status line and `--check` say.
    public struct Figures: Equatable, Sendable {
        public var streak: Int
        public var minutes: Int
        public var goal: Int
        public var due: Int
        public var goalMet: Bool
        /// What merges left for the learner to look at, if anything.
        public var notice: String?

        public init(streak: Int, minutes: Int, goal: Int, due: Int, goalMet: Bool, notice: String?) {
            self.streak = streak
            self.minutes = minutes
            self.goal = goal
            self.due = due
            self.goalMet = goalMet
            self.notice = notice
        }
    }

    static let header = "coach status cache 1"
    /// A cache file larger than this is not one of ours.
    static let sizeLimit = 1 << 16
    /// How long a file must have been left alone before figures from it are kept.
    static let settling = 1.0

    /// The folder the cache file goes in; nil when there is no home folder to find it from.
    public let folder: String?
    /// The file's name: one per home, so two homes never take each other's figures.
    public let name: String

    public init(home: CoachHome) {
        self.init(home: home, variable: ProcessEnvironment.variable)
    }

    public init(home: CoachHome, environment: [String: String]) {
        self.init(home: home) { environment[$0] }
    }

    init(home: CoachHome, variable: (String) -> String?) {
        if let xdg = variable("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            folder = xdg + "/coach"
        } else if let user = variable("HOME"), user.hasPrefix("/") {
            folder = user + "/.cache/coach"
        } else {
            folder = nil
        }
        name = "status-" + StableHash.hex(StableHash.fnv1a(home.url.standardizedFileURL.path))
    }

    /// Everything the figures are worked out from, and when the newest of those files
    /// last changed. (Bytes, not a String: the cache is read before every prompt, and
    /// String's character-wise splitting and joining of these lines cost more than the
    /// rest of the read.)
    public struct Key: Equatable {
        public var bytes: [UInt8]
        public var newestChange: Double
    }

    /// The key for this home now: when any of it differs, the kept figures are not used.
    public static func key(home: CoachHome, dataFolder: URL?, day: String, timeZone: TimeZoneRules) -> Key {
        let base = home.url.path
        var files = FileFingerprints()
        files.add("binary", file: "/proc/self/exe")
        for kind in DocumentKind.allCases { files.add(kind.fileName, file: base + "/" + kind.fileName) }
        files.add(WriteAheadRecord.fileName, file: base + "/" + WriteAheadRecord.fileName)
        files.add("own tracks", folder: base + "/tracks")
        if let dataFolder { files.add("data \(dataFolder.path)", folder: dataFolder.path + "/tracks") }
        var bytes: [UInt8] = []
        for line in ["day \(day)", "zone \(timeZone.identifier) \(timeZone.dayStartSeconds)", "home \(base)"] + files.lines {
            bytes.append(contentsOf: line.utf8)
            bytes.append(0x0A)
        }
        return Key(bytes: bytes, newestChange: files.newestChange)
    }

    /// The figures kept under exactly this key, or nil.
    public func read(key: Key) -> Figures? {
        guard let folder, let bytes = Self.readSmallFile(folder + "/" + name) else { return nil }
        let expected = Self.opening(key)
        guard bytes.count > expected.count, bytes[..<expected.count].elementsEqual(expected) else { return nil }
        let lines = bytes[expected.count...].split(separator: 0x0A, omittingEmptySubsequences: false)
        func text(_ line: ArraySlice<UInt8>) -> String { String(decoding: line, as: UTF8.self) }
        guard lines.count == 3, lines[2].isEmpty else { return nil }
        let numbers = lines[0].split(separator: 0x20).map(text)
        let notice = text(lines[1])
        guard numbers.count == 6, numbers[0] == "figures",
              let streak = Int(numbers[1]), let minutes = Int(numbers[2]), let goal = Int(numbers[3]),
              let due = Int(numbers[4]), let met = Int(numbers[5]), met == 0 || met == 1,
              notice == "notice" || notice.hasPrefix("notice ")
        else { return nil }
        return Figures(streak: streak, minutes: minutes, goal: goal, due: due, goalMet: met == 1,
                       notice: notice == "notice" ? nil : Self.unescaped(notice.dropFirst("notice ".count)))
    }

    /// Keeps the figures under the key, as best it can: a cache that cannot be written
    /// only means the next run works them out again. Not while a file changed in the last
    /// second: a change in the same tick of the file system's clock could leave the same
    /// fingerprint, so such figures are worked out again until the file has settled.
    public func write(_ figures: Figures, key: Key, now: Date) {
        guard now.timeIntervalSince1970 - key.newestChange >= Self.settling else { return }
        guard let folder, let fd = Self.openFolder(folder) else { return }
        defer { close(fd) }
        var bytes = Self.opening(key)
        bytes += Array("figures \(figures.streak) \(figures.minutes) \(figures.goal) \(figures.due) \(figures.goalMet ? 1 : 0)\n".utf8)
        bytes += Array("notice".utf8)
        if let notice = figures.notice {
            bytes.append(0x20)
            Self.escape(notice.utf8, into: &bytes)
        }
        bytes.append(0x0A)
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let file = openat(fd, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard file >= 0 else { return }
        fchmod(file, 0o600)
        let complete = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress, $0.count) == $0.count }
        // No fsync: after a power cut a torn or empty cache is a miss, not a loss.
        if close(file) != 0 || !complete || renameat(fd, temporary, fd, name) != 0 {
            unlinkat(fd, temporary, 0)
        }
    }

    /// The file's first two lines for this key: the header, and the key on one line.
    static func opening(_ key: Key) -> [UInt8] {
        var bytes = Array((header + "\nkey ").utf8)
        bytes.reserveCapacity(key.bytes.count + 64)
        escape(key.bytes, into: &bytes)
        bytes.append(0x0A)
        return bytes
    }

    /// The cache folder, made private if it is new, opened without following a link;
    /// nil when it is a link, not a folder, or not the learner's own.
    static func openFolder(_ path: String) -> Int32? {
        let parent = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !parent.isEmpty { mkdir(parent, 0o700) }
        mkdir(path, 0o700)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_uid == geteuid() else {
            close(fd)
            return nil
        }
        if info.st_mode & 0o077 != 0 { fchmod(fd, 0o700) }
        return fd
    }

    /// A small regular file's text, read without following a link; nil otherwise.
    static func readSmallFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= sizeLimit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return count == bytes.count ? bytes : nil
    }

    /// Bytes on one line: line breaks, control bytes and `%` written as `%XX`.
    static func escape(_ text: some Sequence<UInt8>, into bytes: inout [UInt8]) {
        let digits: StaticString = "0123456789ABCDEF"
        for byte in text {
            if byte >= 0x20, byte != 0x25, byte != 0x7F {
                bytes.append(byte)
            } else {
                bytes += [0x25, digits.utf8Start[Int(byte >> 4)], digits.utf8Start[Int(byte & 0xF)]]
            }
        }
    }

    static func unescaped(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var rest = text.utf8[...]
        while let byte = rest.popFirst() {
            if byte == 0x25, rest.count >= 2,
               let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                rest = rest.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
