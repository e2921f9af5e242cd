import CoachCore
import CoachStore
import Dispatch
import FoundationEssentials
import Glibc

/// Runs the learner's hooks (`$COACH_HOME/hooks/NAME`), as taskwarrior runs its own: only
/// when the file is there, a regular file (not a link) and executable. It runs in the
/// background in a session of its own, its input and output on /dev/null so nothing it
/// prints reaches the screen, and it is reaped on another thread: the screen never waits
/// for it.
public enum HookRunner {
    public static let folderName = "hooks"
    /// glibc's POSIX_SPAWN_SETSID (2.26 and later), which the Glibc module does not import.
    static let spawnSetSID: Int32 = 0x80

    public static func file(_ hook: Hook, home: CoachHome) -> URL {
        home.url.appendingPathComponent(folderName).appendingPathComponent(hook.rawValue)
    }

    /// Starts the hook; false when there is none to run (or it could not be started).
    @discardableResult
    public static func run(_ hook: Hook, home: CoachHome, environment extra: [String: String] = [:]) -> Bool {
        let path = file(hook, home: home).path
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(path, X_OK) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own session: a Ctrl-C meant for the coach does not reach it, nor its terminal.
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var variables: [String: String] = [:]
        var index = 0
        while let entry = environ[index] {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            index += 1
        }
        variables["COACH_HOME"] = home.url.path
        variables["COACH_HOOK"] = hook.rawValue
        for (key, value) in extra { variables[key] = value }
        let environment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let arguments = [strdup(path), nil]
        defer {
            for pointer in environment { free(pointer) }
            for pointer in arguments { free(pointer) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, &attributes, arguments, environment) == 0 else { return false }
        let child = pid
        DispatchQueue.global(qos: .utility).async {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0, errno == EINTR {}
        }
        return true
    }
}
