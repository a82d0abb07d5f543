import AlmaKitCore
import Mustache

/// What every page's layout reads: the page's language and address, the
/// site's navigation, the language switcher and the strings.
struct PageLayout: TypedTemplateContext {
    enum Key: String, CaseIterable {
        case lang, title, canonical, alternates, root, languages, t, assets
        case siteTitle = "site_title"
        case merchantName = "merchant_name"
        case homeHref = "home_href"
        case checkoutHref = "checkout_href"
        case navHTML = "nav_html"
        case hasLanguages = "has_languages"
        case testMode = "test_mode"
    }

    var lang: TemplateText
    var title: TemplateText
    var siteTitle: TemplateText
    var merchantName: TemplateText
    /// The page indexed for this text: a stand-in for a missing translation names the original.
    var canonical: TemplateText
    /// `hreflang` links to the page's real translations.
    var alternates: [AlternateLink]
    /// From the page's folder to the site's root: `../`, or the root path on 404 pages.
    var root: TemplateText
    var homeHref: TemplateText
    var checkoutHref: TemplateText
    /// The rendered `nav-items.html`, the reader's own link marked.
    var navHTML: TemplateText
    /// The switcher: this page in every language of the site.
    var languages: [LanguageLink]
    var testMode: Bool
    /// The language's strings, made once per language.
    var t: [String: TemplateText]
    /// Where the stylesheet and scripts are loaded from, relative to `root`.
    var assets: AssetPaths

    func typedValue(of key: Key) -> MustacheValue? {
        switch key {
        case .lang: .text(lang)
        case .title: .text(title)
        case .siteTitle: .text(siteTitle)
        case .merchantName: .text(merchantName)
        case .canonical: .text(canonical)
        case .alternates: .list(alternates, value: alternates)
        case .root: .text(root)
        case .homeHref: .text(homeHref)
        case .checkoutHref: .text(checkoutHref)
        case .navHTML: .text(navHTML)
        case .languages: .list(languages, value: languages)
        case .hasLanguages: .flag(languages.count > 1)
        case .testMode: .flag(testMode)
        case .t: .parent(t)
        case .assets: .parent(assets)
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .alternates: AlternateLink.shape
        case .languages: LanguageLink.shape
        case .t: .strings
        case .assets: AssetPaths.shape
        default: .value
        }
    }
}

/// A translation of a page, for `<link rel="alternate" hreflang>` and the sitemap.
struct AlternateLink: TypedTemplateContext {
    enum Key: String, CaseIterable {
        case hreflang, href
    }

    var hreflang: TemplateText
    var href: TemplateText

    func typedValue(of key: Key) -> MustacheValue? {
        switch key {
        case .hreflang: .text(hreflang)
        case .href: .text(href)
        }
    }
}

/// One language in the switcher.
struct LanguageLink: TypedTemplateContext {
    enum Key: String, CaseIterable {
        case code, name, href, current
    }

    var code: TemplateText
    /// The language's name in that language (`language_name` of its strings).
    var name: TemplateText
    var href: TemplateText
    /// The page's own language.
    var current: Bool

    func typedValue(of key: Key) -> MustacheValue? {
        switch key {
        case .code: .text(code)
        case .name: .text(name)
        case .href: .text(href)
        case .current: .flag(current)
        }
    }
}
