import AlmaKitCore
import AlmaKitMarkdown
import AlmaKitSite
import Foundation

/// What a rebuild can reuse from the previous one, kept in memory by
/// `almakit serve`: each page's syntax tree, by the text it was parsed from,
/// and each page's rendering, by everything it was rendered from.
public final class RenderCache: Sendable {
    private let trees = Locked<[String: (body: String, tree: MarkdownNode, headingIDs: [String])]>([:])
    private let guides = Locked<[String: (key: Int, rendering: GuideRenderer.PageRendering)]>([:])
    private let outputs = Locked<[String: (key: Int, file: OutputFile)]>([:])
    private let pages = Locked<[String: (stamp: FileStamp, page: Page?, diagnostics: [Diagnostic])]>([:])
    private let reused = Locked<Set<String>>([])
    private let generatedFiles = Locked<[String: (key: Int, file: OutputFile)]>([:])
    private let stringsAndTemplates = Locked<(key: Int, value: StringsAndTemplates)?>(nil)

    typealias StringsAndTemplates = (strings: StringsCatalogue, templates: TemplateSet, diagnostics: Diagnostics)

    public init() {}

    /// A page's syntax tree and heading ids, parsed again only when its text changed.
    package func parsed(_ page: Page, parse: (String) -> MarkdownNode) -> (tree: MarkdownNode, headingIDs: [String]) {
        let id = Self.id(of: page)
        if let cached = trees.withLock({ $0[id] }), cached.body == page.body { return (cached.tree, cached.headingIDs) }
        let tree = parse(page.body)
        let ids = HeadingIDs.ids(for: tree)
        trees.withLock { $0[id] = (page.body, tree, ids) }
        return (tree, ids)
    }

    /// - Parameter key: a hash of the page and of everything else its HTML depends on.
    package func guide(for page: Page, key: Int, render: () -> GuideRenderer.PageRendering) -> GuideRenderer.PageRendering {
        let id = Self.id(of: page)
        if let cached = guides.withLock({ $0[id] }), cached.key == key {
            // The HTML is the same; the page's other fields (its title, which
            // the navigation shows) may have changed since.
            var rendering = cached.rendering
            rendering.guide.page = page
            return rendering
        }
        let rendering = render()
        guides.withLock { $0[id] = (key, rendering) }
        return rendering
    }

    /// A page file read before and not touched since: its page and problems.
    package func page(at path: String, stamp: FileStamp, read: () -> (Page?, [Diagnostic])) -> (Page?, [Diagnostic]) {
        if let cached = pages.withLock({ $0[path] }), cached.stamp == stamp { return (cached.page, cached.diagnostics) }
        let (page, diagnostics) = read()
        pages.withLock { $0[path] = (stamp, page, diagnostics) }
        return (page, diagnostics)
    }

    /// An output file rendered from the same inputs before; nil to render it.
    package func output(at path: String, key: Int, render: () -> OutputFile?) -> OutputFile? {
        if let cached = outputs.withLock({ $0[path] }), cached.key == key {
            reused.withLock { _ = $0.insert(path) }
            return cached.file
        }
        let file = render()
        if let file { outputs.withLock { $0[path] = (key, file) } }
        return file
    }

    /// A generated file rendered from the same inputs before; nil to render it.
    /// Kept apart from the guides' pages, whose reuse `reusedOutputs` reports.
    package func generated(at id: String, key: Int, render: () -> OutputFile?) -> OutputFile? {
        if let cached = generatedFiles.withLock({ $0[id] }), cached.key == key { return cached.file }
        let file = render()
        if let file { generatedFiles.withLock { $0[id] = (key, file) } }
        return file
    }

    /// The strings and templates read before, while none of the files they
    /// are read from (`Templates/`, `Content/strings/`) changed: parsing and
    /// checking every template is most of a small site's rebuild in `serve`.
    func stringsAndTemplates(project: URL, languages: [String], load: () -> StringsAndTemplates) -> StringsAndTemplates {
        var hasher = Hasher()
        hasher.combine(languages)
        for folder in [project.appending(path: "Templates"), project.appending(path: StringsCatalogue.folder)] {
            for name in ProjectFiles.list(in: folder) {
                hasher.combine(folder.path + "/" + name)
                hasher.combine(FileStamp(of: folder.appending(path: name)))
            }
        }
        let key = hasher.finalize()
        if let cached = stringsAndTemplates.withLock({ $0 }), cached.key == key { return cached.value }
        let value = load()
        stringsAndTemplates.withLock { $0 = (key, value) }
        return value
    }

    /// A page's key in the caches: its file, in the language it is shown in
    /// (a stand-in shares its source's file).
    private static func id(of page: Page) -> String {
        page.language + "\u{0}" + page.sourcePath
    }

    /// Starts a build: no output reused yet.
    func beginBuild() {
        reused.withLock { $0.removeAll() }
    }

    /// Outputs the last build took unchanged from an earlier one: they were
    /// scanned for secrets when first made.
    var reusedOutputs: Set<String> { reused.withLock { $0 } }
}

extension RenderCache: PageReadCache, GuideRenderCache, OutputRenderCache {}
