import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What files are right now, without reading them: device, inode, size, mode, and the
/// times of the last change and last status change, to the nanosecond. Every save of
/// Coach's renames a new file over the old one (a new inode), and an editor or git that
/// writes in place moves the times, so equal fingerprints mean the same bytes for
/// anything a cache needs to know — except a change made in the same clock tick as the
/// fingerprint was taken, which `newestChange` lets the cache see and refuse (git's
/// "racy clean" rule).
public struct FileFingerprints {
    public private(set) var lines: [String] = []
    /// The latest change time of anything fingerprinted, in seconds since 1970.
    public private(set) var newestChange: Double = 0

    public init() {}

    /// The file at `path` ("-" when there is none). Links are followed, as the readers
    /// follow them.
    public mutating func add(_ label: String, file path: String) {
        lines.append(label + " " + fingerprint(path))
    }

    /// A folder (names added or taken away move its times) and each of its entries by
    /// name, in name order; "-" when there is no folder.
    public mutating func add(_ label: String, folder path: String) {
        guard let names = FolderEntries.names(at: path) else { return lines.append(label + " -") }
        var line = label + " " + fingerprint(path)
        for name in names.sorted() { line += " \(name)=\(fingerprint(path + "/" + name))" }
        lines.append(line)
    }

    private mutating func fingerprint(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "-" }
        for time in [info.st_mtim, info.st_ctim] {
            newestChange = max(newestChange, Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
        }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mode):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            + ":\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}
