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
        var diagnostics = Diagnostics()
        guard let (config, configText) = loadConfigAndText(into: &diagnostics) else {
            return BuildResult(diagnostics: diagnostics, files: [], pagesPerLanguage: [])
        }

        let project = options.projectDirectory
        let languages = config.site.languages
        var loader = ContentLoader(projectDirectory: project)
        loader.cache = options.cache
        let pages = loader.load(languages: languages, into: &diagnostics)
        let translations = Translations(pages: pages, languages: languages, into: &diagnostics)
        diagnostics.append(contentsOf: TranslationStatus(translations).diagnostics)
        let fallbacks = translations.fallbacks(avoiding: pages)
        let strings = StringsCatalogue.load(projectDirectory: project, languages: languages, into: &diagnostics)
        let templates = TemplateSet.load(projectDirectory: project, into: &diagnostics)

        let generated = ["index.html", "404.html"] + languages.flatMap { language in
            GeneratedPages.reservedNames.sorted().map { "\(language)/\($0)" } + ["\(language)/index.html"]
        }
        let guides = guideRenderer(config, templates: templates).render(pages, fallbacks: fallbacks, generatedPages: generated, into: &diagnostics)
        let renderer = SiteRenderer(config: config, templates: templates, strings: strings, translations: translations,
                                    parallel: options.parallel, progress: options.progress, cache: options.cache,
                                    configFingerprint: configText.hashValue)
        let files = renderer.render(guides, into: &diagnostics)
        // An output reused from an earlier build was scanned when it was made.
        let reused = options.cache?.reusedOutputs ?? []
        diagnostics.append(contentsOf: SecretScanner().scan(files.filter { !reused.contains($0.path) }, folder: options.displayPath(options.outputDirectory)))
        if options.strict { diagnostics.promoteWarnings() }

        let counts = languages.map { language in
            (language, guides.filter { $0.page.language == language && !$0.page.frontMatter.draft && $0.page.fallbackFrom == nil }.count)
        }
        return BuildResult(diagnostics: diagnostics, files: files, pagesPerLanguage: counts)
    }

    /// The Markdown side of a build: snippets from the servers' templates,
    /// the merchant's placeholders per language, highlighting.
    private func guideRenderer(_ config: SiteConfig, templates: TemplateSet) -> GuideRenderer {
        let snippets = ServerSnippets(servers: ServerCode(config: config, templates: templates), languages: config.server.languages)
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

    /// The full server of one language, as `dist/server/<lang>/` would hold it.
    /// - Returns: the code, or nil with the diagnostics that prevented it.
    public func serverCode(for language: ServerLanguage) -> (code: String?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let config = loadConfig(into: &diagnostics) else { return (nil, diagnostics) }
        let templates = TemplateSet.load(projectDirectory: options.projectDirectory, into: &diagnostics)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let servers = ServerCode(config: config, templates: templates)
        let code = templates.render("server/\(language.rawValue)/\(language.mainFile)", servers.context(for: language))
        return (code, diagnostics)
    }

    /// Loads and validates the configuration; nil when it has errors.
    private func loadConfig(into diagnostics: inout Diagnostics) -> SiteConfig? {
        loadConfigAndText(into: &diagnostics)?.config
    }

    /// The configuration and the text it was read from, which cached pages depend on.
    private func loadConfigAndText(into diagnostics: inout Diagnostics) -> (config: SiteConfig, text: String)? {
        let configName = options.displayPath(options.configFile)
        guard let configText = ProjectFiles.readText(options.configFile, named: configName, into: &diagnostics),
              let config = ConfigurationCheck.run(configText, file: configName, into: &diagnostics)
        else { return nil }
        return (config, configText)
    }

    /// Checks, then replaces the output folder when there is no error.
    public func build() -> BuildResult {
        let writer = OutputWriter(destination: options.outputDirectory, projectDirectory: options.projectDirectory)
        if let problem = writer.destinationProblem() {
            return BuildResult(diagnostics: Diagnostics([problem]), files: [], pagesPerLanguage: [])
        }
        var result = check()
        guard result.succeeded else { return result }
        if let problem = writer.write(result.files) {
            result.diagnostics.append(problem)
        }
        return result
    }
}
