import Foundation

/// The `coach` binary that `swift test` built next to the test runner, and ways to run it.
enum CoachBinary {
    /// `COACH_TEST_BINARY` names another build to test (scripts/test runs the signal and
    /// hang-up tests against the release build too); otherwise the one next to the runner.
    static let url: URL = {
        if let other = ProcessInfo.processInfo.environment["COACH_TEST_BINARY"], !other.isEmpty {
            return URL(fileURLWithPath: other)
        }
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = runner.deletingLastPathComponent()
        // The runner may sit inside a bundle folder (…/CoachPackageTests.xctest).
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("coach")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return runner.deletingLastPathComponent().appendingPathComponent("coach")
    }()

    /// Where `coach status` keeps its figures during the tests: never the tester's own
    /// ~/.cache.
    static let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("coach-e2e-cache-\(getpid())")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `coach ARGS` to completion with the given home; stdin is /dev/null.
    static func run(_ arguments: [String], home: URL, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["COACH_HOME"] = home.path
        environment.removeValue(forKey: "COACH_DATA")
        environment["XDG_CACHE_HOME"] = cacheFolder.path
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh, empty home folder that removes itself.
final class TemporaryHome {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("coach-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var progressFile: URL { url.appendingPathComponent("progress.json") }

    /// The status of each item in progress.json, read without the app's code.
    func statuses() throws -> [String: String] {
        let data = try Data(contentsOf: progressFile)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let items = object?["items"] as? [String: [String: Any]] ?? [:]
        return items.compactMapValues { $0["status"] as? String }
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
