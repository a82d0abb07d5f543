/// Renders every guide's Markdown: parses each page once, renders it at once,
/// and checks its links against the whole site, anchors in other pages once
/// every page's headings are known.
struct GuideRenderer {
    let parser = MarkdownParser()
    /// The servers' pieces that `almakit snippet NAME` blocks expand to.
    var snippetGroups: [String: String] = [:]
    /// `{{name}}` values by language.
    var placeholders: [String: Placeholders] = [:]
    var highlight: @Sendable (String, String) -> String? = { _, _ in nil }
    /// Pages on every core; off only to prove that both give the same site.
    var parallel = true
    var progress: BuildProgress?
    var cache: RenderCache?

    /// What every page's links are checked against: the whole site's pages
    /// and anchors. An edit that keeps every page's front matter and heading
    /// ids leaves it as it is.
    struct Site: Sendable {
        fileprivate let index: LinkIndex
        fileprivate let outputs: OutputsByLanguage
        /// A hash of everything besides the page that a page's HTML depends on.
        fileprivate let key: Int
    }

    /// Every guide rendered, and what rendering one again needs.
    struct Rendering: Sendable {
        /// The pages', then the fallbacks', in the order given.
        var guides: [RenderedGuide]
        /// Each guide's problems, in the same order.
        var diagnostics: [[Diagnostic]]
        var site: Site
    }

    /// One page's HTML and its problems, anchors in other pages possibly not checked yet.
    struct PageRendering: Sendable {
        var guide: RenderedGuide
        var problems: LinkResolver.Problems
    }

    /// - Parameters:
    ///   - pages: the site's own pages, drafts included (they are checked, not published).
    ///   - fallbacks: pages standing in for missing translations; their
    ///     problems are their source's, reported once through `pages`.
    ///   - generatedPages: what the build writes besides the guides, that a link may name.
    ///   - files: what it copies from `Content/`, that an image or a link may name.
    func render(_ pages: [Page], fallbacks: [Page] = [], generatedPages: [String], files: [CopiedFile] = []) -> Rendering {
        // Which pages exist is known before any is parsed; their anchors are
        // learnt as they are rendered. Each page's tree is dropped as soon as
        // its HTML is made, instead of waiting for every other page's headings.
        var index = LinkIndex()
        for page in pages { index.addPage(page, headingIDs: []) }
        for page in fallbacks { index.addFallback(page, headingIDs: []) }
        for path in generatedPages { index.addGenerated(path) }
        for file in files { index.addFile(file) }
        let outputs = OutputsByLanguage(pages: (pages + fallbacks).filter { !$0.frontMatter.draft })

        progress?.begin("rendering guides", total: pages.count + fallbacks.count)
        let withoutAnchors = Site(index: index, outputs: outputs, key: cache == nil ? 0 : environmentKey(index))
        let own = Parallel.map(pages, parallel: parallel, progress: progress) { [self] page in
            cached(page, site: withoutAnchors) { render(page, parsed: parse(page), site: withoutAnchors, defersAnchors: true) }
        }

        // A stand-in shows its source's text, so it has its source's anchors.
        var anchorsBySource: [String: [String]] = [:]
        for rendered in own {
            index.addPage(rendered.guide.page, headingIDs: rendered.guide.anchors)
            anchorsBySource[rendered.guide.page.sourcePath] = rendered.guide.anchors
        }
        for page in fallbacks { index.addFallback(page, headingIDs: anchorsBySource[page.sourcePath] ?? []) }
        let site = Site(index: index, outputs: outputs, key: cache == nil ? 0 : environmentKey(index))
        // Stand-ins keep a link's fragment only where their own language's page has it.
        let standIns = Parallel.map(fallbacks, parallel: parallel, progress: progress) { [self] page in
            cached(page, site: site) { render(page, parsed: parse(page), site: site, defersAnchors: false) }
        }
        let all = own + standIns
        return Rendering(guides: all.map(\.guide), diagnostics: all.map { $0.problems.completed(with: index) }, site: site)
    }

    /// One page parsed and rendered again against an earlier rendering's
    /// site, which its new text must not change: nil when its heading ids
    /// are no longer `anchors`, since other pages' links may point at them.
    func render(_ page: Page, keepingAnchors anchors: [String], site: Site) -> (guide: RenderedGuide, diagnostics: [Diagnostic])? {
        let tree = parser.parse(page.body)
        let ids = HeadingIDs.ids(for: tree)
        guard ids == anchors else { return nil }
        let rendered = render(page, parsed: (tree, ids), site: site, defersAnchors: false)
        return (rendered.guide, rendered.problems.completed(with: site.index))
    }

    /// A page's tree and heading ids: from the cache when its text is unchanged.
    private func parse(_ page: Page) -> (tree: MarkdownNode, headingIDs: [String]) {
        if let cache { return cache.parsed(page, parse: parser.parse) }
        let tree = parser.parse(page.body)
        return (tree, HeadingIDs.ids(for: tree))
    }

    private func cached(_ page: Page, site: Site, render: () -> PageRendering) -> PageRendering {
        cache?.guide(for: page, key: Self.cacheKey(page, environment: site.key), render: render) ?? render()
    }

    /// Everything besides the page that a cached page's HTML depends on.
    private func environmentKey(_ index: LinkIndex) -> Int {
        var environment = Hasher()
        index.digest(into: &environment)
        environment.combine(snippetGroups.sorted { $0.key < $1.key }.map { [$0.key, $0.value] })
        environment.combine(placeholders.sorted { $0.key < $1.key }.map { [$0.key] + $0.value.values.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value } })
        return environment.finalize()
    }

    /// Everything about the page that its rendering depends on.
    private static func cacheKey(_ page: Page, environment: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(environment)
        hasher.combineUTF8(page.body)
        hasher.combine(page.language)
        hasher.combine(page.fallbackFrom)
        hasher.combine(page.outputPath)
        hasher.combine(page.bodyLineOffset)
        page.frontMatter.digest(into: &hasher)
        return hasher.finalize()
    }

    /// One page: its links checked and rewritten, its HTML, its problems.
    /// - Parameter defersAnchors: leave anchors in other pages unchecked, for
    ///   `LinkResolver.Problems.completed(with:)`, because `site` does not know them yet.
    private func render(_ page: Page, parsed: (tree: MarkdownNode, headingIDs: [String]), site: Site, defersAnchors: Bool) -> PageRendering {
        let (tree, headingIDs) = parsed
        var resolver = LinkResolver(index: site.index)
        resolver.defersAnchors = defersAnchors
        if let source = page.fallbackFrom {
            resolver.retarget = { site.outputs.counterpart(of: $0, from: source, in: page.language) }
        }
        let links = resolver.resolve(page, tree: tree, headingIDs: Set(headingIDs))
        var problems = LinkResolver.Problems()
        if page.fallbackFrom == nil {
            problems = links.problems
            problems.found += unknownSnippets(in: tree, of: page) + unknownPlaceholders(in: tree, of: page)
        }
        var renderer = HTMLRenderer(linkTargets: links.targets, headingIDs: headingIDs, snippetGroups: snippetGroups)
        renderer.placeholders = placeholders[page.language] ?? Placeholders(values: [:])
        renderer.headingAnchors = true
        renderer.highlight = highlight
        let guide = RenderedGuide(page: page, html: renderer.render(tree), headings: TableOfContents.entries(in: tree, ids: headingIDs), anchors: headingIDs)
        return PageRendering(guide: guide, problems: problems)
    }

    private func unknownPlaceholders(in tree: MarkdownNode, of page: Page) -> [Diagnostic] {
        let known = placeholders[page.language] ?? Placeholders(values: [:])
        var found: [Diagnostic] = []
        func report(_ unknown: Placeholders.Unknown, line: Int, column: Int) {
            found.append(.error(id: "placeholder.unknown",
                at: SourceLocation(file: page.sourcePath, line: line + page.bodyLineOffset, column: column),
                "unknown placeholder '{{\(unknown.name)}}'",
                hint: Suggestion.nearest(to: unknown.name, among: known.values.keys.sorted()).map { "did you mean '{{\($0)}}'?" }
                    ?? "use one of \(known.values.keys.sorted().map { "{{\($0)}}" }.joined(separator: ", "))"))
        }
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .text(let text):
                known.unknown(in: text).forEach { report($0, line: node.line, column: node.column + $0.offset) }
            case .code(let code):
                // The node starts at the opening backtick.
                known.unknown(in: code).forEach { report($0, line: node.line, column: node.column + 1 + $0.offset) }
            case .codeBlock(let info, let literal) where SnippetBlock.name(inInfo: info) == nil:
                // The code starts on the line after the opening fence.
                known.unknown(in: literal).forEach { report($0, line: node.line + 1 + $0.line, column: 1 + $0.offset) }
            default:
                node.children.forEach(visit)
            }
        }
        visit(tree)
        return found
    }

    private func unknownSnippets(in tree: MarkdownNode, of page: Page) -> [Diagnostic] {
        let names = snippetGroups.keys.sorted()
        let unknown = SnippetBlock.blocks(in: tree).filter { snippetGroups[$0.name] == nil }.map { block -> Diagnostic in
            .error(id: "snippet.unknown",
                at: SourceLocation(file: page.sourcePath, line: block.line + page.bodyLineOffset, column: block.column),
                block.name.isEmpty ? "an 'almakit snippet' block names no snippet" : "unknown snippet '\(block.name)'",
                hint: Suggestion.nearest(to: block.name, among: names).map { "did you mean 'almakit snippet \($0)'?" }
                    ?? "name one of \(names.joined(separator: ", ")) after 'almakit snippet'")
        }
        // A typo in the info string would render an empty code block without a word.
        let misspelt = SnippetBlock.misspelt(in: tree).map { block -> Diagnostic in
            let name = block.info.split(separator: " ").last.flatMap { Suggestion.nearest(to: String($0), among: names) } ?? "NAME"
            return .error(id: "snippet.misspelt",
                at: SourceLocation(file: page.sourcePath, line: block.line + page.bodyLineOffset, column: block.column),
                "'\(block.info)' is not a snippet block: write 'almakit snippet NAME'",
                hint: "did you mean '```almakit snippet \(name)'? the info string is two words, then the snippet's name")
        }
        return (unknown + misspelt).sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }
}

/// Where each translation key lives in each language, to move a link from
/// one language's page to another's.
private struct OutputsByLanguage: Sendable {
    private var keyByOutput: [String: String] = [:]
    private var outputByKey: [String: String] = [:]

    init(pages: [Page]) {
        for page in pages {
            keyByOutput[page.outputPath] = page.translationKey
            outputByKey[page.language + "\u{0}" + page.translationKey] = page.outputPath
        }
    }

    /// The same page in `language`; generated pages (`checkout.html`) move
    /// folder; anything else stays as it is.
    func counterpart(of output: String, from source: String, in language: String) -> String {
        if let key = keyByOutput[output], let moved = outputByKey[language + "\u{0}" + key] { return moved }
        if output.hasPrefix(source + "/"), GeneratedPages.reservedNames.contains(String(output.dropFirst(source.count + 1))) {
            return language + output.dropFirst(source.count)
        }
        return output
    }
}
