import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

@Suite struct EscapingTests {
    static let hostile = #"</script><script>alert(1)</script> & "Café" 'x'"#

    func hostileProject() throws -> TemporaryProject {
        let quoted = "'" + Self.hostile.replacingOccurrences(of: "'", with: "''") + "'"
        var config = TemporaryProject.validConfig
        config = config.replacingOccurrences(of: "  title: Test Shop", with: "  title: \(quoted)")
        config = config.replacingOccurrences(of: "  name: Test Shop", with: "  name: \(quoted)")
        config = config.replacingOccurrences(of: "    name: { fr: Lampe, en: Lamp }", with: "    name: \(quoted)\n    description: \(quoted)")
        return try TemporaryProject(config: config, pages: TemporaryProject.minimalPages.merging([
            "Content/fr/guide.md": "---\ntitle: \(quoted)\n---\nTexte.\n",
        ]) { $1 })
    }

    @Test func merchantTextIsEscapedInEveryPage() throws {
        let project = try hostileProject()
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let pages = result.files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count >= 8)
        let escaped = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Café&quot;"
        for page in pages {
            #expect(!page.contents.contains("<script>alert"), "\(page.path) carries the raw text")
            #expect(!page.contents.contains("alert(1)</script>"), "\(page.path) carries the raw text")
            #expect(page.contents.contains(escaped), "\(page.path) lacks the escaped title")
        }
        let checkout = try #require(pages.first { $0.path == "fr/checkout.html" }).contents
        // Structure unchanged: exactly Stripe.js and client.js, both external.
        #expect(checkout.components(separatedBy: "<script").count - 1 == 2)
        #expect(!checkout.contains("<script>"))
    }

    /// The literal, run through a real JavaScript engine, gives back the exact value.
    /// A quote followed by a combining mark is one Swift Character, but an
    /// HTML parser still ends the attribute at the quote.
    @Test func quoteWithACombiningMarkIsStillEscaped() throws {
        let name = "Lamp\"\u{301} onmouseover=alert(1) x=\"\u{301}"
        let config = TemporaryProject.validConfig.replacingOccurrences(
            of: "    name: { fr: Lampe, en: Lamp }", with: "    name: '" + name + "'")
        let project = try TemporaryProject(config: config)
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let checkout = try #require(result.files.first { $0.path == "en/checkout.html" }).contents
        #expect(checkout.contains("Lamp&quot;\u{301} onmouseover=alert(1) x=&quot;\u{301}"))
        let scalars = Array(checkout.unicodeScalars)
        let rawQuoteBeforeMark = zip(scalars, scalars.dropFirst()).contains { $0 == "\"" && $1 == "\u{301}" }
        #expect(!rawQuoteBeforeMark)
        #expect(HTMLEscaping.text(name) == "Lamp&quot;\u{301} onmouseover=alert(1) x=&quot;\u{301}")
    }

    @Test(arguments: [hostile, "line\nbreak\u{2028}sep\u{2029}\\back", "<!-- & -->", "emoji 🇫🇷 \u{202E}rtl"])
    func javaScriptLiteralRoundTripsThroughNode(value: String) throws {
        let literal = JavaScriptLiteral.string(value)
        #expect(!literal.contains("</"))
        #expect(!literal.contains("<!--"))
        #expect(!literal.contains("\n"))
        let node = try #require(ExternalTool.find("node"), "node is needed to check JavaScript")
        let output = try ExternalTool.run(node, ["-e", "process.stdout.write(JSON.stringify(\(literal)))"])
        let decoded = try JSONDecoder().decode(String.self, from: Data(output.utf8))
        #expect(decoded == value)
    }

    @Test func clientScriptCarriesConfigurationAsLiterals() throws {
        let project = try TemporaryProject()
        let result = project.builder.check()
        let script = try #require(result.files.first { $0.path == "client.js" }).contents
        #expect(script.contains(#"var publishableKey = "pk_test_1234567890abcdef";"#))
        #expect(script.contains(#"var clientSecretPath = "/secret";"#))
        let node = try #require(ExternalTool.find("node"))
        let file = project.directory.appending(path: "client-check.js")
        try Data(script.utf8).write(to: file)
        _ = try ExternalTool.run(node, ["--check", file.path])
    }
}
