import AlmaKitCore

/// The "on this page" list: the second- and third-level headings of a guide,
/// with the ids `HeadingIDs` gave them.
public enum TableOfContents {
    public struct Entry: Sendable, Equatable {
        public var level: Int
        public var title: String
        public var id: String
    }

    package static func entries(in document: MarkdownNode, ids: [String]) -> [Entry] {
        var entries: [Entry] = []
        for (position, heading) in HeadingIDs.headings(in: document).enumerated() {
            guard case .heading(let level) = heading.kind, (2...3).contains(level), position < ids.count else { continue }
            entries.append(Entry(level: level, title: heading.plainText, id: ids[position]))
        }
        return entries
    }
}
