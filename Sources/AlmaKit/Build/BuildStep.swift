import AlmaKitCore
import AlmaKitSite
import Foundation

/// One named step of the build over the build's context, the way Publish
/// writes its publishing steps. `SiteBuilder` lists them; `almakit check`
/// runs every one but `write`, and `almakit serve` runs the same list again
/// on each edit, its `RenderCache` making every step redo only what changed.
struct BuildStep: Sendable {
    let stage: BuildStage
    let body: @Sendable (inout BuildContext) -> Void

    init(_ stage: BuildStage, _ body: @escaping @Sendable (inout BuildContext) -> Void) {
        self.stage = stage
        self.body = body
    }
}

extension BuildStep {
    /// Reads and validates `almakit.yml`; nothing else can be checked without it.
    static let loadConfiguration = BuildStep(.loadConfiguration) { build in
        var found = Diagnostics()
        let loaded = ConfigurationFile(options: build.options).load(into: &found)
        build.findings.configuration = found.all
        guard let loaded else {
            build.stopped = true
            return
        }
        (build.config, build.configText) = (loaded.config, loaded.text)
    }

    /// Lists the language folders and reads every page's front matter; the
    /// strings and templates are read meanwhile, on another core.
    static let readPages = BuildStep(.readPages) { build in
        let project = build.options.projectDirectory
        let languages = build.config.site.languages
        let cache = build.options.cache
        build.stringsAndTemplates = Background { () -> RenderCache.StringsAndTemplates in
            let load = { () -> RenderCache.StringsAndTemplates in
                var found = Diagnostics()
                let strings = StringsCatalogue.load(projectDirectory: project, languages: languages, into: &found)
                let templates = TemplateSet.load(projectDirectory: project, into: &found)
                return (strings, templates, found)
            }
            return cache?.stringsAndTemplates(project: project, languages: languages, load: load) ?? load()
        }
        var loader = ContentLoader(projectDirectory: project)
        loader.cache = build.options.cache
        var reading = Diagnostics()
        build.listing = loader.list(languages: languages, into: &reading)
        build.pages = loader.read(build.listing, keepingBodies: build.options.keepsPageText,
                                  keptBodyBytes: build.options.keptPageTextBytes, into: &reading)
        build.findings.reading = reading.all
    }

    /// Pairs pages with their translations, plans stand-ins for the missing
    /// ones, and lists what else the site holds: generated pages, copied
    /// files. Needs the templates `readPages` started reading.
    static let pairTranslations = BuildStep(.pairTranslations) { build in
        var structure = Diagnostics()
        ContentLoader(projectDirectory: build.options.projectDirectory).reportCollisions(build.pages, into: &structure)
        build.translations = Translations(pages: build.pages, languages: build.config.site.languages, into: &structure)
        build.fallbacks = build.translations.fallbacks(avoiding: build.pages)
        let (strings, templates, found) = build.stringsAndTemplates.value
        (build.strings, build.templates) = (strings, templates)
        structure.append(contentsOf: found.all)
        build.findings.translationStatus = TranslationStatus(build.translations).diagnostics(build.config.site.translations)

        let languages = build.config.site.languages
        build.generatedPages = GeneratedPages.rootFiles + build.templates.assetNames.map { TemplateSet.assetsFolder + $0 }
            + languages.flatMap { language in
                (GeneratedPages.reservedNames.union(GeneratedPages.checkoutPages(build.config))).sorted().map { "\(language)/\($0)" }
                    + ["\(language)/index.html"]
            }
        build.copiedFiles = ContentFiles.list(build.listing, projectDirectory: build.options.projectDirectory, into: &structure)
            + build.templates.copiedAssets
            + ProductImages(config: build.config, projectDirectory: build.options.projectDirectory).files(into: &structure)
        structure.append(contentsOf: CopiedFile.collisions(of: build.copiedFiles, with: build.pages, generated: build.generatedPages))
        build.findings.structure.append(contentsOf: structure.all)
    }

    /// What every page is rendered against: the link index, the snippets and
    /// placeholders, each language's navigation.
    static let indexSite = BuildStep(.indexSite) { build in
        let servers = ServerCode(config: build.config, templates: build.templates, siteFolder: build.options.siteFolderFromServers)
        // The Markdown side (highlighted snippets, link index) and the pages'
        // side (assets, navigation) need nothing from each other: the first
        // is made on another core meanwhile.
        let (config, options, pages, fallbacks) = (build.config!, build.options, build.pages, build.fallbacks)
        let (generatedPages, copiedFiles) = (build.generatedPages, build.copiedFiles)
        let markdownSide = Background { () -> (GuideRenderer, GuideRenderer.Site) in
            let guideRenderer = GuideRenderer(config: config, servers: servers, options: options)
            return (guideRenderer, guideRenderer.site(pages: pages, fallbacks: fallbacks, generatedPages: generatedPages, files: copiedFiles))
        }
        var renderer = SiteRenderer(config: build.config, templates: build.templates, strings: build.strings,
                                    translations: build.translations, servers: servers)
        renderer.parallel = build.options.parallel
        renderer.cache = build.options.cache
        renderer.configFingerprint = build.configText.hashValue
        renderer.fingerprintAssets()
        build.siteRenderer = renderer
        build.layouts = renderer.layouts(for: build.publishedPages)
        (build.guideRenderer, build.site) = markdownSide.value
    }

    /// Each guide, on every core: Markdown to HTML, then its page filled,
    /// scanned and handed to the output at once, so that no page's HTML
    /// outlives its own turn. Stand-ins come second: they need their
    /// source's anchors. The other files are filled meanwhile.
    static let renderGuides = BuildStep(.renderGuides) { build in
        build.generatedFiles = startGeneratedFiles(build)
        let progress = build.options.progress
        progress?.expect(build.pages.count + build.fallbacks.count)
        let publisher = GuidePublisher(guides: build.guideRenderer, pages: build.siteRenderer, layouts: build.layouts,
                                       output: build.output, progress: progress)
        let parallel = build.options.parallel
        let withoutAnchors = build.site!
        let own = Parallel.map(build.pages, parallel: parallel, progress: progress) {
            publisher.publish($0, site: withoutAnchors, defersAnchors: true)
        }
        let ownGuides = own.map(\.summary)
        let site = build.guideRenderer.site(withoutAnchors, adding: ownGuides, fallbacks: build.fallbacks)
        let standIns = Parallel.map(build.fallbacks, parallel: parallel, progress: progress) {
            publisher.publish($0, site: site, defersAnchors: false)
        }
        build.site = site
        build.guides = ownGuides + standIns.map(\.summary)
        // The anchors each page's links point at, checked now that every page's are known.
        let renderer = build.guideRenderer!
        let problems = Parallel.map(ownGuides, parallel: parallel) { guide in
            guide.page.fallbackFrom == nil ? renderer.problems(of: guide, in: site) : nil
        }
        for (guide, found) in zip(ownGuides, problems) {
            if let found { build.findings.guides[guide.page.sourcePath] = found }
        }
        build.findings.templates.append(contentsOf: (own + standIns).compactMap(\.templateProblem))
    }

    /// Every file besides the guides' pages: generated pages, sitemap,
    /// scripts, assets, and the servers. They need only what each page says
    /// about itself, known since reading, so `renderGuides` starts them on
    /// another thread: the sitemap, the longest, would otherwise keep one
    /// core busy and the other idle once the guides are done.
    private static func startGeneratedFiles(_ build: BuildContext) -> Background<BuildContext.GeneratedFiles> {
        let (renderer, layouts, output) = (build.siteRenderer!, build.layouts, build.output)
        let published = build.publishedPages
        return Background {
            var templating = Diagnostics()
            let (site, servers) = renderer.generatedFiles(published: published, layouts: layouts, into: &templating)
            for file in site { output.accept(file) }
            return .init(serverFiles: servers, problems: templating.all)
        }
    }

    /// Waits for the files `renderGuides` started filling.
    static let fillTemplates = BuildStep(.fillTemplates) { build in
        let generated = build.generatedFiles.value
        build.serverFiles = generated.serverFiles
        build.findings.templates.append(contentsOf: generated.problems)
    }

    /// The pages were scanned as they were made; the servers and the copied
    /// files are scanned here.
    static let scanForSecrets = BuildStep(.scanForSecrets) { build in
        build.findings.secrets = build.output.secrets
            + SecretScanner().scan(build.serverFiles, folder: build.options.displayPath(build.options.serversDirectory))
            + SecretScanner().scan(build.copiedFiles)
    }

    /// Publishes the staged site and updates the servers, when nothing stops
    /// it; discards the staging folder otherwise. The servers are staged
    /// before the site is swapped in, so a failure on either side leaves
    /// both as they were.
    static let write = BuildStep(.write) { build in
        guard case .staging(let staging) = build.output.destination else { return }
        let writer = OutputWriter(destination: build.options.outputDirectory, projectDirectory: build.options.projectDirectory)
        if let failure = build.output.writeFailure {
            build.findings.writing.append(writer.unwritable(failure))
        }
        guard !build.findings.hasErrors else {
            staging.discard()
            return
        }
        do {
            try staging.copy(build.copiedFiles)
        } catch {
            staging.discard()
            build.findings.writing.append(writer.unwritable(error))
            return
        }
        let servers = ServerWriter(destination: build.options.serversDirectory, projectDirectory: build.options.projectDirectory,
                                   outputDirectory: build.options.outputDirectory)
        switch servers.stage(build.serverFiles) {
        case .failure(let failure):
            staging.discard()
            build.findings.writing.append(failure.diagnostic)
        case .success(let staged):
            if let problem = writer.publish(staging) {
                servers.discard(staged)
                build.findings.writing.append(problem)
            } else if let problem = servers.commit(staged) {
                build.findings.writing.append(problem)
            }
        }
    }
}
