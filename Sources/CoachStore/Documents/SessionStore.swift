import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// session.json: the session timer while a session is under way. The shell saves it
/// as it goes, so a session that was running when Coach quit or was killed is found at
/// the next start and logged; the file is removed once the session is logged.
public enum SessionStore {
    public static let version = 1

    struct FileContents: Codable, Equatable {
        var version: Int
        var timer: SessionTimer
    }

    public static func file(_ home: CoachHome) -> URL {
        home.file(.session)
    }

    /// The saved timer; nil when no session is under way.
    public static func load(_ home: CoachHome) throws -> SessionTimer? {
        let url = file(home)
        guard let data = try AtomicFile.read(url, limit: FileSizeLimit.small) else { return nil }
        return try timer(from: data, file: url)
    }

    /// The timer `data`, read from `url`, holds.
    static func timer(from data: Data, file url: URL) throws -> SessionTimer {
        let document = try JSONFile.decode(FileContents.self, from: data, file: url, supported: version)
        let seconds = document.timer.accumulatedSeconds
        guard seconds.isFinite, seconds >= 0 else {
            throw StoreError.unreadable(file: url.path, place: "timer.accumulatedSeconds",
                                        reason: "must be a number of seconds ≥ 0, found \(seconds)")
        }
        return document.timer
    }

    public static func save(_ timer: SessionTimer, to home: CoachHome) throws {
        try JSONFile.save(FileContents(version: version, timer: timer), to: file(home), backup: false)
    }

    /// Removes the saved timer once its session is logged (or thrown away); nothing to
    /// do when there is none.
    public static func clear(_ home: CoachHome) throws {
        let url = file(home)
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw StoreError.io(file: url.path, reason: "cannot remove it: \(String(cString: strerror(errno)))")
        }
    }
}
