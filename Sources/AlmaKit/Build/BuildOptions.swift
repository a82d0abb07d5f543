import AlmaKitCore
import Foundation

/// Where a build reads and writes.
public struct BuildOptions: Sendable {
    public var projectDirectory: URL
    public var configFile: URL
    public var outputDirectory: URL
    /// Where the generated servers go: outside the published folder, so a
    /// static host never serves their code, and kept across builds, so what
    /// a merchant installs beside them stays.
    public var serversDirectory: URL
    /// Warnings (stale or missing translations) fail the run, as CI wants.
    public var strict = false
    /// Render on every core. Off only to prove the output does not depend on it.
    public var parallel = true
    /// Updated as the build goes, for a progress display.
    public var progress: BuildProgress?
    /// Reuse across builds of one process (`almakit serve`).
    public var cache: RenderCache?

    /// Whether pages keep their text from reading to rendering. A cache keeps
    /// it for the next edit anyway; a one-off build drops it once the front
    /// matter is read and reads the file again when it renders the page
    /// (`PageBodies`), so that its memory does not grow with the site.
    var keepsPageText: Bool { cache != nil }

    /// How much page text a build that drops it keeps all the same, in UTF-8
    /// bytes: reading every page a second time cost about 2% of the build's
    /// CPU and a system call or three per page. 2 x 1,000 pages (26 MB of
    /// Markdown) are all kept, for a peak of 84 MB instead of 57; 2 x 5,000
    /// pages keep a quarter and stay under their 200 MB.
    var keptPageTextBytes: Int { 32_000_000 }

    /// - Parameters:
    ///   - projectDirectory: the site project.
    ///   - configFile: defaults to `almakit.yml` in the project.
    ///   - outputDirectory: the published folder; defaults to `dist` in the project.
    ///   - serversDirectory: defaults to `server` in the project.
    public init(projectDirectory: URL, configFile: URL? = nil, outputDirectory: URL? = nil, serversDirectory: URL? = nil) {
        self.projectDirectory = projectDirectory
        self.configFile = configFile ?? projectDirectory.appending(path: "almakit.yml")
        self.outputDirectory = outputDirectory ?? projectDirectory.appending(path: "dist")
        self.serversDirectory = serversDirectory ?? projectDirectory.appending(path: "server")
    }

    /// `path` as shown in messages: relative to the project when inside it.
    func displayPath(_ url: URL) -> String {
        let base = projectDirectory.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// The published folder as a server sees it from its own folder
    /// (`server/<lang>/`): what each server serves unless `STATIC_DIR` says
    /// otherwise. Every server sits one level down, so it is the same for each.
    var siteFolderFromServers: String {
        FilePaths.relative(from: serversDirectory.appending(path: ServerLanguage.python.rawValue), to: outputDirectory)
    }
}
