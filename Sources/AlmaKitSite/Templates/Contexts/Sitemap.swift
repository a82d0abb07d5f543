import AlmaKitCore

/// `sitemap.xml`: every real page with its translations.
struct Sitemap: TemplateContext {
    enum Key: String, CaseIterable {
        case urls
    }

    var urls: [SitemapURL]

    func value(of key: Key) -> Any? {
        switch key {
        case .urls: urls
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .urls: SitemapURL.shape
        }
    }
}

struct SitemapURL: TemplateContext {
    enum Key: String, CaseIterable {
        case loc, alternates
    }

    var loc: TemplateText
    /// Empty for a page without translations.
    var alternates: [AlternateLink]

    func value(of key: Key) -> Any? {
        switch key {
        case .loc: loc
        case .alternates: alternates
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .alternates: AlternateLink.shape
        default: .value
        }
    }
}
