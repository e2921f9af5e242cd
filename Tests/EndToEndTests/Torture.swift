import Foundation

/// How hard the reliability loops push: a small count in CI, the full count when
/// COACH_TORTURE=1 (scripts/torture), so the figures in the README can be re-measured.
enum Torture {
    static let isFull = ProcessInfo.processInfo.environment["COACH_TORTURE"] == "1"

    static func count(ci: Int, full: Int) -> Int { isFull ? full : ci }

    /// A `coach` process started with the given home, not yet waited for.
    final class Started {
        let process = Process()
        private let out = Pipe(), err = Pipe()

        init(_ arguments: [String], home: URL) throws {
            process.executableURL = CoachBinary.url
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["COACH_HOME"] = home.path
            environment.removeValue(forKey: "COACH_DATA")
            process.environment = environment
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
            try process.run()
        }

        /// Waits for the end; the exit status and what it said on stderr.
        func finish() -> (status: Int32, killed: Bool, stderr: String) {
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            _ = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, process.terminationReason == .uncaughtSignal,
                    String(decoding: errData, as: UTF8.self))
        }
    }

    /// The figure line scripts/torture collects: "torture: NAME tried N passed M".
    static func report(_ name: String, tried: Int, passed: Int, extra: String = "") {
        Swift.print("torture: \(name) tried \(tried) passed \(passed)\(extra.isEmpty ? "" : " " + extra)")
    }
}
