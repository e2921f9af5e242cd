import Dispatch
import Glibc

/// A program started apart from the screen (the link opener, the learner's hooks): a
/// session of its own, so a Ctrl-C meant for Coach does not reach it and it never has our
/// terminal; /dev/null for its input and output, so it neither reads the keys nor writes
/// over the screen; the signals Coach blocks or ignores back to normal; and reaped on
/// another thread, so nothing waits for it.
enum DetachedProcess {
    /// glibc's POSIX_SPAWN_SETSID (2.26 and later), which the Glibc module does not import.
    static let spawnSetSID: Int32 = 0x80

    /// Starts `words` (the first looked up in PATH unless it names a path) with
    /// `environment` ("NAME=value"; nil: ours); false when it cannot be started.
    static func start(_ words: [String], environment: [String]? = nil) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(spawnSetSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let variables: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup($0) } + [nil] }
        defer {
            for argument in arguments { free(argument) }
            for variable in variables ?? [] { free(variable) }
        }
        var pid: pid_t = 0
        var result: Int32 = 0
        // ETXTBSY: the program is still open for writing somewhere (an editor saving the
        // hook, or a child forked elsewhere while it was being written); it passes in moments.
        for attempt in 0..<3 {
            if attempt > 0 { usleep(20_000) }
            result = variables.map { posix_spawnp(&pid, words[0], &actions, &attributes, arguments, $0) }
                ?? posix_spawnp(&pid, words[0], &actions, &attributes, arguments, environ)
            if result != ETXTBSY { break }
        }
        guard result == 0 else { return false }
        let child = pid
        DispatchQueue.global(qos: .utility).async {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0, errno == EINTR {}
        }
        return true
    }
}
