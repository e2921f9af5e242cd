import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Saves that a crash cannot tear: write a temporary file in the same folder, fsync it,
/// rename it over the target, fsync the folder. A reader sees the old or the new file.
public enum AtomicFile {
    static let temporaryMarker = ".coach-tmp-"

    public static func write(_ data: some ContiguousBytes, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            "\(temporaryMarker)\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(url, "cannot create a temporary file") }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            try data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw failure(url, "write failed")
                    }
                    offset += written
                }
            }
            guard fsync(fd) == 0 else { throw failure(url, "fsync failed") }
            closed = true
            guard close(fd) == 0 else { throw failure(url, "close failed") }
            guard rename(temporary.path, url.path) == 0 else { throw failure(url, "rename failed") }
        } catch {
            unlink(temporary.path)
            throw error
        }
        syncFolder(folder)
    }

    /// Reads a whole file; nil when it does not exist.
    public static func read(_ url: URL) throws -> Data? {
        do {
            return try Data(contentsOf: url)
        } catch CocoaError.fileReadNoSuchFile {
            return nil
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return nil }
            throw StoreError.io(file: url.path, reason: "cannot read it (\(error.localizedDescription))")
        }
    }

    /// Removes the temporary files of saves that were killed half-way.
    public static func removeLeftovers(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(temporaryMarker) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    private static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func failure(_ url: URL, _ what: String) -> StoreError {
        let reason = String(cString: strerror(errno))
        return StoreError.io(file: url.path, reason: "\(what): \(reason)")
    }
}
