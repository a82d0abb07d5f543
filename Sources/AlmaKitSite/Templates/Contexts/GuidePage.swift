import AlmaKitCore
import Mustache

/// `page.html`: a guide, its table of contents and its neighbours in reading order.
struct GuidePage: LayoutPage, TypedTemplateContext {
    enum Key: String, CaseIterable {
        case description, content, toc, previous, next
        case contentLang = "content_lang"
        case fallbackBanner = "fallback_banner"
        case hasTOC = "has_toc"
        case updatedText = "updated_text"
    }

    var layout: PageLayout
    var description: TemplateText
    /// The guide's HTML.
    var content: TemplateText
    /// A stand-in for a missing translation: the original's language, and
    /// the banner that says so.
    var contentLang: TemplateText?
    var fallbackBanner: TemplateText?
    var toc: [TOCEntry]
    var previous: PageLink?
    var next: PageLink?
    /// "Updated on …", from the front matter's `updated`.
    var updatedText: TemplateText?

    /// `LayoutPage`'s lookup, written out: the generic one copies the
    /// whole layout for every name the page leaves to it.
    func value(named name: String) -> MustacheValue? {
        guard let key = Key(rawValue: name) else { return layout.value(named: name) }
        return typedValue(of: key)
    }

    func typedValue(of key: Key) -> MustacheValue? {
        switch key {
        case .description: .text(description)
        case .content: .text(content)
        case .contentLang: contentLang.map { .text($0) }
        case .fallbackBanner: fallbackBanner.map { .text($0) }
        case .toc: .list(toc, value: toc)
        // A single heading is the page's own subject: no list for it.
        case .hasTOC: .flag(toc.count > 1)
        case .previous: previous.map { .parent($0) }
        case .next: next.map { .parent($0) }
        case .updatedText: updatedText.map { .text($0) }
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .toc: TOCEntry.shape
        case .previous, .next: PageLink.shape
        default: .value
        }
    }
}

/// A heading in "on this page".
struct TOCEntry: TypedTemplateContext {
    enum Key: String, CaseIterable {
        case title, id, level
    }

    var title: TemplateText
    var id: TemplateText
    var level: Int

    func typedValue(of key: Key) -> MustacheValue? {
        switch key {
        case .title: .text(title)
        case .id: .text(id)
        case .level: .number(level)
        }
    }
}

/// The previous or next guide.
struct PageLink: TypedTemplateContext {
    enum Key: String, CaseIterable {
        case title, href
    }

    var title: TemplateText
    var href: TemplateText

    func typedValue(of key: Key) -> MustacheValue? {
        switch key {
        case .title: .text(title)
        case .href: .text(href)
        }
    }
}
