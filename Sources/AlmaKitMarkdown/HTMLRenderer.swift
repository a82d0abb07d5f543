import AlmaKitCore

/// Renders a `MarkdownNode` tree to HTML the way libcmark's safe renderer
/// does, plus what a guide needs: ids on headings and rewritten link targets.
/// Raw HTML is dropped and dangerous URLs (`javascript:` and the like) emptied.
public struct HTMLRenderer: Sendable {
    /// Link destinations to replace, keyed by the destination as written.
    public var linkTargets: [String: String]
    /// Heading ids, in document order, as `HeadingIDs` computes them.
    public var headingIDs: [String]
    /// HTML that replaces an `almakit snippet NAME` code block, keyed by NAME.
    public var snippetGroups: [String: String]
    /// `{{name}}` values expanded in text, code spans and code blocks.
    package var placeholders = Placeholders(values: [:])
    /// Guides give each heading a link to itself; plain rendering does not.
    package var headingAnchors = false
    /// Highlights a code block: HTML for (code, info word), or nil to leave it plain.
    package var highlight: @Sendable (String, String) -> String? = { _, _ in nil }

    /// - Parameters:
    ///   - linkTargets: destinations to replace (`paiement.md` -> `paiement.html`).
    ///   - headingIDs: the id of each heading in document order; headings beyond the list get none.
    ///   - snippetGroups: the generated servers' pieces, by snippet name.
    public init(linkTargets: [String: String] = [:], headingIDs: [String] = [], snippetGroups: [String: String] = [:]) {
        self.linkTargets = linkTargets
        self.headingIDs = headingIDs
        self.snippetGroups = snippetGroups
    }

    public func render(_ document: MarkdownNode) -> String {
        var output = HTMLOutput()
        var headingIndex = 0
        render(document, tightList: false, into: &output, headingIndex: &headingIndex)
        return output.html
    }

    private func render(_ node: MarkdownNode, tightList: Bool, into out: inout HTMLOutput, headingIndex: inout Int) {
        func children(tight: Bool = false) {
            for child in node.children {
                render(child, tightList: tight, into: &out, headingIndex: &headingIndex)
            }
        }
        switch node.kind {
        case .document:
            children()
        case .blockQuote:
            out.newline(); out.append("<blockquote>\n"); children(); out.newline(); out.append("</blockquote>\n")
        case .list(let ordered, let start, let tight):
            out.newline()
            if ordered {
                out.append(start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n")
            } else {
                out.append("<ul>\n")
            }
            for item in node.children {
                render(item, tightList: tight, into: &out, headingIndex: &headingIndex)
            }
            out.append(ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            out.newline(); out.append("<li>"); children(tight: tightList); out.append("</li>\n")
        case .codeBlock(let info, _) where SnippetBlock.name(inInfo: info).flatMap({ snippetGroups[$0] }) != nil:
            out.newline()
            out.append(snippetGroups[SnippetBlock.name(inInfo: info)!]!)
        case .codeBlock(let info, let literal):
            out.newline()
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            let code = placeholders.expand(literal)
            out.append(language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.text(language))\">")
            if let highlighted = highlight(code, language) { out.append(highlighted) } else { out.appendEscaped(code) }
            out.append("</code></pre>\n")
        case .htmlBlock:
            out.newline(); out.append("<!-- raw HTML omitted -->"); out.newline()
        case .paragraph:
            if tightList {
                children()
            } else {
                out.newline(); out.append("<p>"); children(); out.append("</p>\n")
            }
        case .heading(let level):
            out.newline()
            let id = headingIndex < headingIDs.count ? headingIDs[headingIndex] : nil
            headingIndex += 1
            out.append(id.map { "<h\(level) id=\"\(HTMLEscaping.text($0))\">" } ?? "<h\(level)>")
            children()
            if headingAnchors, let id {
                // The heading itself carries the id; this link only shows it.
                out.append("<a class=\"heading-anchor\" href=\"#\(HTMLEscaping.text(id))\" aria-hidden=\"true\" tabindex=\"-1\">#</a>")
            }
            out.append("</h\(level)>\n")
        case .thematicBreak:
            out.newline(); out.append("<hr />\n")
        case .text(let text):
            out.appendEscaped(placeholders.expand(text))
        case .softBreak:
            out.append("\n")
        case .lineBreak:
            out.append("<br />\n")
        case .code(let code):
            out.append("<code>"); out.appendEscaped(placeholders.expand(code)); out.append("</code>")
        case .htmlInline:
            out.append("<!-- raw HTML omitted -->")
        case .emphasis:
            out.append("<em>"); children(); out.append("</em>")
        case .strong:
            out.append("<strong>"); children(); out.append("</strong>")
        case .link(let destination, let title):
            let target = linkTargets[destination] ?? destination
            out.append("<a href=\"\(URLSafety.isDangerous(target) ? "" : HTMLEscaping.href(target))\"")
            if !title.isEmpty { out.append(" title=\"\(HTMLEscaping.text(title))\"") }
            out.append(">"); children(); out.append("</a>")
        case .image(let source, let title):
            let target = linkTargets[source] ?? source
            out.append("<img src=\"\(URLSafety.isDangerous(target) ? "" : HTMLEscaping.href(target))\" alt=\"")
            out.appendEscaped(node.plainText)
            out.append("\"")
            if !title.isEmpty { out.append(" title=\"\(HTMLEscaping.text(title))\"") }
            out.append(" />")
        }
    }
}

/// An HTML buffer that knows whether it stands at the start of a line. It
/// holds UTF-8 bytes, and text is escaped straight into it: a page's many
/// small pieces make no string of their own.
private struct HTMLOutput {
    private var bytes: [UInt8] = []

    var html: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `text` as `HTMLEscaping.text(_:)` escapes it.
    mutating func appendEscaped(_ text: String) {
        HTMLEscaping.appendText(text, to: &bytes)
    }

    /// Starts a new line unless already at one, like libcmark's `cr()`.
    mutating func newline() {
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    }
}
