import AlmaKitCore
import Foundation
import Mustache

/// Fills the templates for every page of the site. It only composes text;
/// the build's steps decide what happens to it.
package struct SiteRenderer: Sendable {
    let config: SiteConfig
    let templates: TemplateSet
    let strings: StringsCatalogue
    let translations: Translations
    let servers: ServerCode
    package var parallel = true
    /// Pages whose inputs did not change are taken from here (`almakit serve`).
    package var cache: (any OutputRenderCache)?
    /// Changes with the configuration's text: part of every cached page's key.
    package var configFingerprint = 0
    /// `chromeKey` of each language, worked out by its first page.
    let chromeKeys = SharedCache<Int>()
    /// The stylesheet and scripts under their hashed names: set before any
    /// page is filled, since every page names them.
    var fingerprintedAssets = FingerprintedAssets([:])

    /// One file to write: its context is made where it is rendered, on any core.
    private struct Job: Sendable {
        var path: String
        var template: String
        var context: @Sendable () -> any MustacheParent
        /// A file of a server, for the servers folder rather than the published one.
        var isServer = false
    }

    /// Every file besides the guides' pages: generated pages, sitemap,
    /// scripts, assets, and the servers' files.
    /// - Parameters:
    ///   - published: the guides that get a page, stand-ins included.
    ///   - layouts: `layouts(for:)` of the same guides.
    /// - Returns: the published site's files, and the servers' (paths in the servers folder).
    package func generatedFiles(published: [Page], layouts: [PageContext], into diagnostics: inout Diagnostics) -> (site: [OutputFile], servers: [OutputFile]) {
        var jobs: [Job] = []
        func add(_ path: String, template: String, _ context: @autoclosure @escaping @Sendable () -> any MustacheParent) {
            // Rendered already, to learn its hashed name.
            guard fingerprintedAssets.paths[path] == nil else { return }
            jobs.append(Job(path: path, template: template, context: context))
        }

        // The longest job first: the sitemap lists every page.
        add("sitemap.xml", template: "sitemap.xml", sitemapContext(published))
        for (language, page) in zip(config.site.languages, layouts) {
            if page.homePath == nil {
                add("\(language)/index.html", template: "home.html", page.generatedHome())
            }
            if config.sellsSeveralProducts {
                add("\(language)/\(GeneratedPages.checkout)", template: GeneratedPages.productListTemplate, page.productList())
                for product in config.products {
                    let name = GeneratedPages.productCheckout(product.id)
                    add("\(language)/\(name)", template: "checkout.html", page.checkout(product, at: name))
                }
            } else {
                add("\(language)/\(GeneratedPages.checkout)", template: "checkout.html", page.checkout(config.products[0], at: GeneratedPages.checkout))
            }
            add("\(language)/\(GeneratedPages.returnPage)", template: "return.html", page.returnPage())
            add("\(language)/\(GeneratedPages.notFound)", template: "404.html", page.notFound(path: "\(language)/\(GeneratedPages.notFound)"))
            add("\(language)/\(GeneratedPages.paymentError)", template: GeneratedPages.paymentError, page.paymentError())
        }
        let landing = PageContext(renderer: self, language: config.defaultLanguage, navigation: Navigation([]), homePath: nil)
        add("index.html", template: "landing.html", landing.landing())
        add("404.html", template: "404.html", landing.notFound(path: "404.html"))
        add("client.js", template: "client.js", ClientScript.context(config))
        add("guide.js", template: "guide.js", EmptyContext())
        add(GeneratedPages.staticHostHeaders, template: GeneratedPages.staticHostHeaders,
            StaticHostHeaders(headers: SecurityHeaders(config: config).all.map(HeaderContext.init), basePath: basePath,
                              fingerprintedFolder: FingerprintedAssets.folder, immutableCaching: HeaderContext(SecurityHeaders.immutableCaching)))
        for name in templates.assetNames {
            add(TemplateSet.assetsFolder + name, template: TemplateSet.assetsFolder + name, EmptyContext())
        }
        for language in config.server.languages {
            for file in servers.templateNames(for: language) {
                jobs.append(Job(path: file.output, template: file.template, context: { servers.context(for: language) }, isServer: true))
            }
        }

        // In `serve`, an edit to a guide's text leaves every one of these as it was.
        let key = cache == nil ? nil : generatedFilesKey(layouts)
        let rendered = Parallel.map(jobs, parallel: parallel) { [templates, cache] job in
            let render = { templates.render(job.template, job.context()).map { OutputFile(path: job.path, contents: $0) } }
            guard let cache, let key else { return render() }
            return cache.generated(at: (job.isServer ? "server/" : "") + job.path, key: key, render: render)
        }
        var site: [OutputFile] = [], serverFiles: [OutputFile] = []
        for (job, file) in zip(jobs, rendered) {
            guard let file else {
                diagnostics.append(Self.missingTemplate(job.template))
                continue
            }
            if job.isServer { serverFiles.append(file) } else { site.append(file) }
        }
        return (site + fingerprintedAssets.files, serverFiles.sorted { $0.path < $1.path })
    }

    /// Renders the files every page loads to learn their hashed names; the
    /// build does it before it fills any page.
    package mutating func fingerprintAssets() {
        fingerprintedAssets = FingerprintedAssets([
            FingerprintedAssets.stylesheet: templates.render(FingerprintedAssets.stylesheet, EmptyContext()),
            FingerprintedAssets.clientScript: templates.render(FingerprintedAssets.clientScript, ClientScript.context(config)),
            FingerprintedAssets.guideScript: templates.render(FingerprintedAssets.guideScript, EmptyContext()),
        ])
    }

    package static func missingTemplate(_ name: String) -> Diagnostic {
        .error(id: "template.missing", at: SourceLocation(file: "Templates/\(name)"), "the template '\(name)' does not exist", hint: "restore it, or remove the project's override that refers to it")
    }

    /// The page contexts of each of the site's languages, in their order:
    /// navigation and language switcher over the guides that get a page
    /// (stand-ins included).
    package func layouts(for published: [Page]) -> [PageContext] {
        var counterparts: [String: [String: String]] = [:]
        for page in published { counterparts[page.translationKey, default: [:]][page.language] = page.outputPath }
        return config.site.languages.map { language in
            let own = published.filter { $0.language == language }
            return PageContext(renderer: self, language: language, navigation: Navigation(own),
                               homePath: own.first(where: \.isHome)?.outputPath, counterparts: counterparts)
        }
    }

    /// One guide's page, in the context of its language (from `layouts(for:)`);
    /// taken from the cache when nothing it shows changed (`almakit serve`).
    /// Nil when the project's templates lack `page.html`.
    package func page(of guide: RenderedGuide, in layout: PageContext) -> OutputFile? {
        let render = { templates.render("page.html", layout.guide(guide)).map { OutputFile(path: guide.page.outputPath, contents: $0) } }
        guard let cache else { return render() }
        return cache.output(at: guide.page.outputPath, key: Self.key(of: guide, chrome: chromeKey(of: layout)), render: render)
    }

    /// `chromeKey` of a language, worked out by its first page.
    private func chromeKey(of layout: PageContext) -> Int {
        chromeKeys.value(for: layout.language) {
            chromeKey(language: layout.language, navigation: layout.navigation, counterparts: layout.counterparts)
        }
    }

    /// Everything the files besides the guides' pages depend on: each
    /// language's chrome (configuration, templates, strings, navigation,
    /// translations) and home page.
    private func generatedFilesKey(_ layouts: [PageContext]) -> Int {
        var hasher = Hasher()
        for layout in layouts {
            hasher.combine(chromeKey(of: layout))
            hasher.combine(layout.homePath)
        }
        return hasher.finalize()
    }

    /// What every guide page of a language shares: configuration, templates,
    /// strings, navigation and where each page's translations are.
    private func chromeKey(language: String, navigation: Navigation, counterparts: [String: [String: String]]) -> Int {
        var hasher = Hasher()
        hasher.combine(configFingerprint)
        hasher.combine(templates.fingerprint)
        // A dictionary hashes the same whatever its order: nothing to sort.
        // `serve` works this out on every edit, over every page of the site.
        hasher.combine(strings.strings(for: language))
        for item in navigation.readingOrder {
            hasher.combine(item.title)
            hasher.combine(item.outputPath)
        }
        for entry in navigation.entries {
            if case .section(let section) = entry {
                hasher.combine(section.title)
                hasher.combine(section.index?.outputPath)
            } else {
                hasher.combine(0)
            }
        }
        hasher.combine(counterparts)
        hasher.combine(translations.groups.mapValues { Set($0.keys) })
        return hasher.finalize()
    }

    /// One guide page's inputs beyond its language's chrome.
    private static func key(of guide: RenderedGuide, chrome: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(chrome)
        hasher.combine(guide.page.outputPath)
        if let rendering = guide.renderingKey { hasher.combine(rendering) } else { hasher.combineUTF8(guide.html) }
        guide.page.frontMatter.digest(into: &hasher)
        hasher.combine(guide.page.fallbackFrom)
        return hasher.finalize()
    }

    /// Real pages only, each with its translations: a page standing in for a
    /// missing translation is not a page of its own.
    private func sitemapContext(_ pages: [Page]) -> Sitemap {
        var entries: [(path: String, alternates: [(String, String)])] = [("index.html", [])]
        for language in config.site.languages {
            let homes = config.site.languages.map { ($0, "\($0)/index.html") }
            if !pages.contains(where: { $0.language == language && $0.isHome }) {
                entries.append(("\(language)/index.html", homes))
            }
            for name in GeneratedPages.checkoutPages(config) {
                entries.append(("\(language)/\(name)", config.site.languages.map { ($0, "\($0)/\(name)") }))
            }
        }
        for page in pages where page.fallbackFrom == nil {
            let alternates = translations.translations(of: page.translationKey)
                .map { ($0.key, $0.value.outputPath) }.sorted { $0.0 < $1.0 }
            entries.append((page.outputPath, alternates.count > 1 ? alternates : []))
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
        SiteAddress(baseURL: config.site.baseURL).basePath
    }

    func t(_ language: String) -> [String: String] {
        strings.strings(for: language)
    }
}
