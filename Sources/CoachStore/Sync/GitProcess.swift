import CoachCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Runs `git` as a child process: arguments as an array (never through a shell), its
/// output and errors captured, in the home's repository and no other (`--git-dir` and
/// `--work-tree` are always given, so a repository around the home is never touched).
///
/// Every git started while a command holds the home's lock inherits the locked folder
/// (as descriptor 9): a coach killed half-way leaves the lock held until its git has
/// finished, so the next `coach sync` never runs beside a git of the one before.
/// Files git makes are private (umask 077), whatever the learner's umask.
public final class GitProcess: @unchecked Sendable {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String

        public var text: String { String(decoding: stdout, as: UTF8.self) }
        /// The first line of stdout, without its line break.
        public var line: String { String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "") }
    }

    let home: CoachHome
    /// The lock whose folder the children inherit; nil when none is held (`--status`).
    let lock: HomeLock?
    /// Where git is: `git` from PATH unless COACH_GIT names another (for tests).
    let executable: String
    /// When false, git may not ask on the terminal (a password, a passphrase): the
    /// full-screen coach and background syncs run it in a session of its own.
    let interactive: Bool
    /// Settings given to every git run (`-c name=value`).
    var settings: [String] = []
    private let cancel: SyncCancel?

    public init(home: CoachHome, lock: HomeLock?, interactive: Bool, cancel: SyncCancel? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.home = home
        self.lock = lock
        self.interactive = interactive
        self.cancel = cancel
        self.executable = environment["COACH_GIT"].flatMap { $0.isEmpty ? nil : $0 } ?? "git"
    }

    /// Runs `git ARGS` in the home and waits for it. Throws `SyncError.noGit` when git
    /// cannot be started, `.cancelled` when the sync was cancelled.
    @discardableResult
    public func run(_ arguments: [String], input: [UInt8]? = nil) throws -> Output {
        let gitDir = home.url.appendingPathComponent(".git").path
        // -C too: git reads .gitattributes (which files `coach merge` merges) from the
        // folder it runs in, whatever --work-tree says.
        let full = ["-C", home.path, "--git-dir=\(gitDir)", "--work-tree=\(home.path)"] + settings.flatMap { ["-c", $0] } + arguments
        return try runPlain(full, input: input)
    }

    /// Runs git with exactly these arguments (for `git init`, before there is a repository).
    func runPlain(_ arguments: [String], input: [UInt8]? = nil) throws -> Output {
        if cancel?.isCancelled == true { throw SyncError.cancelled }
        var environment = ProcessInfo.processInfo.environment
        // Git's messages in English, so a failure can be recognised; its own words are
        // passed through to the learner as they are.
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = nil
        if !interactive { environment["GIT_TERMINAL_PROMPT"] = "0" }
        environment["GIT_EDITOR"] = "true"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        return try Self.spawn(executable, arguments: [executable] + arguments, environment: environment,
                              lockFolder: lock?.folder, newSession: !interactive,
                              input: input, cancel: cancel)
    }

    /// posix_spawn with pipes for stdin, stdout and stderr; both outputs are read
    /// together (poll), so a child that writes much to either never blocks.
    static func spawn(_ executable: String, arguments: [String], environment: [String: String],
                      lockFolder: Int32?, newSession: Bool, input: [UInt8]?, cancel: SyncCancel?) throws -> Output {
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw SyncError.failed("cannot start git: \(String(cString: strerror(errno)))")
        }
        // Only the child's 0, 1 and 2 are these pipes: a second git started meanwhile
        // (the full-screen coach) must not hold them open.
        for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var inherited: Int32 = -1
        if let lockFolder { inherited = fcntl(lockFolder, F_DUPFD_CLOEXEC, 10) }
        defer { if inherited >= 0 { close(inherited) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if inherited >= 0 { posix_spawn_file_actions_adddup2(&actions, inherited, 9) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        // POSIX_SPAWN_SETSID (glibc's 0x80, not imported): no controlling terminal, so
        // nothing git starts can ask on it.
        if newSession { flags |= 0x80 }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        // Git's files (objects, the index, its config) private to the learner.
        let oldMask = umask(0o077)
        var pid: pid_t = 0
        let started = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        umask(oldMask)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard started == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            if started == ENOENT || started == EACCES { throw SyncError.noGit }
            throw SyncError.failed("cannot start git: \(String(cString: strerror(started)))")
        }
        cancel?.started(pid)
        defer { cancel?.finished(pid) }

        if let input {
            // Small inputs only (a commit message): written before reading.
            input.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = write(inPipe[1], raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 { if errno == EINTR { continue }; break }
                    offset += written
                }
            }
        }
        close(inPipe[1])

        var out: [UInt8] = [], err: [UInt8] = []
        var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
                   pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 65536)
        var open = 2
        while open > 0 {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 { if errno == EINTR { continue }; break }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = read(fds[index].fd, &chunk, chunk.count)
                if count > 0 {
                    if index == 0 { out += chunk[0..<count] } else if err.count < 1 << 20 { err += chunk[0..<count] }
                } else if count == 0 || errno != EINTR {
                    close(fds[index].fd)
                    fds[index].fd = -1
                    open -= 1
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if cancel?.isCancelled == true { throw SyncError.cancelled }
        // Exited: its code; killed by a signal: 128 + the signal, as a shell says it.
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: code, stdout: out, stderr: String(decoding: err, as: UTF8.self))
    }
}

/// Stops a sync under way (the full-screen coach quitting): the git running now is
/// ended and the sync stops before its next step. Every step can be cut short: the
/// next sync starts from what is on disk.
public final class SyncCancel: @unchecked Sendable {
    private let mutex = Lock()
    private var cancelled = false
    private var running: Set<pid_t> = []

    public init() {}

    public var isCancelled: Bool { mutex.withLock { cancelled } }

    public func cancel() {
        let children = mutex.withLock { () -> Set<pid_t> in
            cancelled = true
            return running
        }
        for child in children { kill(child, SIGTERM) }
    }

    func started(_ pid: pid_t) {
        let stop = mutex.withLock { () -> Bool in
            running.insert(pid)
            return cancelled
        }
        if stop { kill(pid, SIGTERM) }
    }

    func finished(_ pid: pid_t) {
        _ = mutex.withLock { running.remove(pid) }
    }
}
