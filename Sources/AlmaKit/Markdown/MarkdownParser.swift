/// Turns Markdown text into a `MarkdownNode` tree with libcmark.
public struct MarkdownParser: Sendable {
    public init() {}

    public func parse(_ markdown: String) -> MarkdownNode {
        CMarkDocument(markdown: markdown).tree()
    }

    /// The anchor ids of `markdown`'s headings, as `HeadingIDs.ids(for:)`
    /// finds them in the whole tree.
    public func headingIDs(_ markdown: String) -> [String] {
        HeadingIDs.ids(forHeadings: CMarkDocument(markdown: markdown).headings())
    }

    /// libcmark's own safe HTML for `markdown`: the reference our renderer is checked against.
    public func referenceHTML(_ markdown: String) -> String {
        CMarkDocument(markdown: markdown).referenceHTML()
    }
}
