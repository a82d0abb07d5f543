import Foundation
import Mustache

/// Fills the templates for every page of the site. It only composes text;
/// `SiteBuilder` decides what happens to it.
struct SiteRenderer: Sendable {
    let config: SiteConfig
    let templates: TemplateSet
    let strings: StringsCatalogue
    let translations: Translations
    let servers: ServerCode
    var parallel = true
    var progress: BuildProgress?
    /// Pages whose inputs did not change are taken from here (`almakit serve`).
    var cache: RenderCache?
    /// Changes with the configuration's text: part of every cached page's key.
    var configFingerprint = 0

    /// One file to write: its context is made where it is rendered, on any core.
    private struct Job: Sendable {
        var path: String
        var template: String
        var context: @Sendable () -> any MustacheParent
        /// Everything the output depends on, when known: equal keys, equal files.
        var key: Int?
        /// A file of a server, for the servers folder rather than the published one.
        var isServer = false
    }

    /// - Parameter layouts: `layouts(for:)` of the published guides.
    /// - Returns: the published site's files, and the servers' (paths in the servers folder).
    func render(_ guides: [RenderedGuide], layouts: [PageContext], into diagnostics: inout Diagnostics) -> (site: [OutputFile], servers: [OutputFile]) {
        var jobs: [Job] = []
        func add(_ path: String, template: String, key: Int? = nil, _ context: @autoclosure @escaping @Sendable () -> any MustacheParent) {
            jobs.append(Job(path: path, template: template, context: context, key: key))
        }

        let published = guides.filter { !$0.page.frontMatter.draft }
        // The longest job first: the sitemap lists every page, and rendered
        // last it kept one core busy alone for a tenth of the stage.
        add("sitemap.xml", template: "sitemap.xml", sitemapContext(published))
        for (language, page) in zip(config.site.languages, layouts) {
            let chrome = cache == nil ? 0 : chromeKey(language: language, navigation: page.navigation, counterparts: page.counterparts)
            for guide in published where guide.page.language == language {
                add(guide.page.outputPath, template: "page.html", key: cache == nil ? nil : Self.key(of: guide, chrome: chrome), page.guide(guide))
            }
            if page.homePath == nil {
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
        add("guide.js", template: "guide.js", EmptyContext())
        for name in templates.assetNames {
            add(TemplateSet.assetsFolder + name, template: TemplateSet.assetsFolder + name, EmptyContext())
        }
        for language in config.server.languages {
            for file in servers.templateNames(for: language) {
                jobs.append(Job(path: file.output, template: file.template, context: { servers.context(for: language) }, isServer: true))
            }
        }

        progress?.begin("filling templates", total: jobs.count)
        cache?.beginBuild()
        let rendered = Parallel.map(jobs, parallel: parallel, progress: progress) { [templates, cache] job in
            let render = { templates.render(job.template, job.context()).map { OutputFile(path: job.path, contents: $0) } }
            guard let cache, let key = job.key else { return render() }
            return cache.output(at: job.path, key: key, render: render)
        }
        var site: [OutputFile] = [], serverFiles: [OutputFile] = []
        for (job, file) in zip(jobs, rendered) {
            guard let file else {
                diagnostics.append(.error(id: "template.missing", at: SourceLocation(file: "Templates/\(job.template)"), "the template '\(job.template)' does not exist", hint: "restore it, or remove the project's override that refers to it"))
                continue
            }
            if job.isServer { serverFiles.append(file) } else { site.append(file) }
        }
        return (site.sorted { $0.path < $1.path }, serverFiles.sorted { $0.path < $1.path })
    }

    /// The page contexts of each of the site's languages, in their order:
    /// navigation and language switcher over the published guides.
    func layouts(for published: [RenderedGuide]) -> [PageContext] {
        var counterparts: [String: [String: String]] = [:]
        for guide in published { counterparts[guide.page.translationKey, default: [:]][guide.page.language] = guide.page.outputPath }
        return config.site.languages.map { language in
            let own = published.filter { $0.page.language == language }
            return PageContext(renderer: self, language: language, navigation: Navigation(own),
                               homePath: own.first(where: \.page.isHome)?.page.outputPath, counterparts: counterparts)
        }
    }

    /// One guide's page, in the context of its language (from `layouts(for:)`).
    /// Nil when the project's templates lack `page.html`.
    func page(of guide: RenderedGuide, in layout: PageContext) -> OutputFile? {
        templates.render("page.html", layout.guide(guide)).map { OutputFile(path: guide.page.outputPath, contents: $0) }
    }

    /// What every guide page of a language shares: configuration, templates,
    /// strings, navigation and where each page's translations are.
    private func chromeKey(language: String, navigation: Navigation, counterparts: [String: [String: String]]) -> Int {
        var hasher = Hasher()
        hasher.combine(configFingerprint)
        hasher.combine(templates.fingerprint)
        hasher.combine(strings.strings(for: language).sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value })
        hasher.combine(navigation.readingOrder.map { $0.title + "\u{0}" + $0.outputPath })
        hasher.combine(navigation.entries.map { entry -> String in
            if case .section(let section) = entry { return section.title + "\u{0}" + (section.index?.outputPath ?? "") }
            return ""
        })
        for (key, languages) in counterparts.sorted(by: { $0.key < $1.key }) {
            hasher.combine(key)
            hasher.combine(languages.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value })
        }
        for (key, group) in translations.groups.sorted(by: { $0.key < $1.key }) {
            hasher.combine(key)
            hasher.combine(group.keys.sorted())
        }
        return hasher.finalize()
    }

    /// One guide page's inputs beyond its language's chrome.
    private static func key(of guide: RenderedGuide, chrome: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(chrome)
        hasher.combine(guide.page.outputPath)
        hasher.combineUTF8(guide.html)
        guide.page.frontMatter.digest(into: &hasher)
        hasher.combine(guide.page.fallbackFrom)
        return hasher.finalize()
    }

    /// Real pages only, each with its translations: a page standing in for a
    /// missing translation is not a page of its own.
    private func sitemapContext(_ guides: [RenderedGuide]) -> Sitemap {
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
        return Sitemap(urls: entries.sorted { $0.path < $1.path }.map { entry in
            SitemapURL(loc: TemplateText(absoluteURL(entry.path)),
                       alternates: entry.alternates.map { AlternateLink(hreflang: TemplateText($0.0), href: TemplateText(absoluteURL($0.1))) })
        })
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
