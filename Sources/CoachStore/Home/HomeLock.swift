import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The exclusive lock on a home, so two writers never write over each other. Every
/// command that changes a file holds it from before it reads until after it saves; the
/// full-screen coach holds it while it runs. The kernel drops it when the process dies,
/// even by `kill -9`.
///
/// The lock is taken on the home folder itself, not on a file in it: a lock file can be
/// deleted from under its holder (and a second writer then locks a new one), the folder
/// cannot while it holds the learner's files. `.lock` only says who holds it ("4242
/// command" or "4242 full-screen"), so a waiting command knows whether to wait. Each save
/// also checks that the folder at the home's path is still the one locked
/// (`checkHeld`), so a home moved away and made again is never written unlocked.
public final class HomeLock: @unchecked Sendable {
    /// Who holds the lock: a short command is waited for, the full-screen coach is not.
    public enum Holder: String, Sendable {
        case command
        case fullScreen = "full-screen"
    }

    /// How long a command waits for another short command before giving up.
    public static let defaultWait: Double = 5

    let home: CoachHome
    /// The home folder's descriptor, locked with flock.
    let folder: Int32

    private init(home: CoachHome, folder: Int32) {
        self.home = home
        self.folder = folder
    }

    /// Takes the home's lock. Another short command holding it is waited for, up to
    /// `wait` seconds; a running full-screen coach refuses at once (it holds the lock
    /// for as long as it runs). Finishes a change across files that a killed command
    /// left half done, and removes the temporary files of killed saves.
    public static func acquire(_ home: CoachHome, as holder: Holder = .command, wait: Double = defaultWait) throws -> HomeLock {
        let path = home.path
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            throw StoreError.io(file: home.lockFile.path, reason: String(cString: strerror(errno)))
        }
        let deadline = monotonicSeconds() + wait
        var pause: UInt32 = 2_000
        while flock(folder, LOCK_EX | LOCK_NB) != 0 {
            let other = holderRecord(folder)
            if other?.holder == .fullScreen && other.map({ isAlive($0.pid) }) == true || monotonicSeconds() >= deadline {
                close(folder)
                throw StoreError.locked(home: path, holder: other.map { $0.description } ?? "")
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        guard let identity = FileIdentity.of(descriptor: folder) else {
            close(folder)
            throw StoreError.io(file: path, reason: String(cString: strerror(errno)))
        }
        // From here a failure lets go of the lock: deinit unlocks and closes.
        let lock = HomeLock(home: home, folder: folder)
        try lock.record(holder)
        // Only the lock holder writes, so a half-done change or a temporary file now is
        // a killed command's.
        try WriteAheadRecord.finishInterrupted(in: folder, home: home)
        AtomicFile.removeLeftovers(inFolder: home.path)
        HeldLocks.shared.add(lock, identity: identity)
        return lock
    }

    deinit {
        HeldLocks.shared.remove(self)
        flock(folder, LOCK_UN)
        close(folder)
    }

    /// Writes who holds the lock into `.lock`, never through a link.
    private func record(_ holder: Holder) throws {
        let fd = openat(folder, ".lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == ELOOP { throw StoreError.symbolicLink(file: home.lockFile.path) }
            throw StoreError.io(file: home.lockFile.path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        ftruncate(fd, 0)
        let text = "\(getpid()) \(holder.rawValue)\n"
        _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
    }

    struct HolderRecord: CustomStringConvertible {
        var pid: Int32
        var holder: Holder?
        var description: String {
            holder == .fullScreen ? "the full-screen coach, pid \(pid)" : "pid \(pid)"
        }
    }

    /// What `.lock` says about the holder; nil when it says nothing readable.
    private static func holderRecord(_ folder: Int32) -> HolderRecord? {
        let fd = openat(folder, ".lock", O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = read(fd, &bytes, bytes.count)
        guard count > 0 else { return nil }
        let words = String(decoding: bytes[0..<count], as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard let first = words.first, let pid = Int32(first) else { return nil }
        return HolderRecord(pid: pid, holder: words.count > 1 ? Holder(rawValue: String(words[1])) : nil)
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Refuses a save into `folder` (a home or a folder in it) when this process took
    /// that home's lock and the home at the path is no longer the folder it locked.
    static func checkHeld(forFolder folder: URL) throws {
        if let home = HeldLocks.shared.lostHome(covering: PathText.absolute(folder.path)) {
            throw StoreError.lockLost(home: home)
        }
    }
}

/// Device and inode: which file or folder is at a path.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    static func of(descriptor: Int32) -> FileIdentity? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    static func of(path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// The locks this process holds, so a save can check its home's: the home's path and
/// the folder that was locked there.
final class HeldLocks: @unchecked Sendable {
    static let shared = HeldLocks()
    private let mutex = Lock()
    /// A list, not a dictionary: a process holds one or two, and the first dictionary
    /// keyed by a type costs a conformance search at start.
    private var held: [(lock: ObjectIdentifier, path: String, identity: FileIdentity)] = []

    func add(_ lock: HomeLock, identity: FileIdentity) {
        let path = lock.home.path
        mutex.withLock {
            held.removeAll { $0.lock == ObjectIdentifier(lock) }
            held.append((ObjectIdentifier(lock), path, identity))
        }
    }

    func remove(_ lock: HomeLock) {
        mutex.withLock { held.removeAll { $0.lock == ObjectIdentifier(lock) } }
    }

    /// The home of a held lock that covers `folder` (is it or holds it) and is no longer
    /// the folder that was locked there; nil when there is none.
    func lostHome(covering folder: String) -> String? {
        let covering = mutex.withLock {
            held.filter { folder == $0.path || folder.hasPrefix($0.path + "/") }
        }
        return covering.first { FileIdentity.of(path: $0.path) != $0.identity }?.path
    }
}
