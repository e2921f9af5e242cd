import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One result kept between runs in Coach's cache folder, `$XDG_CACHE_HOME/coach` (else
/// `~/.cache/coach`), under the key it was worked out from. The folder is outside the
/// home, so a command that only looks still writes nothing in the home, and git never
/// carries it. It is private (folder 0700, file 0600), never written through a link, and
/// may be deleted at any time: a missing, torn, foreign or oversized file is a miss,
/// never an error.
public struct KeptFile {
    /// The folder the file goes in; nil when there is no home folder to find it from.
    public let folder: String?
    /// The file's name: one per home and kind, so two homes never take each other's results.
    public let name: String
    /// The first line, naming the kind of result and its format's version.
    let header: String
    /// A file larger than this is not one of ours.
    let sizeLimit: Int
    /// How long a file must have been left alone before results from it are kept.
    static let settling = 1.0

    public init(kind: String, header: String, sizeLimit: Int, home: CoachHome, variable: (String) -> String?) {
        if let xdg = variable("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            folder = xdg + "/coach"
        } else if let user = variable("HOME"), user.hasPrefix("/") {
            folder = user + "/.cache/coach"
        } else {
            folder = nil
        }
        name = kind + "-" + StableHash.hex(StableHash.fnv1a(home.path))
        self.header = header
        self.sizeLimit = sizeLimit
    }

    /// What was kept under exactly this key, or nil.
    public func read(key: CacheKey) -> ArraySlice<UInt8>? {
        guard let folder, let bytes = Self.readSmallFile(folder + "/" + name, limit: sizeLimit) else { return nil }
        let expected = opening(key)
        guard bytes.count >= expected.count, bytes[..<expected.count].elementsEqual(expected) else { return nil }
        return bytes[expected.count...]
    }

    /// Keeps `contents` under the key, as best it can: a file that cannot be written only
    /// means the next run works the result out again. Not while a file changed in the
    /// last second: a change in the same tick of the file system's clock could leave the
    /// same fingerprint, so such results are worked out again until the file has settled.
    public func write(_ contents: [UInt8], key: CacheKey, now: Date) {
        guard now.timeIntervalSince1970 - key.newestChange >= Self.settling else { return }
        var bytes = opening(key)
        bytes += contents
        guard bytes.count <= sizeLimit, let folder, let fd = Self.openFolder(folder) else { return }
        defer { close(fd) }
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let file = openat(fd, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard file >= 0 else { return }
        fchmod(file, 0o600)
        let complete = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress, $0.count) == $0.count }
        // No fsync: after a power cut a torn or empty file is a miss, not a loss.
        if close(file) != 0 || !complete || renameat(fd, temporary, fd, name) != 0 {
            unlinkat(fd, temporary, 0)
        }
    }

    /// The file's first two lines for this key: the header, and the key on one line.
    func opening(_ key: CacheKey) -> [UInt8] {
        var bytes = Array((header + "\nkey ").utf8)
        bytes.reserveCapacity(key.bytes.count + 64)
        Self.escape(key.bytes, into: &bytes)
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

    /// A small regular file's bytes, read without following a link; nil otherwise.
    static func readSmallFile(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else { return nil }
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
