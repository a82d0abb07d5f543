import AlmaKitCore
import Mustache

/// `nav-items.html`: the guides of one language, top-level pages and
/// sections, rendered once per folder and shared by its pages. Typed
/// values: a list of a site's every section and the reader's section's
/// pages, read as `Any`, took a millisecond of casts per render.
struct NavigationList: TypedTemplateContext {
    enum Key: String, CaseIterable {
        case nav
    }

    var nav: [NavigationEntry]

    func typedValue(of key: Key) -> MustacheValue? {
        switch key {
        case .nav: .list(nav, value: nav)
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .nav: NavigationEntry.shape
        }
    }
}

/// A page, or a section with its pages (themselves entries without a section).
struct NavigationEntry: TypedTemplateContext {
    enum Key: String, CaseIterable {
        case title, href, items, open
        case isSection = "is_section"
    }

    struct Section {
        /// Its pages: listed for the reader's own section only.
        var items: [NavigationEntry]
        var open: Bool
    }

    var title: TemplateText
    /// A section without an index page, when open, links nowhere.
    var href: TemplateText?
    var section: Section?

    func typedValue(of key: Key) -> MustacheValue? {
        switch key {
        case .title: .text(title)
        case .href: href.map { .text($0) }
        case .isSection: .flag(section != nil)
        case .items: section.map { .list($0.items, value: $0.items) }
        case .open: section.map { .flag($0.open) }
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        // The section's pages: entries whose own names are all plain values.
        case .items: .names(Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, .value) }))
        default: .value
        }
    }
}
