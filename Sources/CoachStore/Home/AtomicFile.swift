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
    ///
    /// The learner's files are private and never written through a link: the folder is
    /// opened once and everything happens relative to it (`openat`, `renameat`); a
    /// symbolic link where the file goes is refused, naming it; a new file is 0600
    /// whatever the umask, and a save keeps the mode the file had, never wider than
    /// 0600. Inside `WriteAheadRecord.together` the new file is only staged, and becomes
    /// the file when the whole change is on disk.
    public static func write(to url: URL, _ produce: (inout Output) throws -> Void) throws {
        let folderURL = url.deletingLastPathComponent()
        try HomeLock.checkHeld(forFolder: folderURL)
        let name = url.lastPathComponent
        let folder = open(folderURL.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw failure(url, "cannot open its folder") }
        defer { close(folder) }
        let mode = try modeForSave(of: name, in: folder, url: url)
        let temporary = "\(temporaryMarker)\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = try createTemporary(temporary, in: folder, mode: mode, for: url)
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
            if WriteAheadRecord.stage(temporary, as: name, in: folderURL) { return }
            guard renameat(folder, temporary, folder, name) == 0 else { throw failure(url, "rename failed") }
        } catch {
            unlinkat(folder, temporary, 0)
            throw error
        }
        fsync(folder)
    }

    /// The mode a save gives `name`: 0600 for a new file, else the file's own mode
    /// narrowed to at most 0600. A link or a folder in the file's place is refused.
    static func modeForSave(of name: String, in folder: Int32, url: URL) throws -> mode_t {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return 0o600 }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return info.st_mode & 0o600
        case S_IFLNK: throw StoreError.symbolicLink(file: url.path)
        default: throw StoreError.io(file: url.path, reason: "it is not a regular file")
        }
    }

    /// A new file for a save's bytes, created where no file or link is (O_EXCL with
    /// O_NOFOLLOW), with exactly `mode` whatever the umask.
    static func createTemporary(_ name: String, in folder: Int32, mode: mode_t, for url: URL) throws -> Int32 {
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(url, "cannot create a temporary file") }
        fchmod(fd, mode)
        return fd
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
    /// The file's bytes, nil when there is no file. A file larger than `limit` is refused
    /// before a byte of it is read: parsing hostile megabytes costs seconds and memory.
    public static func read(_ url: URL, limit: Int = FileSizeLimit.document) throws -> Data? {
        try read(path: url.path, limit: limit)
    }

    /// The same, by path, with the system's own calls: `Data(contentsOf:)` asks the URL
    /// for its path, and the first `URL.path` of a process costs 0.28 million
    /// instructions, on the way to every first frame and `coach status`.
    public static func read(path: String, limit: Int = FileSizeLimit.document) throws -> Data? {
        func cannotRead(_ reason: String) -> StoreError { .io(file: path, reason: "cannot read it (\(reason))") }
        func tooLarge(_ size: Int) -> StoreError {
            .unreadable(file: path, place: "size", reason: FileSizeLimit.describe(size, over: limit))
        }
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else {
            let failure = errno
            // A file, or a folder on the way to it, that is not there: nothing was saved yet.
            var info = stat()
            if failure == ENOENT || failure == ENOTDIR || stat(path, &info) != 0 { return nil }
            throw cannotRead(ErrorText.text(of: failure))
        }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { throw cannotRead(ErrorText.text(of: errno)) }
        if Int(info.st_size) > limit { throw tooLarge(Int(info.st_size)) }
        // One byte more than the size, so the read that finds the end needs no more room;
        // a file that grows meanwhile grows the buffer, up to the limit. The buffer is
        // malloc's and handed to Data as it is: `Data(count:)` would first fill it with
        // zeros (9.6 million instructions for the large home's documents).
        var capacity = Int(info.st_size) + 1
        guard var buffer = readBuffer(capacity) else { throw cannotRead("out of memory") }
        var handedOver = false
        defer { if !handedOver { free(buffer) } }
        var filled = 0
        while true {
            if filled == capacity {
                guard filled <= limit else { throw tooLarge(filled) }
                capacity += max(4096, filled / 2)
                guard let grown = realloc(buffer, capacity) else { throw cannotRead("out of memory") }
                buffer = grown
            }
            let count = Glibc.read(file, buffer + filled, capacity - filled)
            if count < 0 {
                let failure = errno
                if failure == EINTR { continue }
                throw cannotRead(ErrorText.text(of: failure))
            }
            if count == 0 { break }
            filled += count
        }
        handedOver = true
        return Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
    }

    /// Room for a file of `capacity` bytes. A large one has its pages put in place in one
    /// call before the read fills them: otherwise each 4 KB page faults on its own as the
    /// read reaches it (1,400 for a 6 MB backlog, a few microseconds each in a virtual
    /// machine). Kernels before 5.14 refuse the call, and then the pages fault as before.
    private static func readBuffer(_ capacity: Int) -> UnsafeMutableRawPointer? {
        guard let buffer = malloc(capacity) else { return nil }
        if capacity >= 1 << 20 { PageRelease.advise(MADV_POPULATE_WRITE, buffer, count: capacity) }
        return buffer
    }

    /// Removes the temporary files of saves that were killed half-way.
    public static func removeLeftovers(inFolder path: String) {
        guard let names = FolderEntries.names(at: path) else { return }
        for name in names where name.hasPrefix(temporaryMarker) {
            // unlink removes a link itself, never what it points to.
            unlink(path + "/" + name)
        }
    }

    private static func failure(_ url: URL, _ what: String) -> StoreError {
        let reason = String(cString: strerror(errno))
        return StoreError.io(file: url.path, reason: "\(what): \(reason)")
    }
}
