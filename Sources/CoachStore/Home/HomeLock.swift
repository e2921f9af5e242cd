import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The exclusive lock a running TUI holds on its home, so two windows never write over
/// each other. The kernel drops it when the process dies, even by `kill -9`.
public final class HomeLock {
    private let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    public static func acquire(_ home: CoachHome) throws -> HomeLock {
        let path = home.lockFile.path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError.io(file: path, reason: String(cString: strerror(errno)))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingWhitespaceAndNewlines() ?? ""
            close(fd)
            throw StoreError.locked(home: home.url.path, holder: holder.isEmpty ? "" : "pid \(holder)")
        }
        // Only the lock holder writes, so any temporary file now is a killed save's.
        AtomicFile.removeLeftovers(in: home.url)
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { Glibc.write(fd, $0, strlen($0)) }
        return HomeLock(fd: fd)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
