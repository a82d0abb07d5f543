import AlmaKitCore

/// Turns Markdown text into a `MarkdownNode` tree with libcmark.
public struct MarkdownParser: Sendable {
    public init() {}

    public func parse(_ markdown: String) -> MarkdownNode {
        CMarkDocument(markdown: markdown).tree()
    }

    /// libcmark's own safe HTML for `markdown`: the reference our renderer is checked against.
    public func referenceHTML(_ markdown: String) -> String {
        CMarkDocument(markdown: markdown).referenceHTML()
    }
}
