import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The folder that holds everything the learner makes.
public struct CoachHome: Sendable {
    /// The folder as text: absolute, without "." or ".." or a trailing slash. Every path in
    /// the home is made from it as text, because the first `URL.path` of a process costs
    /// a search of every protocol conformance in the binary (0.28 million instructions,
    /// a sixth of `coach status`).
    public let path: String

    public var url: URL { URL(filePath: path, directoryHint: .isDirectory) }

    public init(url: URL) {
        self.init(path: url.path)
    }

    /// A relative `path` is taken from the current folder.
    public init(path: String) {
        self.path = PathText.absolute(path)
    }

    /// `--home` wins, then `COACH_HOME`, then `$XDG_DATA_HOME/coach`, then
    /// `~/.local/share/coach`.
    public static func resolve(flag: String?) -> CoachHome {
        resolve(flag: flag, variable: ProcessEnvironment.variable)
    }

    public static func resolve(flag: String?, environment: [String: String]) -> CoachHome {
        resolve(flag: flag) { environment[$0] }
    }

    static func resolve(flag: String?, variable: (String) -> String?) -> CoachHome {
        if let flag, !flag.isEmpty { return CoachHome(path: flag) }
        if let env = variable("COACH_HOME"), !env.isEmpty { return CoachHome(path: env) }
        if let xdg = variable("XDG_DATA_HOME"), !xdg.isEmpty { return CoachHome(path: xdg + "/coach") }
        let home = variable("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return CoachHome(path: home + "/.local/share/coach")
    }

    /// Where a document of the home lives: its file name, in the home's folder.
    public func file(_ kind: DocumentKind) -> URL { inside(kind.fileName) }

    /// A name in the home's folder. Made from the path as text: URL's own
    /// `appendingPathComponent` builds a character set the first time, which cost every
    /// start of a command 0.3 million instructions.
    public func inside(_ name: String) -> URL {
        URL(filePath: path(inside: name), directoryHint: .notDirectory)
    }

    /// The same, as text.
    public func path(inside name: String) -> String { path + "/" + name }

    public var progressFile: URL { file(.progress) }
    public var lockFile: URL { inside(".lock") }
    /// The learner's own track files, loaded after the shipped ones.
    public var tracksFolder: URL { URL(filePath: path(inside: "tracks"), directoryHint: .isDirectory) }

    /// Creates the folder if needed, private to the learner (0700 whatever the umask;
    /// the folders above it are made as the system makes them). (Temporary files that a
    /// killed save left are removed by whoever takes the lock: another process may be
    /// saving right now.)
    public func prepare() throws {
        if mkdir(path, 0o700) == 0 { return }
        if errno == EEXIST { return }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StoreError.io(file: path, reason: "cannot create the folder (\(ErrorText.describe(error)))")
        }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw StoreError.io(file: path, reason: "cannot create the folder (\(String(cString: strerror(errno))))")
        }
    }
}
