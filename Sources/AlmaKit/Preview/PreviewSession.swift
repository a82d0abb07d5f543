import AlmaKitCore
import Foundation

/// The site as `almakit serve` shows it: built in memory (never written to
/// `dist/`), rebuilt when an input changes, and kept at the last good build
/// when a change breaks it, with the problems to show.
public final class PreviewSession: Sendable {
    public struct State: Sendable {
        /// Path inside the site -> contents, from the last good build.
        public var files: [String: String] = [:]
        /// Path inside the site -> the project file copied there (an image), read when asked for.
        public var copies: [String: URL] = [:]
        /// What the last build found; errors mean `files` are older than the inputs.
        public var diagnostics = Diagnostics()
        /// Goes up by one with every build, good or not: what reload events follow.
        public var generation = 0
        public var lastBuildSeconds = 0.0
        /// The files whose contents the last good build changed, added or
        /// removed; nil after the first build.
        public var updatedFiles: [String]? = nil
    }

    private let builder: SiteBuilder
    private let state = Locked(State())

    public init(options: BuildOptions) {
        var options = options
        // Pages that did not change are not read, parsed or rendered again.
        options.cache = options.cache ?? RenderCache()
        builder = SiteBuilder(options: options)
    }

    public var current: State { state.withLock { $0 } }

    /// Builds again, running the same steps as `almakit build` but the last;
    /// the cache makes each step redo only what an edit changed. Returns the
    /// new state.
    @discardableResult
    public func rebuild() -> State {
        let started = Date()
        let result = builder.check()
        let seconds = Date().timeIntervalSince(started)
        return state.withLock { state in
            if result.succeeded {
                let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) })
                state.updatedFiles = state.generation == 0 ? nil
                    : Set(files.keys).union(state.files.keys).filter { files[$0] != state.files[$0] }.sorted()
                state.files = files
                state.copies = Dictionary(result.copiedFiles.map { ($0.path, $0.source) }, uniquingKeysWith: { first, _ in first })
            }
            state.diagnostics = result.diagnostics
            state.generation += 1
            state.lastBuildSeconds = seconds
            return state
        }
    }
}
