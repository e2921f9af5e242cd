import Glibc

/// A variable of the process, read with `getenv`, one by name. Not ProcessInfo's
/// `environment`, which copies every variable into a new dictionary each time it is read,
/// nor a dictionary of our own: the first String-keyed dictionary a process makes costs
/// the runtime a search of every conformance in the binary (0.28 million instructions),
/// which `coach status` at a prompt would pay for three variables.
public enum ProcessEnvironment {
    public static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
