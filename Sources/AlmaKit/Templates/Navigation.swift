/// The order pages appear in: front-matter `order` first, then by title.
enum Navigation {
    static func sorted(_ guides: [RenderedGuide]) -> [RenderedGuide] {
        guides.sorted { a, b in
            let left = (a.page.frontMatter.order ?? Int.max, a.page.frontMatter.title, a.page.outputPath)
            let right = (b.page.frontMatter.order ?? Int.max, b.page.frontMatter.title, b.page.outputPath)
            return left < right
        }
    }
}
