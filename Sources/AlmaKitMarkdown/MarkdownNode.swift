import AlmaKitCore

/// A CommonMark syntax tree as Swift values, copied out of libcmark so that
/// nothing outside `Markdown/` handles C pointers.
///
/// A class, not a struct: a page's tree is walked six times (links, ids,
/// placeholders, snippets, contents, HTML) and never changed, and a struct
/// node is copied field by field at every step of a walk (its text, its
/// children), where an object costs one retain.
public final class MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    public let kind: Kind
    public let children: [MarkdownNode]
    /// 1-based position in the Markdown text; 0 when libcmark does not track it.
    public let line: Int
    public let column: Int

    public init(_ kind: Kind, children: [MarkdownNode] = [], line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.children = children
        self.line = line
        self.column = column
    }

    /// Two trees are equal when they hold the same nodes at the same places.
    public static func == (left: MarkdownNode, right: MarkdownNode) -> Bool {
        left === right || (left.kind == right.kind && left.line == right.line && left.column == right.column
            && left.children == right.children)
    }

    /// The text a reader sees, without markup: used for heading ids and titles.
    public var plainText: String {
        switch kind {
        case .text(let text), .code(let text): text
        case .softBreak, .lineBreak: " "
        default: children.map(\.plainText).joined()
        }
    }

    /// Calls `body` with every block below this node, in document order,
    /// looking inside block quotes, lists and items only: headings and code
    /// blocks are found without visiting the far more numerous inlines.
    func forEachBlock(_ body: (MarkdownNode) -> Void) {
        for child in children {
            body(child)
            switch child.kind {
            case .blockQuote, .list, .item: child.forEachBlock(body)
            default: break
            }
        }
    }
}
