import AlmaKitCore
import Foundation

/// The guides of one language as readers move through them: top-level pages
/// and sections (one per folder under `Content/<lang>/`), each ordered by
/// front-matter `order`, then title. It keeps titles and paths only, so that
/// every page's context can share it cheaply.
struct Navigation: Sendable {
    struct Item: Sendable, Equatable {
        var title: String
        var outputPath: String
    }

    struct Section: Sendable {
        var folder: String
        var title: String
        /// The folder's own `index.md`, which the section title links to.
        var index: Item?
        var pages: [Item]
    }

    enum Entry: Sendable {
        case page(Item)
        case section(Section)
    }

    let entries: [Entry]
    /// Every page but the home, in reading order: what previous/next follow.
    let readingOrder: [Item]
    /// Output path -> position in `readingOrder`.
    let positions: [String: Int]
    /// Output path -> the folder of the section the page belongs to.
    let sections: [String: String]

    init(_ pages: [Page]) {
        var topLevel: [Page] = []
        var folders: [String: [Page]] = [:]
        for page in pages where !page.isHome {
            let parts = page.sourceKey.split(separator: "/")
            if parts.count == 1 { topLevel.append(page) } else { folders[String(parts[0]), default: []].append(page) }
        }
        func item(_ page: Page) -> Item { Item(title: page.frontMatter.title, outputPath: page.outputPath) }
        var entries: [(order: Int, title: String, entry: Entry)] = topLevel.map {
            ($0.frontMatter.order ?? Int.max, $0.frontMatter.title, .page(item($0)))
        }
        for (folder, sectionPages) in folders {
            let index = sectionPages.first { $0.sourceKey == folder + "/index" }
            let others = Self.sorted(sectionPages.filter { $0.sourceKey != folder + "/index" }).map(item)
            let title = index?.frontMatter.title ?? Self.title(fromFolder: folder)
            let order = index?.frontMatter.order ?? sectionPages.compactMap(\.frontMatter.order).min() ?? Int.max
            entries.append((order, title, .section(Section(folder: folder, title: title, index: index.map(item), pages: others))))
        }
        self.entries = entries.sorted { ($0.order, $0.title) < ($1.order, $1.title) }.map(\.entry)
        let order = self.entries.flatMap { entry -> [Item] in
            switch entry {
            case .page(let item): [item]
            case .section(let section): (section.index.map { [$0] } ?? []) + section.pages
            }
        }
        readingOrder = order
        var sections: [String: String] = [:]
        for case .section(let section) in self.entries {
            for item in (section.index.map { [$0] } ?? []) + section.pages { sections[item.outputPath] = section.folder }
        }
        self.sections = sections
        positions = Dictionary(order.enumerated().map { ($1.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func sorted(_ pages: [Page]) -> [Page] {
        pages.sorted { a, b in
            let left = (a.frontMatter.order ?? Int.max, a.frontMatter.title, a.outputPath)
            let right = (b.frontMatter.order ?? Int.max, b.frontMatter.title, b.outputPath)
            return left < right
        }
    }

    /// `getting-started` -> `Getting started`, for a folder without an index page.
    static func title(fromFolder folder: String) -> String {
        let words = folder.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
