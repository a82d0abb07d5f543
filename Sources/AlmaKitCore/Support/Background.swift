import Dispatch

/// Work started on another thread at once, its result awaited where it is
/// needed: for a step that does not depend on the one running meanwhile.
package final class Background<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchGroup()
    /// Written once by the work, read only after `finished` says so.
    private var result: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        finished.enter()
        DispatchQueue.global().async { [self] in
            result = work()
            finished.leave()
        }
    }

    /// The work's result, waiting for it if it is still running.
    package var value: Value {
        finished.wait()
        return result!
    }
}
