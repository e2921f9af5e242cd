import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Saves that a crash cannot tear: write a temporary file in the same folder, fsync it,
/// rename it over the target, fsync the folder. A reader sees the old or the new file.
public enum AtomicFile {
    static let temporaryMarker = ".coach-tmp-"

    public static func write(_ data: some ContiguousBytes, to url: URL) throws {
        try write(to: url) { output in data.withUnsafeBytes { output.write($0) } }
    }

    /// The same, for a file made piece by piece: `produce` hands its pieces to the
    /// output, which writes them in 64 KB blocks, so a large file is never all in memory.
    public static func write(to url: URL, _ produce: (inout Output) throws -> Void) throws {
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
            var output = Output(fd: fd)
            try produce(&output)
            output.flush()
            if output.failed { throw failure(url, "write failed") }
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

    /// Where a file's pieces go on their way to the temporary file. After a failed write
    /// the rest is dropped and the save fails as a whole.
    public struct Output {
        fileprivate let fd: Int32
        private var buffer: [UInt8] = []
        fileprivate private(set) var failed = false
        private static let blockSize = 1 << 16

        fileprivate init(fd: Int32) {
            self.fd = fd
            buffer.reserveCapacity(Self.blockSize)
        }

        public mutating func write(_ bytes: some Sequence<UInt8>) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.blockSize { flush() }
        }

        public mutating func write(_ bytes: UnsafeRawBufferPointer) {
            flush()
            writeAll(bytes)
        }

        fileprivate mutating func flush() {
            buffer.withUnsafeBytes { writeAll($0) }
            buffer.removeAll(keepingCapacity: true)
        }

        private mutating func writeAll(_ raw: UnsafeRawBufferPointer) {
            var offset = 0
            while !failed, offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                } else {
                    offset += written
                }
            }
        }
    }

    /// Reads a whole file; nil when it does not exist.
    public static func read(_ url: URL) throws -> Data? {
        do {
            return try Data(contentsOf: url)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return nil
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return nil }
            throw StoreError.io(file: url.path, reason: "cannot read it (\(ErrorText.describe(error)))")
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
