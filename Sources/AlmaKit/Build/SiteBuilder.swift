import AlmaKitCore
import AlmaKitSite
import Foundation

/// The build: a list of named steps over one build context (`BuildStep`).
///
///     load configuration -> read pages -> pair translations -> index pages and links
///     -> render guides (each page filled, scanned, written at once) -> fill templates
///     -> scan for secrets -> write
///
/// `check` runs every step but the last; `build` writes each page to a
/// staging folder as soon as it is made, and swaps it in at the end.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    /// Every step of `almakit check`, in order.
    static let checkSteps: [BuildStep] = [
        .loadConfiguration, .readPages, .pairTranslations, .indexSite,
        .renderGuides, .fillTemplates, .scanForSecrets,
    ]
    /// Every step of `almakit build`.
    static let buildSteps = checkSteps + [.write]

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs `steps` in order, until one stops the build.
    func run(_ steps: [BuildStep], output: SiteOutput) -> BuildContext {
        var build = BuildContext(options: options, output: output)
        options.cache?.beginBuild()
        for step in steps where !build.stopped {
            if let progress = options.progress {
                progress.step(step.stage) { step.body(&build) }
            } else {
                step.body(&build)
            }
        }
        return build
    }

    /// Runs every step but writing: what `almakit check` reports.
    /// - Parameter keepingFiles: hold the site's files in the result
    ///   (`almakit serve`, tests); otherwise only their paths and sizes.
    public func check(keepingFiles: Bool = true) -> BuildResult {
        run(Self.checkSteps, output: SiteOutput(keepingFiles ? .memory : .nowhere, folderName: outputFolderName, progress: options.progress)).result
    }

    /// Checks, then replaces the published folder and updates the servers
    /// when there is no error. Each page is written to a staging folder as
    /// soon as it is made; the staging folder takes the published folder's
    /// place only at the end, so a failed build leaves it as it was.
    public func build() -> BuildResult {
        let writer = OutputWriter(destination: options.outputDirectory, projectDirectory: options.projectDirectory)
        let servers = ServerWriter(destination: options.serversDirectory, projectDirectory: options.projectDirectory,
                                   outputDirectory: options.outputDirectory)
        let problems = [writer.destinationProblem(), servers.destinationProblem()].compactMap { $0 }
        guard problems.isEmpty else { return BuildResult(diagnostics: Diagnostics(problems)) }
        switch writer.stage() {
        case .failure(let failure):
            return BuildResult(diagnostics: Diagnostics([failure.diagnostic]))
        case .success(let staging):
            let build = run(Self.buildSteps, output: SiteOutput(.staging(staging), folderName: outputFolderName, progress: options.progress))
            // A build stopped early (no configuration) never reached `write`.
            if build.stopped { staging.discard() }
            return build.result
        }
    }

    /// How messages name the published folder.
    private var outputFolderName: String { options.displayPath(options.outputDirectory) }

    /// Every translation against its source: what `almakit translations` lists.
    public func translationStatus() -> (status: TranslationStatus?, diagnostics: Diagnostics) {
        let build = run([.loadConfiguration, .readPages, .pairTranslations], output: SiteOutput(.nowhere, folderName: outputFolderName, progress: nil))
        let found = build.findings
        // The status is the answer itself, not a problem to list besides it.
        return (build.translations.map(TranslationStatus.init), Diagnostics(found.configuration + found.reading + found.structure))
    }

    /// The full server of one language, as `server/<lang>/` would hold it.
    /// - Returns: the code, or nil with the diagnostics that prevented it.
    public func serverCode(for language: ServerLanguage) -> (code: String?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let (config, _) = ConfigurationFile(options: options).load(into: &diagnostics) else { return (nil, diagnostics) }
        let templates = TemplateSet.load(projectDirectory: options.projectDirectory, into: &diagnostics)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let servers = ServerCode(config: config, templates: templates, siteFolder: options.siteFolderFromServers)
        return (servers.mainFile(of: language), diagnostics)
    }
}
