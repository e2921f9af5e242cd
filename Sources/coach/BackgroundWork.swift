import Dispatch

/// Work started on another thread now and collected later, so two files load on the
/// machine's two cores at once.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.outcome = Result { try work() }
            self.done.signal()
        }
    }

    /// Waits for the work and returns its value, or throws its error.
    func result() throws -> Value {
        done.wait()
        done.signal()
        return try outcome!.get()
    }
}
