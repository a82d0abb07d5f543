import Foundation

/// A value shared between threads behind a lock. It uses NSLock, a pthread
/// mutex, rather than Synchronization's Mutex: ThreadSanitizer understands
/// pthread locks, and on Linux it reports races on everything a futex-based
/// Mutex protects.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
