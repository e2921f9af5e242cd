import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Makes a change that spans several documents (the daily goal in settings.json and
/// its history in journal.json) all or nothing on disk.
///
/// Inside `together`, each save writes and fsyncs its new file under a temporary name
/// but does not rename it. When every save is staged, the list of (temporary name →
/// document) is saved atomically as `.coach-change`: that save is the moment the change
/// happens. Then each staged file is renamed over its document and the record removed.
/// A kill before the record is written leaves only temporary files (removed as
/// leftovers): none of the change. A kill after it leaves the record, and whoever takes
/// the home's lock next (`HomeLock.acquire`) finishes the renames first: all of it.
public enum WriteAheadRecord {
    static let fileName = ".coach-change"

    /// The saves staged so far by the change under way on this thread.
    final class Staging: @unchecked Sendable {
        let folder: String
        private let mutex = Lock()
        private var staged: [(temporary: String, name: String)] = []

        init(folder: String) { self.folder = folder }

        func add(_ temporary: String, as name: String) {
            mutex.withLock {
                staged.removeAll { $0.name == name }
                staged.append((temporary, name))
            }
        }

        var files: [(temporary: String, name: String)] { mutex.withLock { staged } }
    }

    @TaskLocal static var staging: Staging?

    /// Runs `body`, whose saves into the home's folder become one change. The caller
    /// holds the home's lock. When `body` throws, nothing it saved is kept.
    public static func together<T>(in home: CoachHome, _ body: () throws -> T) throws -> T {
        let staging = Staging(folder: home.path)
        let value: T
        do {
            value = try $staging.withValue(staging) { try body() }
        } catch {
            discard(staging.files, in: home)
            throw error
        }
        let files = staging.files
        guard !files.isEmpty else { return value }
        let record = home.url.appendingPathComponent(fileName)
        if files.count > 1 {
            let text = files.map { "\($0.temporary)\t\($0.name)\n" }.joined()
            do {
                try AtomicFile.write(Data(text.utf8), to: record)
            } catch {
                discard(files, in: home)
                throw error
            }
        }
        let folder = open(home.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw StoreError.io(file: home.path, reason: String(cString: strerror(errno))) }
        defer { close(folder) }
        try apply(files, in: folder, home: home)
        return value
    }

    /// Called by `AtomicFile` for each save: true when the save was staged as part of
    /// the change under way (and must not be renamed now).
    static func stage(_ temporary: String, as name: String, in folder: URL) -> Bool {
        guard let staging, staging.folder == PathText.absolute(folder.path) else { return false }
        staging.add(temporary, as: name)
        return true
    }

    /// Finishes a change that a killed command left recorded but not applied. The caller
    /// holds the lock, and `folder` is the home's descriptor.
    static func finishInterrupted(in folder: Int32, home: CoachHome) throws {
        let fd = openat(folder, fileName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { throw StoreError.symbolicLink(file: home.url.appendingPathComponent(fileName).path) }
            return
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        close(fd)
        let files = parse(String(decoding: bytes, as: UTF8.self))
        try apply(files, in: folder, home: home)
    }

    /// The record's lines; a line that does not name a temporary file and a document
    /// of this folder is ignored, so a planted record can rename nothing else.
    static func parse(_ text: String) -> [(temporary: String, name: String)] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, parts[0].hasPrefix(AtomicFile.temporaryMarker),
                  isPlainName(parts[0]), isPlainName(parts[1]),
                  !parts[1].hasPrefix(".") else { return nil }
            return (parts[0], parts[1])
        }
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".."
    }

    /// Renames each staged file over its document (one already renamed is skipped),
    /// then removes the record.
    private static func apply(_ files: [(temporary: String, name: String)], in folder: Int32, home: CoachHome) throws {
        for file in files {
            var info = stat()
            if fstatat(folder, file.name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFLNK {
                throw StoreError.symbolicLink(file: home.url.appendingPathComponent(file.name).path)
            }
            if renameat(folder, file.temporary, folder, file.name) != 0, errno != ENOENT {
                throw StoreError.io(file: home.url.appendingPathComponent(file.name).path,
                                    reason: "rename failed: \(String(cString: strerror(errno)))")
            }
        }
        fsync(folder)
        if unlinkat(folder, fileName, 0) == 0 { fsync(folder) }
    }

    private static func discard(_ files: [(temporary: String, name: String)], in home: CoachHome) {
        for file in files { unlink(home.url.appendingPathComponent(file.temporary).path) }
    }

    /// True when a change across files waits to be finished: a command that only reads
    /// then takes the lock for a moment so it reads the whole change.
    public static func isPending(in home: CoachHome) -> Bool {
        var info = stat()
        return fstatat(AT_FDCWD, home.path + "/" + fileName, &info, AT_SYMLINK_NOFOLLOW) == 0
    }
}
