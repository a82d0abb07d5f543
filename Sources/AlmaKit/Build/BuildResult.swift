/// What a build or check found and made.
public struct BuildResult: Sendable {
    public var diagnostics: Diagnostics
    /// The site's files; empty when the build stopped before rendering.
    public var files: [OutputFile]
    /// Published guide pages per language.
    public var pagesPerLanguage: [(language: String, count: Int)]

    public var succeeded: Bool { !diagnostics.hasErrors }
}
