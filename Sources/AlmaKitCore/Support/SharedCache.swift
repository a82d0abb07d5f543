/// A value per key, computed once and shared between threads. Two threads
/// asking for a missing key may both compute it; both get an equal value.
package final class SharedCache<Value: Sendable>: Sendable {
    private let values = Locked<[String: Value]>([:])

    package init() {}

    package func value(for key: String, compute: () -> Value) -> Value {
        if let cached = values.withLock({ $0[key] }) { return cached }
        let value = compute()
        values.withLock { $0[key] = value }
        return value
    }
}
