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
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // A few items per task: one per item costs more in scheduling than it
        // saves, and large tasks leave one core finishing the last alone
        // (a build's 2,000 pages in tasks of 31 left one core idle for the
        // last 10 to 20 ms; in tasks of 7, scheduling is still a microsecond
        // per page that takes half a millisecond).
        let chunk = max(1, inputs.count / (cores * 128))
        let chunks = (inputs.count + chunk - 1) / chunk
        let order = interleavedOrder(chunks: chunks, regions: cores)
        inputs.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { iteration in
                let part = order[iteration]
                for index in part * chunk..<min(inputs.count, (part + 1) * chunk) {
                    results.store(transform(buffer[index]), at: index)
                    progress?.advance()
                }
            }
        }
        return results.takeValues()
    }

    /// The chunks in the order tasks take them: one from each of `regions`
    /// equal parts of the input in turn, so that the tasks running at the
    /// same moment work on items far apart. A build's pages come folder by
    /// folder, and two cores creating files in the same folder queue on its
    /// lock.
    static func interleavedOrder(chunks: Int, regions: Int) -> [Int] {
        let perRegion = (chunks + regions - 1) / regions
        var order: [Int] = []
        order.reserveCapacity(chunks)
        for step in 0..<perRegion {
            for region in 0..<regions where region * perRegion + step < chunks {
                order.append(region * perRegion + step)
            }
        }
        return order
    }
}

/// One slot per result, each written by exactly one task, read after all
/// finish. Raw memory, because concurrent writes to a Swift array, even to
/// different elements, are exclusive accesses to the whole array.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int
    /// Whether `takeValues()` moved the results out, leaving the slots uninitialized.
    private var taken = false

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        if !taken { slots.deinitialize(count: count) }
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        slots[index] = value
    }

    /// The results, moved out rather than copied: a copy of each would cost
    /// a retain now and a release when the slots go, on one core, for
    /// every page of the build.
    func takeValues() -> [Value] {
        precondition(!taken, "the results were already taken")
        taken = true
        return (0..<count).map { (slots + $0).move()! }
    }
}
