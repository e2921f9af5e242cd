import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Which file is on disk under a name, and which version of it: device and inode (an
/// editor or sync tool that saves by renaming makes a new one), size and time written.
struct FileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int

    /// nil when there is no such file.
    static func of(_ url: URL) -> FileStamp? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }
}

/// The version of each of its files that Coach last read or wrote, so a file another
/// program changed since is never written over unasked.
public final class FileWatch: @unchecked Sendable {
    private let lock = Lock()
    /// By path; a nil stamp means the file did not exist.
    private var known: [String: FileStamp?] = [:]

    public init() {}

    /// Takes the file as it is now as the one Coach has (after reading or writing it).
    public func remember(_ url: URL) {
        let stamp = FileStamp.of(url)
        lock.withLock { known[url.path] = stamp }
    }

    /// True when the file is no longer the one Coach last read or wrote. A file Coach
    /// never remembered is not watched.
    public func hasChanged(_ url: URL) -> Bool {
        guard let stamp = lock.withLock({ known[url.path] }) else { return false }
        return FileStamp.of(url) != stamp
    }

    /// Reads the file with `read` and takes the version read as Coach's. The stamp is
    /// taken first, so a change made while reading is seen as a change.
    public func read<T>(_ url: URL, _ read: () throws -> T) throws -> T {
        let stamp = FileStamp.of(url)
        let value = try read()
        lock.withLock { known[url.path] = stamp }
        return value
    }

    /// Runs `write` unless the file changed since Coach had it, and takes what it wrote
    /// as Coach's. (A change in the moment between the check and the write is not seen.)
    public func write(_ url: URL, _ write: () throws -> Void) throws {
        if hasChanged(url) { throw StoreError.changedOnDisk(file: url.path) }
        try write()
        remember(url)
    }
}
