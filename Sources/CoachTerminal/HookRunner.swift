import CoachCore
import CoachStore
import FoundationEssentials
import Glibc

/// Runs the learner's hooks (`$COACH_HOME/hooks/NAME`), as taskwarrior runs its own: only
/// when the file is there, a regular file (not a link) and executable. It runs in the
/// background in a session of its own, its input and output on /dev/null so nothing it
/// prints reaches the screen, and it is reaped on another thread: the screen never waits
/// for it.
public enum HookRunner {
    public static let folderName = "hooks"

    public static func file(_ hook: Hook, home: CoachHome) -> URL {
        home.url.appendingPathComponent(folderName).appendingPathComponent(hook.rawValue)
    }

    /// Starts the hook; false when there is none to run (or it could not be started).
    @discardableResult
    public static func run(_ hook: Hook, home: CoachHome, environment extra: [String: String] = [:]) -> Bool {
        let path = file(hook, home: home).path
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(path, X_OK) == 0 else { return false }
        var variables: [String: String] = [:]
        var index = 0
        while let entry = environ[index] {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            index += 1
        }
        variables["COACH_HOME"] = home.path
        variables["COACH_HOOK"] = hook.rawValue
        for (key, value) in extra { variables[key] = value }
        return DetachedProcess.start([path], environment: variables.map { "\($0.key)=\($0.value)" })
    }
}
