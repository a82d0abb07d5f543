import AlmaKitCore

/// How far a build has gone, readable from another thread: the terminal
/// draws a progress bar from it while the build runs, and `build --verbose`
/// prints how long each stage took.
public final class BuildProgress: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var stage: BuildStage
        public var done: Int
        public var total: Int
    }

    private let state = Locked(Snapshot(stage: .loadConfiguration, done: 0, total: 0))
    /// Wall-clock seconds of each step, by the stage it runs.
    private let stepSeconds = Locked<[BuildStage: Double]>([:])
    /// Seconds spent on each page's share of a stage, summed over the cores.
    private let pageSeconds = Locked<[BuildStage: Double]>([:])

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    /// Each step that ran, in order, with its wall-clock seconds.
    public var stepTimes: [(stage: BuildStage, seconds: Double)] {
        let seconds = stepSeconds.withLock { $0 }
        return BuildStage.allCases.compactMap { stage in seconds[stage].map { (stage, $0) } }
    }

    /// The work done page by page, on every core at once: seconds per stage,
    /// summed over the cores, so they may add up to more than the step's wall time.
    public var perPageTimes: [(stage: BuildStage, seconds: Double)] {
        let seconds = pageSeconds.withLock { $0 }
        return BuildStage.allCases.compactMap { stage in seconds[stage].map { (stage, $0) } }
    }

    /// Runs one step of the pipeline, shown and timed as `stage`.
    func step<Result>(_ stage: BuildStage, _ body: () -> Result) -> Result {
        state.withLock { $0 = Snapshot(stage: stage, done: 0, total: 0) }
        let started = ContinuousClock.now
        defer { add(started.duration(to: .now), to: stage, in: stepSeconds) }
        return body()
    }

    /// How many items the current step has to go through, for the bar.
    func expect(_ total: Int) {
        state.withLock { $0.total = total }
    }

    /// One page's share of `stage`, on whichever core renders the page.
    func measure<Result>(_ stage: BuildStage, _ body: () throws -> Result) rethrows -> Result {
        let started = ContinuousClock.now
        defer { add(started.duration(to: .now), to: stage, in: pageSeconds) }
        return try body()
    }

    package func advance() {
        state.withLock { $0.done += 1 }
    }

    private func add(_ duration: Duration, to stage: BuildStage, in table: Locked<[BuildStage: Double]>) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        table.withLock { $0[stage, default: 0] += seconds }
    }
}

extension BuildProgress: ProgressReporting {}

extension BuildProgress? {
    /// `body`, timed as one page's share of `stage` when a display asked for progress.
    func measure<Result>(_ stage: BuildStage, _ body: () -> Result) -> Result {
        guard let self else { return body() }
        return self.measure(stage, body)
    }
}
