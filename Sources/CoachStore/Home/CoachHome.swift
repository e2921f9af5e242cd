import CoachCore
import FoundationEssentials

/// The folder that holds everything the learner makes.
public struct CoachHome: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// `--home` wins, then `COACH_HOME`, then `$XDG_DATA_HOME/coach`, then
    /// `~/.local/share/coach`.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> CoachHome {
        if let flag, !flag.isEmpty { return CoachHome(url: URL(fileURLWithPath: flag)) }
        if let env = environment["COACH_HOME"], !env.isEmpty { return CoachHome(url: URL(fileURLWithPath: env)) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return CoachHome(url: URL(fileURLWithPath: xdg).appendingPathComponent("coach"))
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return CoachHome(url: URL(fileURLWithPath: home).appendingPathComponent(".local/share/coach"))
    }

    public var progressFile: URL { url.appendingPathComponent("progress.json") }
    public var lockFile: URL { url.appendingPathComponent(".lock") }
    /// The learner's own track files, loaded after the shipped ones.
    public var tracksFolder: URL { url.appendingPathComponent("tracks") }

    /// Creates the folder if needed. (Temporary files that a killed save left are removed
    /// by whoever takes the lock: another process may be saving right now.)
    public func prepare() throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw StoreError.io(file: url.path, reason: "cannot create the folder (\(ErrorText.describe(error)))")
        }

    }
}
