import AlmaKitCore
import AlmaKitMarkdown

// What the renderers ask of the caches `almakit serve` keeps between builds.
// The caches themselves belong to the build, in AlmaKit: the renderers see
// only these protocols, so this layer never names the build's types.

/// Pages read before, by file (`ContentLoader`).
package protocol PageReadCache: Sendable {
    /// The page and problems of the file at `path`, read again only when `stamp` changed.
    func page(at path: String, stamp: FileStamp, read: () -> (Page?, [Diagnostic])) -> (Page?, [Diagnostic])
}

/// Syntax trees and guides' HTML of earlier builds (`GuideRenderer`).
package protocol GuideRenderCache: Sendable {
    /// A page's syntax tree and heading ids, parsed again only when its text changed.
    func parsed(_ page: Page, parse: (String) -> MarkdownNode) -> (tree: MarkdownNode, headingIDs: [String])
    /// A page's rendering, rendered again only when `key` changed.
    func guide(for page: Page, key: Int, render: () -> GuideRenderer.PageRendering) -> GuideRenderer.PageRendering
}

/// Filled pages of earlier builds (`SiteRenderer`).
package protocol OutputRenderCache: Sendable {
    /// The file at `path`, rendered again only when `key` changed; nil when it renders to nothing.
    func output(at path: String, key: Int, render: () -> OutputFile?) -> OutputFile?
    /// A generated file (sitemap, checkout, a server's file) under `id`, rendered again only when `key` changed.
    func generated(at id: String, key: Int, render: () -> OutputFile?) -> OutputFile?
}
