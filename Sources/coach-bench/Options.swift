import Foundation

/// The `--name value` options of a coach-bench subcommand, read by hand so the bench
/// needs nothing beyond the app's own modules.
struct Options {
    private var values: [String: String] = [:]
    /// Whatever follows `--`: a command to run.
    private(set) var trailing: [String] = []

    init(_ arguments: ArraySlice<String>) throws {
        var rest = arguments[...]
        while let name = rest.popFirst() {
            if name == "--" {
                trailing = Array(rest)
                break
            }
            guard name.hasPrefix("--"), name.count > 2 else {
                throw BenchFailure("unexpected argument \"\(name)\" (options are --name value)")
            }
            guard let value = rest.popFirst() else { throw BenchFailure("\(name) needs a value") }
            values[String(name.dropFirst(2))] = value
        }
    }

    func string(_ name: String) throws -> String {
        guard let value = values[name], !value.isEmpty else { throw BenchFailure("missing --\(name) DIR") }
        return value
    }

    /// The value of an option that may be left out.
    func optionalString(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A whole number, or nil when the option is left out.
    func optionalInt(_ name: String) throws -> Int? {
        values[name] == nil ? nil : try int(name, default: 0)
    }

    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let raw = values[name] else { return fallback }
        guard let value = Int(raw), value >= 0 else { throw BenchFailure("--\(name) expects a whole number, got \"\(raw)\"") }
        return value
    }

    func double(_ name: String, default fallback: Double) throws -> Double {
        guard let raw = values[name] else { return fallback }
        guard let value = Double(raw), value.isFinite, value >= 0 else {
            throw BenchFailure("--\(name) expects a number, got \"\(raw)\"")
        }
        return value
    }
}

/// A one-line reason for a non-zero exit.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
