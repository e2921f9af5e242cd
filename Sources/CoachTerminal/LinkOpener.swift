import CoachCore
import Dispatch
import FoundationEssentials
import Glibc

/// Starts the system's opener on a link: `$BROWSER` when it is set (a command, or several
/// separated by colons, `%s` standing for the link), else `xdg-open`, else `open`. The
/// opener runs in a session of its own with /dev/null for its input and output, so it
/// never reads the keys or writes over the screen, and it outlives nothing of ours: it
/// is reaped in the background.
public enum LinkOpener {
    /// The commands to try, in order, each as its words with the link in place.
    public static func commands(for link: String, environment: [String: String]) -> [[String]] {
        if let browser = environment["BROWSER"], !browser.trimmingWhitespace().isEmpty {
            return browser.split(separator: ":").compactMap { entry in
                var words = entry.split(separator: " ").map(String.init)
                guard !words.isEmpty else { return nil }
                if words.contains(where: { $0.contains("%s") }) {
                    words = words.map { $0.replacingText("%s", with: link) }
                } else {
                    words.append(link)
                }
                return words
            }
        }
        return [["xdg-open", link], ["open", link]]
    }

    public static func open(_ link: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> LinkOpening {
        let commands = commands(for: link, environment: environment)
        for words in commands {
            if let pid = spawn(words) {
                DispatchQueue.global().async {
                    var status: Int32 = 0
                    _ = waitpid(pid, &status, 0)
                }
                return .opened(link: link, opener: words[0])
            }
        }
        let tried = commands.map { $0[0] }.joined(separator: ", ")
        return .failed("Cannot open the link: no opener could be started (tried \(tried)); set $BROWSER, or y copies it")
    }

    /// Starts `words` detached; nil when the command cannot be started (not found).
    private static func spawn(_ words: [String]) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc 2.26): a session of its own, without our terminal.
        // Signals Coach blocks or ignores are back to normal for it.
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, words[0], &actions, &attributes, &arguments, environ)
        return result == 0 ? pid : nil
    }
}
