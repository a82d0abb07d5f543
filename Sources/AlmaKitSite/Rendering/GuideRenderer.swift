import AlmaKitCore
import AlmaKitMarkdown

/// Renders guides' Markdown one page at a time: parses the page, renders it
/// at once, and checks its links against the whole site, anchors in other
/// pages once every page's headings are known (`problems(of:in:)`).
package struct GuideRenderer: Sendable {
    let parser = MarkdownParser()
    /// The servers' pieces that `almakit snippet NAME` blocks expand to.
    var snippetGroups: [String: String] = [:]
    /// `{{name}}` values by language.
    package var placeholders: [String: Placeholders] = [:]
    package var highlight: @Sendable (String, String) -> String? = { _, _ in nil }
    /// Parsed and rendered pages of earlier builds (`almakit serve`).
    package var cache: (any GuideRenderCache)?
    /// Where each page's text is read from when it is rendered.
    package var bodies = PageBodies.kept

    package init(snippetGroups: [String: String] = [:]) {
        self.snippetGroups = snippetGroups
    }

    /// What every page's links are checked against: the whole site's pages
    /// and anchors. An edit that keeps every page's front matter and heading
    /// ids leaves it as it is.
    package struct Site: Sendable {
        fileprivate let index: LinkIndex
        fileprivate let outputs: OutputsByLanguage
        /// A hash of everything besides the page that a page's HTML depends on.
        fileprivate let key: Int
    }

    /// One page's HTML and its problems, anchors in other pages possibly not checked yet.
    package struct PageRendering: Sendable {
        package var guide: RenderedGuide
        var problems: LinkResolver.Problems
    }

    /// What a guide leaves behind once its page is written: no HTML, only
    /// what other pages and the report need.
    package struct Summary: Sendable {
        package var page: Page
        /// Its heading ids, which links from other pages may point at.
        var anchors: Set<String>
        var problems: LinkResolver.Problems

        package init(_ rendering: PageRendering) {
            page = rendering.guide.page
            anchors = rendering.guide.anchors
            problems = rendering.problems
        }
    }

    /// The site as links see it before any page is parsed: which pages and
    /// files exist. Their anchors are learnt as the pages are rendered.
    /// - Parameters:
    ///   - pages: the site's own pages, drafts included (they are checked, not published).
    ///   - fallbacks: pages standing in for missing translations.
    ///   - generatedPages: what the build writes besides the guides, that a link may name.
    ///   - files: what it copies from `Content/`, that an image or a link may name.
    package func site(pages: [Page], fallbacks: [Page], generatedPages: [String], files: [CopiedFile]) -> Site {
        var index = LinkIndex()
        for page in pages { index.addPage(page) }
        for page in fallbacks { index.addFallback(page) }
        for path in generatedPages { index.addGenerated(path) }
        for file in files { index.addFile(file) }
        let outputs = OutputsByLanguage(pages: (pages + fallbacks).filter { !$0.frontMatter.draft })
        return Site(index: index, outputs: outputs, key: cache == nil ? 0 : environmentKey(index))
    }

    /// `site` with the anchors of the pages rendered: a stand-in shows its
    /// source's text, so it has its source's anchors.
    package func site(_ site: Site, adding rendered: [Summary], fallbacks: [Page]) -> Site {
        var index = site.index
        for guide in rendered { index.setAnchors(guide.anchors, of: guide.page) }
        if !fallbacks.isEmpty {
            let anchorsBySource = Dictionary(rendered.map { ($0.page.sourcePath, $0.anchors) }, uniquingKeysWith: { _, last in last })
            for page in fallbacks { index.setAnchors(anchorsBySource[page.sourcePath] ?? [], of: page) }
        }
        return Site(index: index, outputs: site.outputs, key: cache == nil ? 0 : environmentKey(index))
    }

    /// One page rendered against `site`.
    /// - Parameter defersAnchors: leave anchors in other pages unchecked, for
    ///   `problems(of:in:)`, because `site` does not know them yet. A stand-in
    ///   keeps a link's fragment only where its own language's page has it, so
    ///   it is rendered once every page's anchors are known.
    package func render(_ page: Page, site: Site, defersAnchors: Bool) -> PageRendering {
        cached(page, site: site) {
            var unreadable = Diagnostics()
            var rendering = render(page, parsed: parse(page, into: &unreadable), site: site, defersAnchors: defersAnchors)
            // A stand-in's file is its source's, whose own rendering reports it.
            if page.fallbackFrom == nil { rendering.problems.found += unreadable.all }
            return rendering
        }
    }

    /// Every problem of a rendered page, its links to other pages' anchors
    /// checked against `site`, which must know every page's anchors.
    package func problems(of guide: Summary, in site: Site) -> [Diagnostic] {
        guide.problems.completed(with: site.index)
    }

    /// A page's tree and heading ids: from the cache when its text is unchanged.
    private func parse(_ page: Page, into problems: inout Diagnostics) -> (tree: MarkdownNode, headingIDs: [String]) {
        if let cache { return cache.parsed(page, parse: parser.parse) }
        let tree = parser.parse(bodies.body(of: page, into: &problems))
        return (tree, HeadingIDs.ids(for: tree))
    }

    private func cached(_ page: Page, site: Site, render: () -> PageRendering) -> PageRendering {
        guard let cache else { return render() }
        let key = Self.cacheKey(page, environment: site.key)
        var rendering = cache.guide(for: page, key: key, render: render)
        rendering.guide.renderingKey = key
        return rendering
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
        if let digest = page.bodyDigest { hasher.combine(digest) } else { hasher.combineUTF8(page.body) }
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
        let anchors = Set(headingIDs)
        let links = resolver.resolve(page, tree: tree, headingIDs: anchors)
        var problems = LinkResolver.Problems()
        if page.fallbackFrom == nil {
            problems = links.problems
            problems.found += unknownSnippets(in: tree, of: page) + unknownPlaceholders(in: tree, of: page)
        }
        var renderer = HTMLRenderer(linkTargets: links.targets, headingIDs: headingIDs, snippetGroups: snippetGroups)
        renderer.placeholders = placeholders[page.language] ?? Placeholders(values: [:])
        renderer.headingAnchors = true
        renderer.highlight = highlight
        let guide = RenderedGuide(page: page, html: renderer.render(tree), headings: TableOfContents.entries(in: tree, ids: headingIDs), anchors: anchors)
        return PageRendering(guide: guide, problems: problems)
    }

    private func unknownPlaceholders(in tree: MarkdownNode, of page: Page) -> [Diagnostic] {
        let known = placeholders[page.language] ?? Placeholders(values: [:])
        var found: [Diagnostic] = []
        func report(_ unknown: Placeholders.Unknown, line: Int, column: Int) {
            let location = SourceLocation(file: page.sourcePath, line: line + page.bodyLineOffset, column: column)
            if let (field, id) = MerchantPlaceholders.productReference(unknown.name) {
                let ids = known.values.keys.compactMap { MerchantPlaceholders.productReference($0) }.filter { $0.field == field }.map(\.id).sorted()
                found.append(.error(id: "placeholder.unknown-product", at: location,
                    "'{{\(unknown.name)}}' names a product the configuration does not sell: '\(id)'",
                    hint: Suggestion.nearest(to: id, among: ids).map { "did you mean '{{\(field).\($0)}}'?" }
                        ?? "the products' ids: \(ids.joined(separator: ", "))"))
                return
            }
            found.append(.error(id: "placeholder.unknown",
                at: location,
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
        if output.hasPrefix(source + "/"), GeneratedPages.isReserved(String(output.dropFirst(source.count + 1))) {
            return language + output.dropFirst(source.count)
        }
        return output
    }
}
