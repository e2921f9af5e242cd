/// What a one-shot command reads whole and uses until it exits, left for the system to
/// take back with the rest of the process: freeing 10,000 ideas one string and one array
/// at a time was about 7% of `coach idea list`'s instructions (callgrind), work the
/// exit does in one step.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        values.append(value)
    }
}
