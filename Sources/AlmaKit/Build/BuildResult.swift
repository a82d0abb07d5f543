import AlmaKitCore

/// What a build or check found and made.
public struct BuildResult: Sendable {
    public var diagnostics: Diagnostics
    /// The published site's files, held in memory only when the build was
    /// asked to keep them (`SiteBuilder.check()`); a `build()` writes each
    /// file as it is made and keeps none.
    public var files: [OutputFile] = []
    /// Every file made for the published folder, with its size, sorted by path.
    public var publishedFiles: [PublishedFile] = []
    /// The generated servers' files, relative to the servers folder (`python/app.py`).
    public var serverFiles: [OutputFile] = []
    /// Files copied into the published folder as they are: images, downloads.
    public var copiedFiles: [CopiedFile] = []
    /// Published guide pages per language.
    public var pagesPerLanguage: [(language: String, count: Int)] = []

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// A file of the published site as a report names it.
public struct PublishedFile: Sendable, Equatable {
    /// Relative to the published folder.
    public var path: String
    public var byteCount: Int
}
