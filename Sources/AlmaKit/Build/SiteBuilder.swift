import Foundation

/// The build pipeline. Each step is one type with one job:
/// load config -> validate -> load content -> render Markdown
/// -> render templates -> scan for secrets -> emit files.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs every step but writing: what `almakit check` reports.
    public func check() -> BuildResult {
        switch snapshot() {
        case .stopped(let result): result
        case .finished(let snapshot): snapshot.result
        }
    }

    /// How far a check went.
    enum Outcome {
        /// The configuration did not load: nothing else could be checked.
        case stopped(BuildResult)
        case finished(BuildSnapshot)
    }

    /// Every step but writing, with what each step made.
    func snapshot() -> Outcome {
        var findings = BuildSnapshot.Findings()
        var configuration = Diagnostics()
        guard let (config, configText) = loadConfigAndText(into: &configuration) else {
            return .stopped(BuildResult(diagnostics: configuration, files: [], pagesPerLanguage: []))
        }
        findings.configuration = configuration.all
        findings.strict = options.strict

        let project = options.projectDirectory
        let languages = config.site.languages
        // Strings and templates do not depend on the pages: they are read
        // and parsed while the pages are, instead of after.
        let stringsAndTemplates = Background { () -> (StringsCatalogue, TemplateSet, Diagnostics) in
            var found = Diagnostics()
            let strings = StringsCatalogue.load(projectDirectory: project, languages: languages, into: &found)
            let templates = TemplateSet.load(projectDirectory: project, into: &found)
            return (strings, templates, found)
        }
        var loader = ContentLoader(projectDirectory: project)
        loader.cache = options.cache
        var reading = Diagnostics()
        let listing = loader.list(languages: languages, into: &reading)
        let pages = loader.read(listing, into: &reading)
        findings.reading = reading.all

        var structure = Diagnostics()
        loader.reportCollisions(pages, into: &structure)
        let translations = Translations(pages: pages, languages: languages, into: &structure)
        let fallbacks = translations.fallbacks(avoiding: pages)
        let (strings, templates, stringAndTemplateFindings) = stringsAndTemplates.value
        structure.append(contentsOf: stringAndTemplateFindings.all)
        findings.translationStatus = TranslationStatus(translations).diagnostics(config.site.translations)

        let generated = GeneratedPages.rootFiles + templates.assetNames.map { TemplateSet.assetsFolder + $0 } + languages.flatMap { language in
            GeneratedPages.reservedNames.sorted().map { "\(language)/\($0)" } + ["\(language)/index.html"]
        }
        let copies = ContentFiles.list(listing, projectDirectory: project, into: &structure)
            + templates.copiedAssets
        structure.append(contentsOf: Self.collisions(of: copies, with: pages, generated: generated))
        findings.structure = structure.all
        let guideRenderer = guideRenderer(config, templates: templates)
        let rendering = guideRenderer.render(pages, fallbacks: fallbacks, generatedPages: generated, files: copies)
        for (guide, found) in zip(rendering.guides, rendering.diagnostics) where guide.page.fallbackFrom == nil {
            findings.guides[guide.page.sourcePath] = found
        }

        let renderer = SiteRenderer(config: config, templates: templates, strings: strings, translations: translations,
                                    servers: servers(config, templates: templates),
                                    parallel: options.parallel, progress: options.progress, cache: options.cache,
                                    configFingerprint: configText.hashValue)
        var templating = Diagnostics()
        let layouts = renderer.layouts(for: rendering.guides.filter { !$0.page.frontMatter.draft })
        let (files, serverFiles) = renderer.render(rendering.guides, layouts: layouts, into: &templating)
        findings.templates = templating.all
        options.progress?.begin("scanning for secrets")
        // An output reused from an earlier build was scanned when it was made.
        let reused = options.cache?.reusedOutputs ?? []
        let outputFolder = options.displayPath(options.outputDirectory)
        findings.secrets = SecretScanner().scan(files.filter { !reused.contains($0.path) }, folder: outputFolder)
            + SecretScanner().scan(serverFiles, folder: options.displayPath(options.serversDirectory))
            + SecretScanner().scan(copies)

        return .finished(BuildSnapshot(
            findings: findings, pages: pages, translations: translations, guides: rendering.guides, site: rendering.site,
            guideRenderer: guideRenderer, siteRenderer: renderer,
            layouts: layouts,
            files: files, serverFiles: serverFiles, copiedFiles: copies, outputFolder: outputFolder))
    }

    /// `snapshot` after an edit to `files`, redoing only what the edit touches
    /// when it touches guides' text alone; the whole check otherwise.
    func snapshot(after previous: BuildSnapshot?, edited files: [URL]?) -> Outcome {
        guard let previous, let files, !files.isEmpty else { return snapshot() }
        let loader = ContentLoader(projectDirectory: options.projectDirectory)
        var edits: [(page: Page, findings: [Diagnostic])] = []
        for file in files {
            guard let (page, found) = loader.reread(file, languages: previous.siteRenderer.config.site.languages),
                  let page
            else { return snapshot() }
            edits.append((page, found))
        }
        guard let updated = previous.updating(edits) else { return snapshot() }
        return .finished(updated)
    }

    /// A copied file must not take the place of a page or of another file.
    private static func collisions(of copies: [CopiedFile], with pages: [Page], generated: [String]) -> [Diagnostic] {
        var owners = Dictionary(pages.map { ($0.outputPath, $0.sourcePath) }, uniquingKeysWith: { first, _ in first })
        for path in generated { owners[path] = owners[path] ?? "AlmaKit's own \(path)" }
        var problems: [Diagnostic] = []
        for copy in copies {
            if let owner = owners[copy.path] {
                problems.append(.error(id: "content.file-collision", at: SourceLocation(file: copy.sourcePath), "this file and \(owner) would both be written to \(copy.path)",
                                       hint: "rename the file"))
            }
            owners[copy.path] = copy.sourcePath
        }
        return problems
    }

    /// The Markdown side of a build: snippets from the servers' templates,
    /// the merchant's placeholders per language, highlighting.
    private func guideRenderer(_ config: SiteConfig, templates: TemplateSet) -> GuideRenderer {
        let snippets = ServerSnippets(servers: servers(config, templates: templates), languages: config.server.languages)
        let highlight: @Sendable (String, String) -> String? = { SyntaxHighlighter.highlight($0, language: $1) }
        var renderer = GuideRenderer(snippetGroups: snippets.htmlGroups(highlight: highlight))
        renderer.highlight = highlight
        renderer.parallel = options.parallel
        renderer.progress = options.progress
        renderer.cache = options.cache
        renderer.placeholders = Dictionary(uniqueKeysWithValues: config.site.languages.map {
            ($0, Placeholders(values: MerchantPlaceholders.values(config, language: $0)))
        })
        return renderer
    }

    /// Every translation against its source: what `almakit translations` lists.
    public func translationStatus() -> (status: TranslationStatus?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let config = loadConfig(into: &diagnostics) else { return (nil, diagnostics) }
        let pages = ContentLoader(projectDirectory: options.projectDirectory).load(languages: config.site.languages, into: &diagnostics)
        let translations = Translations(pages: pages, languages: config.site.languages, into: &diagnostics)
        return (TranslationStatus(translations), diagnostics)
    }

    /// The servers' code, pointed at the published folder from where the servers are written.
    private func servers(_ config: SiteConfig, templates: TemplateSet) -> ServerCode {
        // Every server sits one level down (server/<lang>/), so the path is the same from each.
        let serverFolder = options.serversDirectory.appending(path: ServerLanguage.python.rawValue)
        return ServerCode(config: config, templates: templates,
                          siteFolder: FilePaths.relative(from: serverFolder, to: options.outputDirectory))
    }

    /// The full server of one language, as `server/<lang>/` would hold it.
    /// - Returns: the code, or nil with the diagnostics that prevented it.
    public func serverCode(for language: ServerLanguage) -> (code: String?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let config = loadConfig(into: &diagnostics) else { return (nil, diagnostics) }
        let templates = TemplateSet.load(projectDirectory: options.projectDirectory, into: &diagnostics)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let servers = servers(config, templates: templates)
        let code = templates.render("server/\(language.rawValue)/\(language.mainFile)", servers.context(for: language))
        return (code, diagnostics)
    }

    /// Loads and validates the configuration; nil when nothing else can be checked with it.
    private func loadConfig(into diagnostics: inout Diagnostics) -> SiteConfig? {
        loadConfigAndText(into: &diagnostics)?.config
    }

    /// The configuration and the text it was read from, which cached pages depend on.
    private func loadConfigAndText(into diagnostics: inout Diagnostics) -> (config: SiteConfig, text: String)? {
        let configName = options.displayPath(options.configFile)
        guard FileManager.default.fileExists(atPath: options.configFile.path) else {
            diagnostics.append(missingConfiguration(named: configName))
            return nil
        }
        guard let configText = ProjectFiles.readText(options.configFile, named: configName, into: &diagnostics),
              let config = ConfigurationCheck.run(configText, file: configName, into: &diagnostics)
        else { return nil }
        return (config, configText)
    }

    /// Run outside a project, a command finds no configuration: say where it
    /// looked and how to get one, rather than only that a file is unreadable.
    private func missingConfiguration(named name: String) -> Diagnostic {
        let folder = options.configFile.deletingLastPathComponent().standardizedFileURL.path
        if options.configFile.lastPathComponent == "almakit.yml" {
            return .error(id: "project.not-found",
                at: SourceLocation(file: name),
                "no almakit.yml in \(folder): this folder is not an AlmaKit site project",
                hint: "run the command in a project's folder, point at one with --project DIR, or create one with 'almakit init DIR'")
        }
        return .error(id: "config.file-missing", at: SourceLocation(file: name), "the configuration file \(options.configFile.path) does not exist",
                      hint: "check the path given to --config")
    }

    /// Checks, then replaces the published folder and updates the servers
    /// when there is no error. The servers are staged before the site is
    /// swapped in, so a failure on either side leaves both as they were.
    public func build() -> BuildResult {
        let writer = OutputWriter(destination: options.outputDirectory, projectDirectory: options.projectDirectory)
        let servers = ServerWriter(destination: options.serversDirectory, projectDirectory: options.projectDirectory,
                                   outputDirectory: options.outputDirectory)
        let problems = [writer.destinationProblem(), servers.destinationProblem()].compactMap { $0 }
        guard problems.isEmpty else {
            return BuildResult(diagnostics: Diagnostics(problems), files: [], pagesPerLanguage: [])
        }
        var result = check()
        guard result.succeeded else { return result }
        options.progress?.begin("writing files", total: result.files.count + result.serverFiles.count)
        defer { options.progress?.finish() }
        let staged: ServerWriter.Staged
        switch servers.stage(result.serverFiles) {
        case .failure(let failure):
            result.diagnostics.append(failure.diagnostic)
            return result
        case .success(let files): staged = files
        }
        if let problem = writer.write(result.files, copying: result.copiedFiles) {
            servers.discard(staged)
            result.diagnostics.append(problem)
        } else if let problem = servers.commit(staged) {
            result.diagnostics.append(problem)
        }
        return result
    }
}
