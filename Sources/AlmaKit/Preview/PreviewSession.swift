import Foundation

/// The site as `almakit serve` shows it: built in memory (never written to
/// `dist/`), rebuilt when an input changes, and kept at the last good build
/// when a change breaks it, with the problems to show.
public final class PreviewSession: Sendable {
    public struct State: Sendable {
        /// Path inside the site -> contents, from the last good build.
        public var files: [String: String] = [:]
        /// What the last build found; errors mean `files` are older than the inputs.
        public var diagnostics = Diagnostics()
        /// Goes up by one with every build, good or not: what reload events follow.
        public var generation = 0
        public var lastBuildSeconds = 0.0
    }

    private let builder: SiteBuilder
    private let state = Locked(State())

    public init(options: BuildOptions) {
        var options = options
        // Pages that did not change are not parsed or rendered again.
        options.cache = options.cache ?? RenderCache()
        builder = SiteBuilder(options: options)
    }

    public var current: State { state.withLock { $0 } }

    /// Builds again; returns the new state.
    @discardableResult
    public func rebuild() -> State {
        let started = Date()
        let result = builder.check()
        let seconds = Date().timeIntervalSince(started)
        return state.withLock { state in
            if result.succeeded {
                state.files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) })
            }
            state.diagnostics = result.diagnostics
            state.generation += 1
            state.lastBuildSeconds = seconds
            return state
        }
    }
}
