import Synchronization

/// What a rebuild can reuse from the previous one, kept in memory by
/// `almakit serve`: each page's syntax tree, by the text it was parsed from,
/// and each page's rendering, by everything it was rendered from.
public final class RenderCache: Sendable {
    private let trees = Mutex<[String: (body: String, tree: MarkdownNode)]>([:])
    private let guides = Mutex<[String: (key: Int, guide: RenderedGuide, diagnostics: [Diagnostic])]>([:])

    public init() {}

    func tree(for page: Page, parse: (String) -> MarkdownNode) -> MarkdownNode {
        let id = page.language + "\u{0}" + page.sourcePath
        if let cached = trees.withLock({ $0[id] }), cached.body == page.body { return cached.tree }
        let tree = parse(page.body)
        trees.withLock { $0[id] = (page.body, tree) }
        return tree
    }

    /// - Parameter key: a hash of the page and of everything else its HTML depends on.
    func guide(for page: Page, key: Int, render: () -> (RenderedGuide, [Diagnostic])) -> (RenderedGuide, [Diagnostic]) {
        let id = page.language + "\u{0}" + page.sourcePath
        if let cached = guides.withLock({ $0[id] }), cached.key == key { return (cached.guide, cached.diagnostics) }
        let (guide, diagnostics) = render()
        guides.withLock { $0[id] = (key, guide, diagnostics) }
        return (guide, diagnostics)
    }
}
