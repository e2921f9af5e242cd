/// One value handed from a background thread to the run loop, which takes it when it
/// looks (the result of the sync on the save thread).
public final class Mailbox<Value: Sendable>: @unchecked Sendable {
    private let mutex = Lock()
    private var value: Value?

    public init() {}

    public func put(_ value: Value) { mutex.withLock { self.value = value } }

    /// The value put there, once; nil when there is none (yet).
    public func take() -> Value? {
        mutex.withLock {
            defer { value = nil }
            return value
        }
    }
}
