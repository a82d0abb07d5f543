import Dispatch
import Foundation

/// `map` spread over every core, results in input order, so that a parallel
/// build writes exactly what a sequential one does. libcmark is thread-safe
/// per document, and everything mapped here works on values.
package enum Parallel {
    /// - Parameter progress: advanced once per item done.
    package static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], parallel: Bool = true, progress: (any ProgressReporting)? = nil, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        guard parallel, inputs.count > 1 else {
            return inputs.map { input in
                defer { progress?.advance() }
                return transform(input)
            }
        }
        let results = ResultSlots<Output>(count: inputs.count)
        // A few items per task: one per item costs more in scheduling than it
        // saves, and large tasks leave one core finishing the last alone
        // (a build's 2,000 pages in tasks of 31 left one core idle for the
        // last 10 to 20 ms; in tasks of 7, scheduling is still a microsecond
        // per page that takes half a millisecond).
        let chunk = max(1, inputs.count / (ProcessInfo.processInfo.activeProcessorCount * 128))
        let chunks = (inputs.count + chunk - 1) / chunk
        inputs.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { part in
                for index in part * chunk..<min(inputs.count, (part + 1) * chunk) {
                    results.store(transform(buffer[index]), at: index)
                    progress?.advance()
                }
            }
        }
        return results.values
    }
}

/// One slot per result, each written by exactly one task, read after all
/// finish. Raw memory, because concurrent writes to a Swift array, even to
/// different elements, are exclusive accesses to the whole array.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        slots[index] = value
    }

    var values: [Value] { (0..<count).map { slots[$0]! } }
}
