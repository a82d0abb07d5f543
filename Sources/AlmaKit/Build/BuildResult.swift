/// What a build or check found and made.
public struct BuildResult: Sendable {
    public var diagnostics: Diagnostics
    /// The published site's files; empty when the build stopped before rendering.
    public var files: [OutputFile]
    /// The generated servers' files, relative to the servers folder (`python/app.py`).
    public var serverFiles: [OutputFile] = []
    /// Files copied into the published folder as they are: images, downloads.
    public var copiedFiles: [CopiedFile] = []
    /// Published guide pages per language.
    public var pagesPerLanguage: [(language: String, count: Int)]

    public var succeeded: Bool { !diagnostics.hasErrors }
}
