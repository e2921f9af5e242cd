import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The rotating backups of the home's documents, so a bad edit can be rolled back by
/// hand: the first time a day's save replaces a file, the file as it was stays as
/// `backups/NAME.YYYY-MM-DD.json` (a hard link to the replaced file, so nothing is
/// copied), and the newest `kept` of each file are kept. To roll back, copy one over
/// the file while Coach is not running.
public enum Backups {
    public static let folderName = "backups"
    public static let kept = 7

    /// Keeps `file` as it is now as the backup of the local day of `now`, unless that day
    /// has one already. Never stands in the way of the save it comes before — a backup
    /// that cannot be made is skipped — except for a symbolic link in place of the
    /// backups folder: Coach never writes through one, and says so.
    static func keep(_ file: URL, now: Date = Date()) throws {
        let name = file.deletingPathExtension().lastPathComponent
        let homeURL = file.deletingLastPathComponent()
        let home = open(homeURL.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard home >= 0 else { return }
        defer { close(home) }
        var info = stat()
        // Nothing to keep; a link in the document's place is refused by the save itself.
        guard fstatat(home, file.lastPathComponent, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        var folder = openat(home, folderName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if folder < 0, errno == ENOENT {
            mkdirat(home, folderName, 0o700)
            folder = openat(home, folderName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard folder >= 0 else {
            if fstatat(home, folderName, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFLNK {
                throw StoreError.symbolicLink(file: homeURL.appendingPathComponent(folderName).path)
            }
            return
        }
        defer { close(folder) }
        let backup = "\(name).\(day(of: now)).json"
        // The day has one, or something else is in its place: either way left alone.
        guard fstatat(folder, backup, &info, AT_SYMLINK_NOFOLLOW) != 0 else { return }
        if linkat(home, file.lastPathComponent, folder, backup, 0) != 0 {
            // A file system without hard links gets a copy.
            guard let data = try? AtomicFile.read(file) else { return }
            try? AtomicFile.write(data, to: homeURL.appendingPathComponent(folderName).appendingPathComponent(backup))
        }
        prune(name, in: folder, path: homeURL.appendingPathComponent(folderName))
    }

    /// Before a file of an older version is first rewritten in `current`, it is kept as
    /// `backups/NAME.vN.json`: outside the rotating backups, so it is never pruned, and
    /// only the first time (a later file of that version is not the original).
    static func keepOlderVersion(_ file: URL, data: Data?, current: Int) {
        guard let data, let version = RecordStamps.version(of: data), version < current else { return }
        let folder = file.deletingLastPathComponent().appendingPathComponent(folderName)
        let backup = folder.appendingPathComponent("\(file.deletingPathExtension().lastPathComponent).v\(version).json")
        guard (try? AtomicFile.read(backup)) == nil else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? AtomicFile.write(data, to: backup)
    }

    /// The backups of the document `name` ("progress"), oldest first.
    public static func list(_ name: String, in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { isBackup($0, of: name) }.sorted()
    }

    private static func prune(_ name: String, in folder: Int32, path: URL) {
        for old in list(name, in: path).dropLast(kept) {
            unlinkat(folder, old, 0)
        }
    }

    /// "progress.2026-11-23.json" for "progress"; nothing else the folder may hold.
    static func isBackup(_ file: String, of name: String) -> Bool {
        let prefix = name + ".", suffix = ".json"
        guard file.hasPrefix(prefix), file.hasSuffix(suffix), file.count == prefix.count + 10 + suffix.count else { return false }
        let date = file.dropFirst(prefix.count).prefix(10)
        return date.enumerated().allSatisfy { index, character in
            index == 4 || index == 7 ? character == "-" : character.isASCII && character.isNumber
        }
    }

    /// "2026-11-23": the calendar day of `date` where the learner is (the C library's
    /// local time, which needs no time zone database in memory).
    static func day(of date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&time, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }
}
