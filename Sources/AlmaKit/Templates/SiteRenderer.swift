import Foundation

/// Fills the templates for every page of the site. It only composes text;
/// `SiteBuilder` decides what happens to it.
struct SiteRenderer {
    let config: SiteConfig
    let templates: TemplateSet
    let strings: StringsCatalogue

    func render(_ guides: [RenderedGuide], into diagnostics: inout Diagnostics) -> [OutputFile] {
        var files: [OutputFile] = []
        func add(_ path: String, template: String, _ context: [String: Any]) {
            guard let text = templates.render(template, context) else {
                diagnostics.append(.error(at: SourceLocation(file: "Templates/\(template)"), "the template '\(template)' does not exist", hint: "restore it, or remove the project's override that refers to it"))
                return
            }
            files.append(OutputFile(path: path, contents: text))
        }

        let published = guides.filter { !$0.page.frontMatter.draft }
        for language in config.site.languages {
            let own = Navigation.sorted(published.filter { $0.page.language == language })
            for guide in own {
                add(guide.page.outputPath, template: "page.html", guideContext(guide, siblings: own, all: published))
            }
            if !own.contains(where: \.page.isHome) {
                add("\(language)/index.html", template: "home.html", homeContext(language, pages: own, all: published))
            }
            add("\(language)/\(GeneratedPages.checkout)", template: "checkout.html",
                paymentPageContext(language, path: "\(language)/\(GeneratedPages.checkout)", pages: own, all: published, titleKey: "checkout_title"))
            add("\(language)/\(GeneratedPages.returnPage)", template: "return.html",
                paymentPageContext(language, path: "\(language)/\(GeneratedPages.returnPage)", pages: own, all: published, titleKey: "return_title"))
        }
        add("index.html", template: "landing.html", landingContext(path: "index.html"))
        add("404.html", template: "404.html", landingContext(path: "404.html"))
        add("client.js", template: "client.js", clientScriptContext())
        add("assets/site.css", template: "assets/site.css", [:])
        add("assets/favicon.svg", template: "assets/favicon.svg", [:])
        add("sitemap.xml", template: "sitemap.xml", sitemapContext(published))
        let servers = ServerCode(config: config, templates: templates)
        for language in config.server.languages {
            let context = servers.context(for: language)
            for file in servers.templateNames(for: language) {
                add(file.output, template: file.template, context)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    // MARK: - Contexts

    private func guideContext(_ guide: RenderedGuide, siblings: [RenderedGuide], all: [RenderedGuide]) -> [String: Any] {
        var context = layoutContext(guide.page.language, path: guide.page.outputPath, title: guide.page.frontMatter.title, pages: siblings, all: all, sourceKey: guide.page.sourceKey)
        context["description"] = guide.page.frontMatter.description
        context["content"] = guide.html
        return context
    }

    private func homeContext(_ language: String, pages: [RenderedGuide], all: [RenderedGuide]) -> [String: Any] {
        let path = "\(language)/index.html"
        var context = layoutContext(language, path: path, title: config.site.title, pages: pages, all: all, sourceKey: "index")
        context["description"] = t(language)["home_description"] ?? ""
        return context
    }

    private func paymentPageContext(_ language: String, path: String, pages: [RenderedGuide], all: [RenderedGuide], titleKey: String) -> [String: Any] {
        let merchant = config.merchant
        var context = layoutContext(language, path: path, title: t(language)[titleKey] ?? "", pages: pages, all: all, sourceKey: nil)
        context["stripe_js"] = config.stripe.apiVersion.stripeJSURL
        context["csp"] = ContentSecurityPolicy.paymentPages
        context["merchant_name"] = merchant.name
        context["product_name"] = merchant.product.name.text(for: language)
        context["product_description"] = merchant.product.description?.text(for: language) ?? ""
        context["amount"] = MoneyFormatter().format(minorUnits: merchant.amount, currency: merchant.currency, language: language)
        context["return_url"] = merchant.returnURL ?? GeneratedPages.returnPage
        context["checkout_url"] = GeneratedPages.checkout
        context["stripe_locale"] = language
        context["description"] = merchant.product.description?.text(for: language) ?? merchant.product.name.text(for: language)
        return context
    }

    private func landingContext(path: String) -> [String: Any] {
        let language = config.defaultLanguage
        var context = layoutContext(language, path: path, title: config.site.title, pages: [], all: [], sourceKey: "index")
        context["description"] = t(language)["home_description"] ?? ""
        return context
    }

    private func clientScriptContext() -> [String: Any] {
        [
            "publishable_key_js": JavaScriptLiteral.string(config.merchant.publishableKey),
            "client_secret_path_js": JavaScriptLiteral.string(config.server.clientSecretPath),
            "payment_method_type_js": JavaScriptLiteral.string(PaymentMethodRules.alma.stripeType),
        ]
    }

    private func sitemapContext(_ guides: [RenderedGuide]) -> [String: Any] {
        var paths = ["index.html"]
        for language in config.site.languages {
            let own = guides.filter { $0.page.language == language }
            if !own.contains(where: \.page.isHome) { paths.append("\(language)/index.html") }
            paths += own.map(\.page.outputPath)
            paths.append("\(language)/\(GeneratedPages.checkout)")
        }
        return ["urls": paths.sorted().map { ["loc": absoluteURL($0)] }]
    }

    /// What every page's layout needs: language, navigation, language switcher, strings.
    private func layoutContext(_ language: String, path: String, title: String, pages: [RenderedGuide], all: [RenderedGuide], sourceKey: String?) -> [String: Any] {
        let folder = LinkResolver.folder(of: path)
        func href(_ target: String) -> String { LinkResolver.relativePath(from: folder, to: target) }
        let homePath = pages.first(where: \.page.isHome)?.page.outputPath ?? "\(language)/index.html"
        let navigation: [[String: Any]] = pages.filter { !$0.page.isHome }.map { guide in
            ["title": guide.page.frontMatter.title, "href": href(guide.page.outputPath), "current": guide.page.outputPath == path]
        }
        let switcher: [[String: Any]] = config.site.languages.map { other in
            let counterpart = all.first { $0.page.language == other && $0.page.sourceKey == sourceKey }?.page.outputPath
            let target = counterpart ?? samePageInLanguage(path, from: language, to: other)
            return [
                "code": other,
                "name": t(other)["language_name"] ?? other,
                "href": href(target),
                "current": other == language,
            ]
        }
        return [
            "lang": language,
            "title": title,
            "site_title": config.site.title,
            "merchant_name": config.merchant.name,
            "canonical": absoluteURL(path),
            "root": String(repeating: "../", count: folder.isEmpty ? 0 : folder.split(separator: "/").count),
            "home_href": href(homePath),
            "checkout_href": href("\(language)/\(GeneratedPages.checkout)"),
            "nav": navigation,
            "languages": switcher,
            "has_languages": config.site.languages.count > 1,
            "test_mode": config.isTestMode,
            "t": t(language),
        ]
    }

    /// The generated pages exist in every language; anything else falls back to that language's home.
    private func samePageInLanguage(_ path: String, from language: String, to other: String) -> String {
        let name = path.dropFirst(language.count + 1)
        if GeneratedPages.reservedNames.contains(String(name)) { return "\(other)/\(name)" }
        return "\(other)/index.html"
    }

    private func absoluteURL(_ path: String) -> String {
        let base = config.site.baseURL.hasSuffix("/") ? String(config.site.baseURL.dropLast()) : config.site.baseURL
        return "\(base)/\(path)"
    }

    private func t(_ language: String) -> [String: String] {
        strings.strings(for: language)
    }
}
