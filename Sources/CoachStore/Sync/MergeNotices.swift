import CoachCore
import FoundationEssentials
import Glibc

/// What merges left in the home for the learner to look at, read at start by the
/// full-screen coach, `coach status` and `coach today`: the `conflicts` each document
/// lists, told in one line ("2 notes kept from both machines: review them").
public enum MergeNotices {
    /// The conflicts the home's documents list; a file that cannot be read has none here
    /// (its own reader says what is wrong with it).
    public static func pending(in home: CoachHome) -> [MergeConflict] {
        DocumentKind.watched.flatMap { kind -> [MergeConflict] in
            let file = home.file(kind)
            guard fileMentionsConflicts(file.path),
                  let data = try? AtomicFile.read(file, limit: FileSizeLimit.study) else { return [] }
            return (try? listed(in: data)) ?? []
        }
    }

    /// The one line for the learner, or nil when nothing waits.
    public static func line(for home: CoachHome) -> String? {
        MergeConflicts.summary(pending(in: home))
    }

    /// The conflicts one document lists. Most files have none, and are only searched
    /// for the key, not read.
    static func listed(in data: Data) throws -> [MergeConflict] {
        guard mentionsConflicts(data) else { return [] }
        return MergeConflicts.listed(in: try JSONTree.read(data))
    }

    /// Whether the bytes hold `"conflicts"` anywhere. memchr finds each place the key's
    /// first letter is, at the C library's speed, and only those are compared: a byte
    /// at a time, the search of ten years of study was 90 million instructions of
    /// `coach today`.
    static func mentionsConflicts(_ data: Data) -> Bool {
        data.withUnsafeBytes { mentionsConflicts($0) }
    }

    static let key = Array("\"\(DocumentMerge.conflictsKey)\"".utf8)

    static func mentionsConflicts(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let base = raw.baseAddress, raw.count >= key.count else { return false }
        var from = 1
        while from < raw.count, let found = memchr(base + from, Int32(key[1]), raw.count - from) {
            let start = base.distance(to: UnsafeRawPointer(found)) - 1
            if start + key.count <= raw.count, memcmp(base + start, key, key.count) == 0 { return true }
            from = start + 2
        }
        return false
    }

    /// The same question of a file, read `chunk` bytes at a time, each chunk searched with
    /// the end of the one before it (a key may straddle two). Reading a whole document
    /// again only to look for the key was the peak of the start's memory: 5.8 MB for a
    /// 10,000-idea backlog, on top of everything already loaded. A file that cannot be
    /// read mentions nothing (its own reader says what is wrong with it).
    static func fileMentionsConflicts(_ path: String, chunk: Int = 1 << 16) -> Bool {
        let file = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { return false }
        defer { close(file) }
        let carried = key.count - 1
        var buffer = [UInt8](repeating: 0, count: carried + chunk)
        return buffer.withUnsafeMutableBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return false }
            var held = 0
            while true {
                let count = read(file, base + held, chunk)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                let filled = held + count
                if mentionsConflicts(UnsafeRawBufferPointer(rebasing: raw[..<filled])) { return true }
                held = min(carried, filled)
                memmove(base, base + (filled - held), held)
            }
        }
    }
}
