import Foundation

/// A tmux server of its own (own socket, no user config) running one command in a
/// window of a fixed size: the real binary in a real terminal.
final class Tmux {
    let socket = "coach-e2e-\(UUID().uuidString.prefix(8))"

    init(command: String, rows: Int = 30, cols: Int = 100) throws {
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(cols)", "-y", "\(rows)", "-s", "main", command])
        // Keep the pane after the program exits so its last screen can be read.
        try tmux(["set-option", "-t", "main", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        // Output goes to a file, not a pipe: the tmux server that the first call starts
        // inherits the descriptor and would keep a pipe open forever.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        process.waitUntilExit()
        return String(decoding: try Data(contentsOf: file), as: UTF8.self)
    }

    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Literal text, not key names.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", text])
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
