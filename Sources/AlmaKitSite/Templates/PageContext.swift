import AlmaKitCore
import AlmaKitMarkdown
import Foundation

/// Makes the template context of each kind of page in one language: the
/// layout's shared part (navigation, language switcher, alternates, strings)
/// and what each page adds.
package struct PageContext: Sendable {
    let renderer: SiteRenderer
    package let language: String
    let navigation: Navigation
    /// The language's own `index.md` page, when it has one.
    let homePath: String?
    /// translation key -> language -> output path, stand-ins included: where
    /// the language switcher goes.
    var counterparts: [String: [String: String]] = [:]
    /// Rendered navigation lists, shared by the pages of one language.
    var navigationCache = SharedCache<String>()
    /// The language's strings as templates read them (`{{t.name}}`), made once.
    private let templateStrings: [String: TemplateText]
    private let merchant: MerchantValues

    init(renderer: SiteRenderer, language: String, navigation: Navigation, homePath: String?, counterparts: [String: [String: String]] = [:]) {
        self.renderer = renderer
        self.language = language
        self.navigation = navigation
        self.homePath = homePath
        self.counterparts = counterparts
        templateStrings = renderer.t(language).mapValues(TemplateText.init)
        merchant = MerchantValues(renderer.config)
    }

    private var config: SiteConfig { renderer.config }
    private var languages: [String] { config.site.languages }
    private var t: [String: String] { renderer.t(language) }

    /// Dates in front matter are days as written, whatever the build machine's
    /// time zone; made once, not for every page.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    func guide(_ guide: RenderedGuide) -> GuidePage {
        let page = guide.page
        let key = page.translationKey
        let real = renderer.translations.translations(of: key).mapValues(\.outputPath)
        var context = GuidePage(
            layout: layout(path: page.outputPath, title: page.frontMatter.title, counterparts: counterparts[key] ?? [:], alternates: real),
            description: TemplateText(page.frontMatter.description),
            content: TemplateText(guide.html),
            toc: guide.headings.map { TOCEntry(title: TemplateText($0.title), id: TemplateText($0.id), level: $0.level) })
        if let source = page.fallbackFrom, let original = real[source] {
            let sourceName = renderer.t(source)["language_name"] ?? source
            context.fallbackBanner = TemplateText((t["untranslated_banner"] ?? "").replacingOccurrences(of: "{language}", with: sourceName))
            context.contentLang = TemplateText(source)
            // The text is the original's: that is the page to index.
            context.layout.canonical = TemplateText(renderer.absoluteURL(original))
        }
        let order = navigation.readingOrder
        let folder = SitePaths.folder(of: page.outputPath)
        func link(_ other: Navigation.Item) -> PageLink {
            PageLink(title: TemplateText(other.title), href: TemplateText(SitePaths.relativePath(from: folder, to: other.outputPath)))
        }
        if let position = navigation.positions[page.outputPath] {
            if position > 0 { context.previous = link(order[position - 1]) }
            if position + 1 < order.count { context.next = link(order[position + 1]) }
        } else if page.isHome, let first = order.first {
            context.next = link(first)
        }
        if let updated = page.frontMatter.updated, let date = Self.utcCalendar.date(from: updated) {
            let text = date.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language), timeZone: Self.utcCalendar.timeZone))
            context.updatedText = TemplateText((t["updated_on"] ?? "{date}").replacingOccurrences(of: "{date}", with: text))
        }
        return context
    }

    func generatedHome() -> SimplePage {
        let path = "\(language)/index.html"
        return SimplePage(layout: layout(path: path, title: config.site.title, counterparts: everyLanguage("index.html"), alternates: everyLanguage("index.html")),
                          description: t["home_description"] ?? "")
    }

    /// A checkout page: the one product's `checkout.html`, or a catalogue
    /// product's `checkout/<id>.html`.
    func checkout(_ product: SiteConfig.Product, at name: String) -> PaymentPage {
        var page = payment(name, titleKey: "checkout_title", product: product)
        // The list is the catalogue's checkout.html, which `payment` already links.
        if config.sellsSeveralProducts { page.catalogueURL = page.checkoutURL }
        return page
    }

    /// The page Stripe sends customers back to, whichever product they paid for.
    func returnPage() -> PaymentPage {
        payment(GeneratedPages.returnPage, titleKey: "return_title", product: config.sellsSeveralProducts ? nil : merchant.firstProduct)
    }

    /// - Parameter product: what the page sells; nil for the return page of a catalogue.
    /// - Parameter fromRoot: links from the site's root path, for a page a
    ///   server answers at another address than its own.
    private func payment(_ name: String, titleKey: String, product: SiteConfig.Product?, fromRoot: Bool = false) -> PaymentPage {
        let path = "\(language)/\(name)"
        let folder = SitePaths.folder(of: path)
        let productName = product?.name.text(for: language) ?? ""
        let productDescription = product?.description?.text(for: language)
        return PaymentPage(
            layout: layout(path: path, title: t[titleKey] ?? "", counterparts: everyLanguage(name), alternates: everyLanguage(name), fromRoot: fromRoot),
            description: productDescription ?? (product == nil ? config.site.title : productName),
            stripeJS: merchant.apiVersion.stripeJSURL,
            csp: ContentSecurityPolicy.paymentPages,
            productID: product?.id ?? "",
            productName: productName,
            productDescription: productDescription ?? "",
            amount: product.map { merchant.price(of: $0, in: language) } ?? "",
            checkoutPath: merchant.checkoutRoutes.checkoutPath,
            returnURL: merchant.configuredReturnURL(in: language)
                ?? SitePaths.relativePath(from: folder, to: "\(language)/\(GeneratedPages.returnPage)"),
            checkoutURL: fromRoot ? renderer.basePath + "\(language)/\(GeneratedPages.checkout)"
                : SitePaths.relativePath(from: folder, to: "\(language)/\(GeneratedPages.checkout)"),
            stripeLocale: language)
    }

    /// A catalogue's `checkout.html`: every product, each linking to its page.
    func productList() -> ProductListPage {
        let name = GeneratedPages.checkout
        let folder = SitePaths.folder(of: "\(language)/\(name)")
        let products = config.products.map { product in
            ProductCard(
                id: product.id,
                name: product.name.text(for: language),
                description: product.description?.text(for: language),
                price: merchant.price(of: product, in: language),
                href: SitePaths.relativePath(from: folder, to: "\(language)/\(GeneratedPages.productCheckout(product.id))"),
                image: ProductImages.publishedPath(of: product).map { SitePaths.relativePath(from: folder, to: $0) })
        }
        return ProductListPage(
            layout: layout(path: "\(language)/\(name)", title: t["checkout_title"] ?? "", counterparts: everyLanguage(name), alternates: everyLanguage(name)),
            description: products.map(\.name).joined(separator: ", "),
            stripeJS: merchant.apiVersion.stripeJSURL,
            csp: ContentSecurityPolicy.paymentPages,
            products: products)
    }

    /// A server sends this page in answer to the checkout form's POST, at
    /// the form's address (`/checkout`): its links start from the site's root.
    func paymentError() -> PaymentPage {
        var page = payment(GeneratedPages.paymentError, titleKey: "payment_error_title", product: nil, fromRoot: true)
        page.description = t["payment_error_text"] ?? ""
        return page
    }

    func landing() -> SimplePage {
        SimplePage(layout: layout(path: "index.html", title: config.site.title, counterparts: everyLanguage("index.html"), alternates: [:]),
                   description: t["home_description"] ?? "")
    }

    /// Hosts serve a 404 page at any depth, so its links start from the
    /// site's root instead of from its own folder.
    func notFound(path: String) -> SimplePage {
        SimplePage(layout: layout(path: path, title: t["not_found_title"] ?? "", counterparts: everyLanguage("index.html"), alternates: [:], fromRoot: true),
                   description: t["not_found_text"] ?? "")
    }

    /// `nav-items.html` for pages in `folder` with `openSection` expanded,
    /// rendered once and shared by every page it fits.
    private func navigationHTML(folder: String, fromRoot: Bool, openSection: String?, href: (String) -> String) -> String {
        let key = [language, fromRoot ? "/" : folder, openSection ?? ""].joined(separator: "\u{0}")
        return navigationCache.value(for: key) {
            func item(_ page: Navigation.Item) -> NavigationEntry { NavigationEntry(title: TemplateText(page.title), href: TemplateText(href(page.outputPath))) }
            // Sections other than the reader's show their title only: every
            // page listing every page would make the site grow with its square.
            let nav = navigation.entries.map { entry in
                switch entry {
                case .page(let page):
                    return item(page)
                case .section(let section):
                    let open = section.folder == openSection
                    let target = section.index ?? (open ? nil : section.pages.first)
                    return NavigationEntry(title: TemplateText(section.title), href: target.map { TemplateText(href($0.outputPath)) },
                                           section: NavigationEntry.Section(items: open ? section.pages.map(item) : [], open: open))
                }
            }
            // The tag `{{{nav_html}}}` keeps its own line's newline.
            let html = renderer.templates.render("nav-items.html", NavigationList(nav: nav)) ?? ""
            return html.hasSuffix("\n") ? String(html.dropLast()) : html
        }
    }

    private func everyLanguage(_ name: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: languages.map { ($0, "\($0)/\(name)") })
    }

    /// What every page's layout needs.
    /// - Parameters:
    ///   - counterparts: the same page in each language, where the switcher goes.
    ///   - alternates: the real translations, which `hreflang` may claim.
    ///   - fromRoot: links from the site's root path rather than relative ones.
    private func layout(path: String, title: String, counterparts: [String: String], alternates: [String: String], fromRoot: Bool = false) -> PageLayout {
        let folder = SitePaths.folder(of: path)
        func href(_ target: String) -> String {
            fromRoot ? renderer.basePath + target : SitePaths.relativePath(from: folder, to: target)
        }
        let navHTML = navigationHTML(folder: folder, fromRoot: fromRoot, openSection: navigation.sections[path], href: href)
        // The list is the same for every page of a folder: only the reader's
        // own link differs, marked here rather than rendered again per page.
        let ownHref = HTMLEscaping.templateValue(href(path))
        let markedNav = navHTML.inserting(" aria-current=\"page\"", afterFirst: "<a href=\"\(ownHref)\"")
        let switcher = languages.map { other in
            LanguageLink(code: TemplateText(other),
                         name: TemplateText(renderer.t(other)["language_name"] ?? other),
                         href: TemplateText(href(counterparts[other] ?? "\(other)/index.html")),
                         current: other == language)
        }
        var alternateLinks = alternates.sorted { $0.key < $1.key }.map {
            AlternateLink(hreflang: TemplateText($0.key), href: TemplateText(renderer.absoluteURL($0.value)))
        }
        if alternates.count > 1, let fallback = alternates[languages[0]] ?? languages.lazy.compactMap({ alternates[$0] }).first {
            alternateLinks.append(AlternateLink(hreflang: TemplateText("x-default"), href: TemplateText(renderer.absoluteURL(fallback))))
        }
        return PageLayout(
            lang: TemplateText(language),
            title: TemplateText(title),
            siteTitle: TemplateText(config.site.title),
            merchantName: TemplateText(merchant.merchantName),
            canonical: TemplateText(renderer.absoluteURL(path)),
            alternates: alternateLinks,
            root: TemplateText(fromRoot ? renderer.basePath : String(repeating: "../", count: folder.isEmpty ? 0 : folder.split(separator: "/").count)),
            homeHref: TemplateText(href(homePath ?? "\(language)/index.html")),
            checkoutHref: TemplateText(href("\(language)/\(GeneratedPages.checkout)")),
            navHTML: TemplateText(markedNav),
            languages: switcher,
            testMode: config.isTestMode,
            t: templateStrings,
            assets: AssetPaths(assets: renderer.fingerprintedAssets))
    }
}
