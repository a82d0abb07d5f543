/// Renders every guide's Markdown: parses each page once, learns all
/// headings, then checks and rewrites each page's links against the whole site.
struct GuideRenderer {
    let parser = MarkdownParser()

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
            let renderer = HTMLRenderer(linkTargets: links.targets, headingIDs: headingIDs[position])
            rendered.append(RenderedGuide(page: page, html: renderer.render(trees[position])))
        }
        return rendered
    }
}
