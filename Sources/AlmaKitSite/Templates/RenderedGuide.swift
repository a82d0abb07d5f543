import AlmaKitCore
import AlmaKitMarkdown

/// A guide page whose Markdown has been turned into HTML.
public struct RenderedGuide: Sendable {
    public var page: Page
    public var html: String
    /// Its second- and third-level headings, for "on this page".
    public var headings: [TableOfContents.Entry] = []
    /// Every heading's id, which links from other pages may point at: a set,
    /// made once on the core that renders the page, for its own links'
    /// check and then the site's link index.
    public var anchors: Set<String> = []
    /// The key its HTML was cached under (`almakit serve`): equal keys, equal
    /// HTML, so the filled page's key takes it rather than hashing the HTML.
    var renderingKey: Int? = nil
}
