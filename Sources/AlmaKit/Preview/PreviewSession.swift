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
        /// The files the last build rendered again on top of the one before,
        /// when an edit touched guides' text alone; nil after a full build.
        public var updatedFiles: [String]? = nil
    }

    private let builder: SiteBuilder
    private let state = Locked(State())
    /// What the last build made, stage by stage: an edit to a guide's text
    /// renders that guide again on top of it.
    private let last = Locked<BuildSnapshot?>(nil)

    public init(options: BuildOptions) {
        var options = options
        // Pages that did not change are not parsed or rendered again.
        options.cache = options.cache ?? RenderCache()
        builder = SiteBuilder(options: options)
    }

    public var current: State { state.withLock { $0 } }

    /// Builds again; returns the new state.
    /// - Parameter edited: the files changed since the last build, when
    ///   known; nil builds the whole site.
    @discardableResult
    public func rebuild(edited: [URL]? = nil) -> State {
        let started = Date()
        let result: BuildResult
        var updatedFiles: [String]? = nil
        switch builder.snapshot(after: last.withLock { $0 }, edited: edited) {
        case .stopped(let stopped):
            last.withLock { $0 = nil }
            result = stopped
        case .finished(let snapshot):
            last.withLock { $0 = snapshot }
            result = snapshot.result
            updatedFiles = snapshot.updatedFiles
        }
        let seconds = Date().timeIntervalSince(started)
        return state.withLock { state in
            if result.succeeded {
                state.files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) })
                state.copies = Dictionary(result.copiedFiles.map { ($0.path, $0.source) }, uniquingKeysWith: { first, _ in first })
            }
            state.diagnostics = result.diagnostics
            state.generation += 1
            state.lastBuildSeconds = seconds
            state.updatedFiles = updatedFiles
            return state
        }
    }
}
