import AlmaKitCore
import AlmaKitHighlight
import AlmaKitMarkdown
import AlmaKitSite

/// One guide from Markdown to the output: rendered, its page filled with
/// its language's layout, and handed to the output (which scans and writes
/// it). Runs on any core, a page at a time.
struct GuidePublisher: Sendable {
    let guides: GuideRenderer
    let pages: SiteRenderer
    /// By language.
    let layouts: [String: PageContext]
    let output: SiteOutput
    let progress: BuildProgress?

    init(guides: GuideRenderer, pages: SiteRenderer, layouts: [PageContext], output: SiteOutput, progress: BuildProgress?) {
        self.guides = guides
        self.pages = pages
        self.layouts = Dictionary(layouts.map { ($0.language, $0) }, uniquingKeysWith: { first, _ in first })
        self.output = output
        self.progress = progress
    }

    /// What publishing one guide left: its summary, and the problem that kept
    /// its page from being filled, if any.
    struct Published: Sendable {
        var summary: GuideRenderer.Summary
        var templateProblem: Diagnostic?
    }

    func publish(_ page: Page, site: GuideRenderer.Site, defersAnchors: Bool) -> Published {
        let rendering = progress.measure(.renderGuides) { guides.render(page, site: site, defersAnchors: defersAnchors) }
        var published = Published(summary: GuideRenderer.Summary(rendering))
        // A draft is checked, never published.
        guard !page.frontMatter.draft, let layout = layouts[page.language] else { return published }
        if let file = progress.measure(.fillTemplates, { pages.page(of: rendering.guide, in: layout) }) {
            output.accept(file)
        } else {
            published.templateProblem = SiteRenderer.missingTemplate("page.html")
        }
        return published
    }
}

extension GuideRenderer {
    /// The Markdown side of a build: snippets from the servers' templates,
    /// the merchant's placeholders per language, highlighting.
    init(config: SiteConfig, servers: ServerCode, options: BuildOptions) {
        let snippets = ServerSnippets(servers: servers, languages: config.server.languages)
        let highlight: @Sendable (String, String) -> String? = { SyntaxHighlighter.highlight($0, language: $1) }
        self.init(snippetGroups: snippets.htmlGroups(highlight: highlight))
        self.highlight = highlight
        cache = options.cache
        bodies = options.keepsPageText ? .kept : .reread(projectDirectory: options.projectDirectory)
        placeholders = Dictionary(uniqueKeysWithValues: config.site.languages.map {
            ($0, Placeholders(values: MerchantPlaceholders.values(config, language: $0)))
        })
    }
}
