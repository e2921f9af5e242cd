import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command repeatedly on this process's terminal and times each run from
/// spawn to exit. scripts/bench runs it inside `script` so the command gets a real
/// pseudo-terminal, while the wrapper's own fixed delays (util-linux `script` polls with
/// 10 ms timeouts) stay outside the measurement. Results go to a file, because stdout
/// is the terminal the command draws on.
struct SpawnBench {
    var runs: Int
    var warmup: Int
    var out: String
    var command: [String]

    init(options: Options) throws {
        runs = max(1, try options.int("runs", default: 20))
        warmup = try options.int("warmup", default: 3)
        out = try options.string("out")
        command = options.trailing
        guard !command.isEmpty else {
            throw BenchFailure("spawn needs -- COMMAND [arguments]")
        }
    }

    func run() throws {
        var wall: [UInt64] = []
        for step in 0..<(warmup + runs) {
            let elapsed = try once()
            if step >= warmup { wall.append(elapsed) }
        }
        let times = Stats(wall)
        let report = "median_ms=\(format(times.median / 1e6, 3)) min_ms=\(format(Double(times.sorted[0]) / 1e6, 3)) "
            + "max_ms=\(format(times.maximum / 1e6, 3)) runs=\(runs)\n"
        try Data(report.utf8).write(to: URL(fileURLWithPath: out))
    }

    /// One run's wall time in nanoseconds. (Not its peak memory: posix_spawn shares this
    /// process's memory until exec, so the child's ru_maxrss would include ours; the
    /// script measures memory with /usr/bin/time.)
    private func once() throws -> UInt64 {
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = now()
        // posix_spawnp: a bare name is looked up in PATH, like a shell would.
        let spawned = posix_spawnp(&pid, command[0], nil, nil, argv, environ)
        guard spawned == 0 else {
            throw BenchFailure("cannot start \(command[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw BenchFailure("waitpid failed: \(String(cString: strerror(errno)))") }
        }
        let elapsed = now() - start
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            throw BenchFailure("\(command.joined(separator: " ")) failed (wait status \(status))")
        }
        return elapsed
    }
}
