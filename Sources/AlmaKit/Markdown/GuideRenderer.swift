/// Renders every guide's Markdown: parses each page once, learns all
/// headings, then checks and rewrites each page's links against the whole site.
struct GuideRenderer {
    let parser = MarkdownParser()
    /// The servers' pieces that `almakit snippet NAME` blocks expand to.
    var snippetGroups: [String: String] = [:]

    func render(_ pages: [Page], generatedPages: [String], into diagnostics: inout Diagnostics) -> [RenderedGuide] {
        let trees = pages.map { parser.parse($0.body) }
        let headingIDs = trees.map(HeadingIDs.ids(for:))

        var index = LinkIndex()
        for (page, ids) in zip(pages, headingIDs) { index.addPage(page, headingIDs: ids) }
        for path in generatedPages { index.addGenerated(path) }

        let resolver = LinkResolver(index: index)
        var rendered: [RenderedGuide] = []
        for (position, page) in pages.enumerated() {
            let links = resolver.resolve(page, tree: trees[position], headingIDs: Set(headingIDs[position]))
            diagnostics.append(contentsOf: links.diagnostics)
            diagnostics.append(contentsOf: unknownSnippets(in: trees[position], of: page))
            let renderer = HTMLRenderer(linkTargets: links.targets, headingIDs: headingIDs[position], snippetGroups: snippetGroups)
            rendered.append(RenderedGuide(page: page, html: renderer.render(trees[position])))
        }
        return rendered
    }

    private func unknownSnippets(in tree: MarkdownNode, of page: Page) -> [Diagnostic] {
        SnippetBlock.blocks(in: tree).filter { snippetGroups[$0.name] == nil }.map { block in
            .error(
                at: SourceLocation(file: page.sourcePath, line: block.line + page.bodyLineOffset, column: block.column),
                block.name.isEmpty ? "an 'almakit snippet' block names no snippet" : "unknown snippet '\(block.name)'",
                hint: "name one of \(snippetGroups.keys.sorted().joined(separator: ", ")) after 'almakit snippet'")
        }
    }
}
