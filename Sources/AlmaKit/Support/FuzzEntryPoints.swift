import AlmaKitCore
import AlmaKitHighlight
import AlmaKitMarkdown
import AlmaKitSite

/// What the fuzz targets in `fuzz/` drive: each parser that reads text a
/// project's authors control, end to end, with every problem collected.
/// Nothing here may crash, hang or grow without bound, whatever the input.
public enum FuzzEntryPoints {
    /// `almakit.yml`: YAML, the configuration's structure and rules, the secret scan.
    public static func configuration(_ text: String) {
        var diagnostics = Diagnostics()
        _ = ConfigurationCheck.run(text, file: "almakit.yml", into: &diagnostics)
    }

    /// A guide's front matter: the split at `---` lines, then its YAML.
    public static func frontMatter(_ text: String) {
        var diagnostics = Diagnostics()
        let split = FrontMatterSplit(text)
        _ = FrontMatterReader(file: "Content/en/fuzz.md").read(split, into: &diagnostics)
    }

    /// A guide's Markdown: libcmark, our tree, headings, placeholders, links and HTML.
    public static func markdown(_ text: String) {
        let tree = MarkdownParser().parse(text)
        let ids = HeadingIDs.ids(for: tree)
        var renderer = HTMLRenderer(headingIDs: ids)
        renderer.placeholders = Placeholders(values: ["amount": "50,99 €"])
        renderer.headingAnchors = true
        renderer.highlight = { SyntaxHighlighter.highlight($0, language: $1) }
        _ = renderer.render(tree)
        _ = LinkResolver.links(in: tree)
        _ = TableOfContents.entries(in: tree, ids: ids)
        _ = Placeholders(values: [:]).unknown(in: text)
    }
}
