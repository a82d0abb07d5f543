import AlmaKitCore

/// `nav-items.html`: the guides of one language, top-level pages and
/// sections, rendered once per folder and shared by its pages.
struct NavigationList: TemplateContext {
    enum Key: String, CaseIterable {
        case nav
    }

    var nav: [NavigationEntry]

    func value(of key: Key) -> Any? {
        switch key {
        case .nav: nav
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .nav: NavigationEntry.shape
        }
    }
}

/// A page, or a section with its pages (themselves entries without a section).
struct NavigationEntry: TemplateContext {
    enum Key: String, CaseIterable {
        case title, href, items, open
        case isSection = "is_section"
    }

    struct Section {
        /// Its pages: listed for the reader's own section only.
        var items: [NavigationEntry]
        var open: Bool
    }

    var title: String
    /// A section without an index page, when open, links nowhere.
    var href: String?
    var section: Section?

    func value(of key: Key) -> Any? {
        switch key {
        case .title: title
        case .href: href
        case .isSection: section != nil
        case .items: section?.items
        case .open: section?.open
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
