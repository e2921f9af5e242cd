import ArgumentParser
import CoachCore
import CoachStore
import FoundationEssentials
import Glibc

/// `coach sync`: the home shared between machines through any git remote.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share your home with your other machines through a git remote.",
        discussion: """
            coach sync --init REMOTE makes the home a git repository and pushes it; on another machine the same command \
            merges its home with it. coach sync commits what changed here, merges what the other machines pushed \
            (record by record, with coach merge) and pushes. coach sync --status says what is ahead, behind or \
            conflicting. Undo a bad sync with git: git -C HOME log, git -C HOME revert COMMIT, then coach sync.
            """)

    @OptionGroup var home: HomeOption
    @Option(name: .customLong("init"), help: ArgumentHelp("Set up syncing with this git remote (a URL or a path).", valueName: "remote"))
    var remote: String?
    @Flag(help: "Say what is ahead, behind or conflicting, and how the last sync went.") var status = false
    @Flag(help: "Print nothing; wait for the home to be free (the background sync after the full-screen coach quits).")
    var quiet = false

    func validate() throws {
        if remote != nil, status { throw ValidationError("give --init REMOTE or --status, not both") }
    }

    func run() throws {
        let home = CoachHome.resolve(flag: self.home.home)
        if status { return try Self.printStatus(home) }
        let lock: HomeLock
        do {
            lock = try quiet ? Self.waitForLock(home) : storeErrors {
                try home.prepare()
                return try HomeLock.acquire(home)
            }
        } catch let failure as CoachFailure where failure.description.contains("full-screen") {
            throw CoachFailure("the full-screen coach is running with this home: sync from it (P), or quit it and run coach sync")
        }
        let sync = HomeSync(home: home, lock: lock, binary: Self.binary,
                            interactive: !quiet && isatty(STDIN_FILENO) == 1)
        do {
            let report = try withExtendedLifetime(lock) {
                // What a folder-sync tool left is merged in before anything is committed.
                if let line = try ConflictCopies.absorb(in: home), !quiet { warn("coach: \(line)") }
                if let remote { return try sync.initialize(remote: remote, driverOnPath: Self.binaryIsOnPath) }
                return try sync.sync()
            }
            SyncLog.record(report.line, in: home)
            if !quiet { print(report.line) }
        } catch {
            let line = Self.line(for: error)
            SyncLog.record("failed: \(line)", in: home)
            throw CoachFailure(line)
        }
    }

    static func line(for error: Error) -> String {
        if let error = error as? SyncError { return error.description }
        if let error = error as? StoreError { return error.description }
        return "\(error)"
    }

    static func printStatus(_ home: CoachHome) throws {
        // The fetch writes git's refs: only with the lock, and without it the counts are
        // those of the last fetch. (Taking the lock also finishes a change cut short.)
        let lock = try? HomeLock.acquire(home, wait: 1)
        let sync = HomeSync(home: home, lock: lock, binary: binary, interactive: false)
        do {
            let status = try withExtendedLifetime(lock) { try sync.status(fetching: lock != nil) }
            for line in status.lines { print(line) }
        } catch {
            throw CoachFailure(line(for: error))
        }
    }

    /// The background sync waits for the full-screen coach to let go of the home (it
    /// quits a moment after starting it), up to two minutes, then gives up until the
    /// next time.
    static func waitForLock(_ home: CoachHome) throws -> HomeLock {
        var waited = 0.0
        while true {
            do {
                return try storeErrors { try HomeLock.acquire(home) }
            } catch {
                guard waited < 120 else { throw error }
                usleep(250_000)
                waited += 0.25
            }
        }
    }

    /// This coach binary's path, for the merge driver.
    static let binary: String = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return CommandLine.arguments[0] }
        buffer[count] = 0
        return String(cString: buffer)
    }()

    /// True when `coach` on PATH is this binary: the driver in .git/config is then plain
    /// `coach`, found again on PATH when Coach is reinstalled or moved.
    static var binaryIsOnPath: Bool {
        let me = realPath(binary)
        let folders = (getenv("PATH").map { String(cString: $0) } ?? "").split(separator: ":")
        for folder in folders {
            let candidate = "\(folder)/coach"
            if access(candidate, X_OK) == 0 { return realPath(candidate) == me }
        }
        return false
    }

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
