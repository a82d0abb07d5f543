import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitMarkdown
@testable import AlmaKitSite

@Suite struct MarkdownTests {
    let parser = MarkdownParser()

    static let samples = [
        "Plain *emphasis*, **strong**, `code` and \"quotes\" -- dashes...",
        "- tight\n- list\n\n1. one\n2. two\n",
        "- loose\n\n- list\n\n7. starts\n8. at seven\n",
        "> quoted\n> text\n\n---\n\nafter",
        "```swift\nlet x = \"<b>\" & y\n```\n\n    indented <code>\n",
        "[link](https://example.test/a?b=c&d=e \"Title & more\") and ![alt *text*](img.png \"t\")",
        "[odd](<with space/ü?x='1'>) and <https://auto.example/x>",
        "line one  \nline two\\\nline three",
        "<div>raw block</div>\n\ninline <span>raw</span> html",
        "[bad](javascript:alert(1)) [ok](data:image/png;base64,AAA) [no](data:text/html,x) ![i](vbscript:x)",
        "&copy; &#65; &nbsp; AT&T <3",
    ]

    @Test(arguments: samples)
    func rendersLikeLibcmarkSafeMode(markdown: String) {
        let ours = HTMLRenderer().render(parser.parse(markdown))
        #expect(ours == parser.referenceHTML(markdown))
    }

    @Test func headingsGetUniqueAccentFreeIDs() {
        let markdown = "# Vérifier la signature\n\n## Étape 1 : créer\n\n## Étape 1 : créer\n\n### `code` *and* text\n"
        let tree = parser.parse(markdown)
        let ids = HeadingIDs.ids(for: tree)
        #expect(ids == ["verifier-la-signature", "etape-1-creer", "etape-1-creer-1", "code-and-text"])
        let html = HTMLRenderer(headingIDs: ids).render(tree)
        #expect(html.contains("<h1 id=\"verifier-la-signature\">Vérifier la signature</h1>"))
        #expect(html.contains("<h2 id=\"etape-1-creer-1\">"))
        let withoutIDs = html.replacingOccurrences(of: #" id="[^"]*""#, with: "", options: .regularExpression)
        #expect(withoutIDs == parser.referenceHTML(markdown))
    }

    /// Headings are looked for among blocks only, inside quotes and lists too.
    @Test func headingsInQuotesAndListsGetIDs() {
        let tree = parser.parse("> ## Quoted\n\n- ## In a list\n  > ### Deeper\n\nSetext\n===\n\nText with `# not a heading` and *## nor this*\n\n```\n# nor code\n```\n")
        #expect(HeadingIDs.ids(for: tree) == ["quoted", "in-a-list", "deeper", "setext"])
        #expect(TableOfContents.entries(in: tree, ids: HeadingIDs.ids(for: tree)).map(\.id) == ["quoted", "in-a-list", "deeper"])
    }

    /// Plain ASCII headings take a shortcut; it must agree with the general path.
    @Test func asciiSlugsMatchTheGeneralRule() {
        for text in ["Step 1: Create it", "  --Hello, World!--  ", "ABC_def-42", "!!!", "", "a  b\tc", "MiXeD 9z"] {
            let general = text.folding(options: .diacriticInsensitive, locale: nil).lowercased().unicodeScalars
                .split { !CharacterSet.alphanumerics.contains($0) }.map { String(String.UnicodeScalarView($0)) }.joined(separator: "-")
            #expect(HeadingIDs.slug(text) == (general.isEmpty ? "section" : general), "\(text)")
        }
    }

    @Test func smartPunctuationIsOn() {
        let html = HTMLRenderer().render(parser.parse("\"Bonjour\" -- l'été..."))
        #expect(html == "<p>“Bonjour” – l’été…</p>\n")
    }

    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        let html = HTMLRenderer().render(parser.parse("<script>alert(1)</script>\n\n[x](JavaScript:alert(1)) <img src=x onerror=alert(1)>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(html.contains("<a href=\"\">x</a>"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func linksBetweenPagesAreRewrittenToTheirOutput() throws {
        let project = try TemporaryProject([
            "Content/fr/guide.md": "---\ntitle: Guide\nslug: le-guide\n---\n## Étape un\n",
            "Content/fr/index.md": "---\ntitle: Accueil\n---\n[a](guide.md) [b](guide.md#etape-un) [c](../en/guide.md#step-one) [d](checkout.html) [e](https://stripe.com/x.md) [f](#top)\n\n# Top\n",
        ])
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let home = try #require(result.files.first { $0.path == "fr/index.html" }).contents
        #expect(home.contains("<a href=\"le-guide.html\">a</a>"))
        #expect(home.contains("<a href=\"le-guide.html#etape-un\">b</a>"))
        #expect(home.contains("<a href=\"../en/guide.html#step-one\">c</a>"))
        #expect(home.contains("<a href=\"checkout.html\">d</a>"))
        #expect(home.contains("<a href=\"https://stripe.com/x.md\">e</a>"))
        #expect(home.contains("<a href=\"#top\">f</a>"))
    }

    @Test func brokenLinksAreErrorsAtTheirLineAndColumn() throws {
        let project = try TemporaryProject([
            "Content/fr/index.md": "---\ntitle: Accueil\n---\nIntro.\n\nVoir [la suite](suite.md) et [ici](guide.md#nulle-part).\n",
        ])
        let errors = project.builder.check().diagnostics.errors
        #expect(errors.count == 2, "\(errors)")
        let missingPage = try #require(errors.first { $0.message.contains("suite.md") })
        #expect(missingPage.location == SourceLocation(file: "Content/fr/index.md", line: 6, column: 6))
        #expect(missingPage.message == "link to 'suite.md' has no target: Content/fr/suite.md does not exist")
        let missingAnchor = try #require(errors.first { $0.message.contains("nulle-part") })
        #expect(missingAnchor.location == SourceLocation(file: "Content/fr/index.md", line: 6, column: 30))
        #expect(missingAnchor.message == "fr/guide.html has no anchor '#nulle-part'")
    }

    /// Anchors in other pages are checked after every page is rendered; their
    /// problems still come in the order of the links.
    @Test func linkProblemsComeInTheOrderOfTheLinks() throws {
        let project = try TemporaryProject([
            "Content/fr/index.md": "---\ntitle: Accueil\n---\n[a](guide.md#x) [b](suite.md) [c](guide.md#y) [d](#z) [e](index.md#w) [f](guide.md#etape-un)\n",
        ])
        let errors = project.builder.check().diagnostics.errors
        #expect(errors.map(\.location.column) == [1, 17, 31, 47, 55])
        #expect(errors.map(\.message) == [
            "fr/guide.html has no anchor '#x'",
            "link to 'suite.md' has no target: Content/fr/suite.md does not exist",
            "fr/guide.html has no anchor '#y'",
            "no heading on this page has the anchor '#z'",
            "fr/index.html has no anchor '#w'",
        ])
    }

    @Test func frontMatterProblemsHavePositions() throws {
        let project = try TemporaryProject([
            "Content/fr/guide.md": "---\ntitle: Guide\norder: deux\ndraftt: true\n---\nTexte.\n",
            "Content/en/guide.md": "No front matter here.\n",
        ])
        let errors = project.builder.check().diagnostics.errors
        #expect(errors.contains { $0.location == SourceLocation(file: "Content/fr/guide.md", line: 3, column: 8) && $0.message.contains("whole number") })
        #expect(errors.contains { $0.location == SourceLocation(file: "Content/fr/guide.md", line: 4, column: 1) && $0.hint == "did you mean 'draft'?" })
        #expect(errors.contains { $0.location.file == "Content/en/guide.md" && $0.message == "the page has no front matter" })
    }

    @Test func draftsAreNotPublished() throws {
        let project = try TemporaryProject([
            "Content/fr/brouillon.md": "---\ntitle: Brouillon\ndraft: true\n---\nPas encore.\n",
        ])
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors)
        #expect(!result.files.contains { $0.path == "fr/brouillon.html" })
    }
}

/// The path arithmetic behind every rewritten link.
@Suite struct LinkPathTests {
    @Test(arguments: [
        ("Content/fr/a/../b/page.md", "Content/fr/b/page.md"),
        ("Content/fr/./page.md", "Content/fr/page.md"),
        ("Content//fr/page.md/", "Content/fr/page.md"),
        ("Content/fr/éte/../ça.md", "Content/fr/ça.md"),
        ("a/..", ""),
    ])
    func normalizeResolvesDots(path: String, expected: String) {
        #expect(SitePaths.normalize(path) == expected)
    }

    @Test func normalizeRefusesToClimbAboveTheRoot() {
        #expect(SitePaths.normalize("Content/../../x.md") == nil)
        #expect(SitePaths.normalize("..") == nil)
    }

    @Test(arguments: [
        ("fr", "fr/page.html", "page.html"),
        ("fr/a", "fr/b/page.html", "../b/page.html"),
        ("fr/a", "en/a/page.html", "../../en/a/page.html"),
        ("", "fr/index.html", "fr/index.html"),
        ("fr/été", "fr/été/ça.html", "ça.html"),
        ("fr/été", "fr/ça.html", "../ça.html"),
        ("fr/ab", "fr/abc/x.html", "../abc/x.html"),
    ])
    func relativePathsClimbOnlyWhatTheyMust(folder: String, target: String, expected: String) {
        #expect(SitePaths.relativePath(from: folder, to: target) == expected)
    }

    /// Both are worked out in one pass over bytes; these references split
    /// the paths into segments, as the rules read.
    @Test func pathsMatchASegmentBySegmentReference() {
        let segments = ["fr", "en", "a", "ab", "été", ".", "..", "page.html", "index.html"]
        var generator = SystemRandomNumberGenerator()
        func path(_ count: Int) -> String {
            (0..<count).map { _ in segments.randomElement(using: &generator)! }.joined(separator: "/")
        }
        for _ in 0..<3000 {
            let messy = path(Int.random(in: 0...5, using: &generator))
            #expect(SitePaths.normalize(messy) == Self.referenceNormalize(messy), "\(messy)")
            guard let folder = Self.referenceNormalize(path(Int.random(in: 0...3, using: &generator))),
                  let target = Self.referenceNormalize(path(Int.random(in: 0...3, using: &generator)) + "/page.html")
            else { continue }
            #expect(SitePaths.relativePath(from: folder, to: target) == Self.referenceRelative(folder, target), "\(folder) -> \(target)")
        }
    }

    static func referenceNormalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    static func referenceRelative(_ folder: String, _ target: String) -> String {
        let from = folder.split(separator: "/"), to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    @Test func schemesAndFragments() {
        #expect(LinkResolver.hasScheme("https://x"))
        #expect(LinkResolver.hasScheme("mailto:a@b"))
        #expect(!LinkResolver.hasScheme("page.md"))
        #expect(!LinkResolver.hasScheme("1x:y"))
        #expect(!LinkResolver.hasScheme("é:y"))
        #expect(LinkResolver.split("page.md#étape") == ("page.md", "étape"))
        #expect(LinkResolver.split("#top") == ("", "top"))
        #expect(LinkResolver.split("page.md") == ("page.md", nil))
    }
}
