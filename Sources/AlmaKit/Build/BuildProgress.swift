/// How far a build has gone, readable from another thread: the terminal
/// draws a progress bar from it while the build runs.
public final class BuildProgress: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var stage: String
        public var done: Int
        public var total: Int
    }

    private let state = Locked(Snapshot(stage: "reading", done: 0, total: 0))

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func begin(_ stage: String, total: Int) {
        state.withLock { $0 = Snapshot(stage: stage, done: 0, total: total) }
    }

    func advance() {
        state.withLock { $0.done += 1 }
    }
}
