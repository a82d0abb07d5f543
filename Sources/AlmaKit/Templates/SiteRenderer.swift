import Foundation

/// Fills the templates for every page of the site. It only composes text;
/// `SiteBuilder` decides what happens to it.
struct SiteRenderer: Sendable {
    let config: SiteConfig
    let templates: TemplateSet
    let strings: StringsCatalogue
    let translations: Translations
    var parallel = true
    var progress: BuildProgress?

    /// One file to write: its context is made where it is rendered, on any core.
    private struct Job: Sendable {
        var path: String
        var template: String
        var context: @Sendable () -> [String: Any]
    }

    func render(_ guides: [RenderedGuide], into diagnostics: inout Diagnostics) -> [OutputFile] {
        var jobs: [Job] = []
        func add(_ path: String, template: String, _ context: @autoclosure @escaping @Sendable () -> [String: Any]) {
            jobs.append(Job(path: path, template: template, context: context))
        }

        let published = guides.filter { !$0.page.frontMatter.draft }
        var counterparts: [String: [String: String]] = [:]
        for guide in published { counterparts[guide.page.translationKey, default: [:]][guide.page.language] = guide.page.outputPath }
        for language in config.site.languages {
            let own = published.filter { $0.page.language == language }
            let navigation = Navigation(own)
            let homePath = own.first(where: \.page.isHome)?.page.outputPath
            let page = PageContext(renderer: self, language: language, navigation: navigation, homePath: homePath, counterparts: counterparts)
            for guide in own {
                add(guide.page.outputPath, template: "page.html", page.guide(guide))
            }
            if homePath == nil {
                add("\(language)/index.html", template: "home.html", page.generatedHome())
            }
            add("\(language)/\(GeneratedPages.checkout)", template: "checkout.html", page.payment(GeneratedPages.checkout, titleKey: "checkout_title"))
            add("\(language)/\(GeneratedPages.returnPage)", template: "return.html", page.payment(GeneratedPages.returnPage, titleKey: "return_title"))
            add("\(language)/\(GeneratedPages.notFound)", template: "404.html", page.notFound(path: "\(language)/\(GeneratedPages.notFound)"))
        }
        let landing = PageContext(renderer: self, language: config.defaultLanguage, navigation: Navigation([]), homePath: nil)
        add("index.html", template: "landing.html", landing.landing())
        add("404.html", template: "404.html", landing.notFound(path: "404.html"))
        add("client.js", template: "client.js", ClientScript.context(config))
        add("guide.js", template: "guide.js", [:])
        add("assets/site.css", template: "assets/site.css", [:])
        add("assets/favicon.svg", template: "assets/favicon.svg", [:])
        add("sitemap.xml", template: "sitemap.xml", sitemapContext(published))
        let servers = ServerCode(config: config, templates: templates)
        for language in config.server.languages {
            for file in servers.templateNames(for: language) {
                add(file.output, template: file.template, servers.context(for: language))
            }
        }

        progress?.begin("writing pages", total: jobs.count)
        let rendered = Parallel.map(jobs, parallel: parallel, progress: progress) { [templates] job in
            templates.render(job.template, job.context()).map { OutputFile(path: job.path, contents: $0) }
        }
        var files: [OutputFile] = []
        for (job, file) in zip(jobs, rendered) {
            guard let file else {
                diagnostics.append(.error(at: SourceLocation(file: "Templates/\(job.template)"), "the template '\(job.template)' does not exist", hint: "restore it, or remove the project's override that refers to it"))
                continue
            }
            files.append(file)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Real pages only, each with its translations: a page standing in for a
    /// missing translation is not a page of its own.
    private func sitemapContext(_ guides: [RenderedGuide]) -> [String: Any] {
        var entries: [(path: String, alternates: [(String, String)])] = [("index.html", [])]
        for language in config.site.languages {
            let homes = config.site.languages.map { ($0, "\($0)/index.html") }
            if !guides.contains(where: { $0.page.language == language && $0.page.isHome }) {
                entries.append(("\(language)/index.html", homes))
            }
            entries.append(("\(language)/\(GeneratedPages.checkout)", config.site.languages.map { ($0, "\($0)/\(GeneratedPages.checkout)") }))
        }
        for guide in guides where guide.page.fallbackFrom == nil {
            let alternates = translations.translations(of: guide.page.translationKey)
                .map { ($0.key, $0.value.outputPath) }.sorted { $0.0 < $1.0 }
            entries.append((guide.page.outputPath, alternates.count > 1 ? alternates : []))
        }
        return ["urls": entries.sorted { $0.path < $1.path }.map { entry in
            [
                "loc": absoluteURL(entry.path),
                "alternates": entry.alternates.map { ["hreflang": $0.0, "href": absoluteURL($0.1)] },
            ] as [String: Any]
        }]
    }

    func absoluteURL(_ path: String) -> String {
        let base = config.site.baseURL.hasSuffix("/") ? String(config.site.baseURL.dropLast()) : config.site.baseURL
        return "\(base)/\(path)"
    }

    /// The path part of `base_url`, ending in `/`: where the site sits on its host.
    var basePath: String {
        guard let url = URL(string: config.site.baseURL), !url.path.isEmpty, url.path != "/" else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }

    func t(_ language: String) -> [String: String] {
        strings.strings(for: language)
    }
}
