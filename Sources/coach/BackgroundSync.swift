import CoachCore
import CoachStore
import CoachTerminal
import FoundationEssentials
import Glibc

/// Auto-sync (`coach settings --auto-sync on`): the full-screen coach syncs at start on
/// its save thread, and after quit starts `coach sync --quiet` on its own (a session of
/// its own, no terminal, output to /dev/null), which waits for the home to be free and
/// logs its result in sync.log. Neither delays the first frame nor the exit; offline,
/// the changes stay committed here and go with the next sync.
enum BackgroundSync {
    /// The full-screen coach's sync: `coach sync` with the lock it holds.
    static func job(home: CoachHome, lock: HomeLock) -> TUI.SyncJob {
        { cancel in
            let sync = HomeSync(home: home, lock: lock, binary: SyncCommand.binary, interactive: false, cancel: cancel)
            guard sync.isRepository else {
                return TUI.SyncOutcome(line: "This home does not sync yet: set it up with coach sync --init REMOTE", changed: [])
            }
            do {
                let report = try withExtendedLifetime(lock) { try sync.sync() }
                SyncLog.record(report.line, in: home)
                return TUI.SyncOutcome(line: report.line.prefix(1).uppercased() + report.line.dropFirst(), changed: report.changedDocuments)
            } catch {
                let line = SyncCommand.line(for: error)
                SyncLog.record("failed: \(line)", in: home)
                return TUI.SyncOutcome(line: "Not synced: \(line)", changed: [])
            }
        }
    }

    /// True when auto-sync is on and the home syncs.
    static func isWanted(_ settings: Settings, home: CoachHome) -> Bool {
        var info = stat()
        return settings.autoSync && lstat(home.url.appendingPathComponent(".git").path, &info) == 0
    }

    /// Starts `coach sync --quiet --home HOME`, not waited for.
    static func startAfterQuit(home: CoachHome) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc's 0x80) with a clean signal mask: the shell's Ctrl-C
        // and the terminal closing do not reach it.
        posix_spawnattr_setflags(&attributes, Int16(0x80 | Int32(POSIX_SPAWN_SETSIGMASK)))
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        let arguments = [SyncCommand.binary, "sync", "--quiet", "--home", home.path]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        _ = posix_spawn(&pid, SyncCommand.binary, &actions, &attributes, argv, environ)
    }
}
