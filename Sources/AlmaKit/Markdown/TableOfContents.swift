/// The "on this page" list: the second- and third-level headings of a guide,
/// with the ids `HeadingIDs` gave them.
public enum TableOfContents {
    public struct Entry: Sendable, Equatable {
        public var level: Int
        public var title: String
        public var id: String
    }

    static func entries(in document: MarkdownNode, ids: [String]) -> [Entry] {
        var entries: [Entry] = []
        var position = 0
        func visit(_ node: MarkdownNode) {
            if case .heading(let level) = node.kind {
                if (2...3).contains(level), position < ids.count {
                    entries.append(Entry(level: level, title: node.plainText, id: ids[position]))
                }
                position += 1
                return
            }
            node.children.forEach(visit)
        }
        visit(document)
        return entries
    }
}
