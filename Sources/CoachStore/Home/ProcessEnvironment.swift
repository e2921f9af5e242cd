import Glibc

/// The variables asked for, read with `getenv`: ProcessInfo's `environment` copies every
/// variable into a new dictionary each time it is read, which the start of `coach` and
/// `coach status` paid several times over.
public enum ProcessEnvironment {
    public static func values(_ names: String...) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
