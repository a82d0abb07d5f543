/// How far a build has gone, readable from another thread: the terminal
/// draws a progress bar from it while the build runs.
public final class BuildProgress: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var stage: String
        public var done: Int
        public var total: Int
    }

    private let state = Locked(Snapshot(stage: "reading", done: 0, total: 0))
    /// Each finished stage and how long it took: what `build --verbose` prints.
    private let timings = Locked<(stages: [(name: String, seconds: Double)], started: ContinuousClock.Instant)>(([], .now))

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    /// The stages finished so far, in order, with their wall-clock seconds.
    public var stageTimes: [(name: String, seconds: Double)] { timings.withLock { $0.stages } }

    func begin(_ stage: String, total: Int = 0) {
        let previous = state.withLock { state in
            defer { state = Snapshot(stage: stage, done: 0, total: total) }
            return state.stage
        }
        finishStage(previous)
    }

    /// Ends the last stage.
    func finish() {
        finishStage(snapshot.stage)
    }

    private func finishStage(_ name: String) {
        timings.withLock { timings in
            let now = ContinuousClock.now
            let elapsed = timings.started.duration(to: now)
            timings.stages.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            timings.started = now
        }
    }

    func advance() {
        state.withLock { $0.done += 1 }
    }
}
