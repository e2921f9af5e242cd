import Foundation

/// A tmux server of its own (own socket, no user config) running one command in a
/// window of a fixed size: the real binary in a real terminal.
final class Tmux {
    let socket = "coach-e2e-\(UUID().uuidString.prefix(8))"

    /// `command` runs with the tests' own cache folder (`CoachBinary.cacheFolder`), so the
    /// frames and figures Coach keeps never land in the tester's ~/.cache.
    init(command: String, rows: Int = 30, cols: Int = 100) throws {
        try tmux(["-f", "/dev/null", "new-session", "-d", "-e", "XDG_CACHE_HOME=\(CoachBinary.cacheFolder.path)",
                  "-x", "\(cols)", "-y", "\(rows)", "-s", "main", command])
        // Keep the pane after the program exits so its last screen can be read.
        try tmux(["set-option", "-t", "main", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try spawnAndWait(["tmux", "-L", socket] + arguments)
    }

    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Text pasted as a terminal pastes it: with bracketed paste on (the program asked
    /// for it), wrapped in ESC[200~ … ESC[201~.
    func paste(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("coach-paste-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try tmux(["load-buffer", "-b", "paste", file.path])
        try tmux(["paste-buffer", "-p", "-d", "-b", "paste", "-t", "main"])
    }

    /// Literal text, not key names.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", text])
    }

    /// A left click at a 0-based cell, as a terminal reports it to a program that asked
    /// for the mouse (X10 encoding: ESC [ M, then button, column and row, each + 32).
    func click(row: Int, col: Int) throws {
        try type(Self.mouse(button: 0, row: row, col: col) + Self.mouse(button: 3, row: row, col: col))
    }

    /// One notch of the wheel, down or up.
    func wheel(down: Bool, row: Int = 5, col: Int = 5) throws {
        try type(Self.mouse(button: down ? 65 : 64, row: row, col: col))
    }

    private static func mouse(button: Int, row: Int, col: Int) -> String {
        "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + col)))
            + String(UnicodeScalar(UInt8(33 + row)))
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"])
    }

    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(rows: Int, cols: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(cols)", "-y", "\(rows)"])
    }

    /// Polls the screen until `predicate` holds, rather than sleeping a fixed time.
    @discardableResult
    func waitFor(timeout: TimeInterval = 15, _ what: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxTimeout(waitingFor: what, screen: last)
    }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try waitFor(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Coach opens on Today; most journeys start on the Tracks screen. Waits for the
    /// key bar, the last row curses paints, so the whole frame is there.
    @discardableResult
    func openTracks() throws -> String {
        try waitFor("Coach · Today")
        try send("2")
        return try waitFor("the Tracks screen") { $0.contains("AI Product") && $0.contains("→/Enter items") }
    }

    /// True once the program in the pane has exited.
    var paneDead: Bool {
        (try? value("#{pane_dead}")) == "1"
    }

    func waitForExit(timeout: TimeInterval = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if paneDead { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxTimeout(waitingFor: "the program to exit", screen: (try? screen()) ?? "")
    }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    var waitingFor: String
    var screen: String
    var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
}

/// Quotes a word for the shell command tmux runs.
func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Runs a command to completion and returns its standard output. posix_spawn and
/// waitpid rather than Foundation's Process: the tmux client forks the server, and
/// Process then sometimes never notices that the client itself has exited. Output goes
/// to a file, not a pipe, because the server inherits the descriptor and keeps it open.
func spawnAndWait(_ arguments: [String]) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("coach-e2e-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    // The test runner's threads block some signals; tmux and coach must start with
    // none blocked and default handlers, as from a shell, or resizes never arrive.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw SpawnFailure(command: arguments.joined(separator: " "), code: spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
}

struct SpawnFailure: Error, CustomStringConvertible {
    var command: String
    var code: Int32
    var description: String { "cannot run \(command): \(String(cString: strerror(code)))" }
}
