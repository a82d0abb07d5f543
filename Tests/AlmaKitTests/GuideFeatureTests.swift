import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// What a reader of the guides gets: navigation with sections, "on this
/// page", anchors, previous and next, merchant values in the prose, dates,
/// 404 pages and the sitemap.
@Suite struct GuideFeatureTests {
    private func file(_ path: String, in result: BuildResult) throws -> String {
        try #require(result.files.first { $0.path == path }, "no \(path)").contents
    }

    @Test func placeholdersTakeTheConfigurationsValuesInThePagesLanguage() throws {
        let project = try TemporaryProject(pages: TemporaryProject.minimalPages.merging([
            "Content/fr/guide.md": "---\ntitle: Guide\n---\nTotal : {{amount}} ({{ amount_minor }} centimes, `{{api_version}}`).\n\n```sh\ncurl -d amount={{amount_minor}}\n```\n",
            "Content/en/guide.md": "---\ntitle: Guide\n---\nTotal: {{amount}}, paid to {{merchant_name}}.\n",
        ]) { $1 })
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let french = try file("fr/guide.html", in: result)
        #expect(french.contains("Total : 50,99\u{00A0}€ (5099 centimes, <code>2026-10-28.endive</code>)."))
        #expect(HighlightedCode.plain(french).contains("curl -d amount=5099"))
        #expect(try file("en/guide.html", in: result).contains("Total: €50.99, paid to Test Shop."))
    }

    @Test func unknownPlaceholderIsAnErrorAtItsPosition() throws {
        let project = try TemporaryProject(pages: TemporaryProject.minimalPages.merging([
            "Content/en/guide.md": "---\ntitle: Guide\n---\nFirst line.\nPay {{amout}} now.\n\n```sh\necho ok\necho {{secret_key}}\n```\n",
        ]) { $1 })
        let errors = project.builder.check().diagnostics.errors
        let amount = try #require(errors.first { $0.message == "unknown placeholder '{{amout}}'" }, "\(errors)")
        #expect(amount.location == AlmaKitCore.SourceLocation(file: "Content/en/guide.md", line: 5, column: 5))
        #expect(amount.hint?.contains("{{amount}}") == true)
        let secret = try #require(errors.first { $0.message == "unknown placeholder '{{secret_key}}'" })
        #expect(secret.location == AlmaKitCore.SourceLocation(file: "Content/en/guide.md", line: 9, column: 6))
    }

    @Test func foldersBecomeSectionsAndPagesFollowEachOther() throws {
        let french = TemporaryProject.validConfig.replacingOccurrences(of: "languages: [fr, en]", with: "languages: [fr]")
            .replacingOccurrences(of: "name: { fr: Lampe, en: Lamp }", with: "name: Lampe")
        let project = try TemporaryProject(config: french, pages: [
            "Content/fr/index.md": "---\ntitle: Accueil\n---\nBonjour.\n",
            "Content/fr/intro.md": "---\ntitle: Intro\norder: 1\n---\nTexte.\n",
            "Content/fr/serveur/index.md": "---\ntitle: Le serveur\norder: 2\n---\nTexte.\n",
            "Content/fr/serveur/webhooks.md": "---\ntitle: Webhooks\norder: 2\n---\nTexte.\n",
            "Content/fr/serveur/creer.md": "---\ntitle: Créer\norder: 1\n---\nTexte.\n",
            "Content/fr/mise-en-ligne/check.md": "---\ntitle: Vérifier\norder: 9\n---\nTexte.\n",
        ])
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let page = try file("fr/serveur/creer.html", in: result)
        let navigation = try #require(page.range(of: "<nav class=\"sidebar\"")).lowerBound
        let sidebar = String(page[navigation...].prefix(while: { _ in true }).split(separator: "</nav>")[0])
        // The reader's section is open; the others show their title, linking to their first page.
        let order = ["intro.html", "<a href=\"index.html\">Le serveur</a>", "creer.html", "webhooks.html", "<a href=\"../mise-en-ligne/check.html\">Mise en ligne</a>"]
        let positions = order.map { sidebar.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(sidebar)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(page.contains(#"<a class="pager-previous" rel="prev" href="index.html"><span>Précédent :</span> Le serveur</a>"#))
        #expect(page.contains(#"<a class="pager-next" rel="next" href="webhooks.html"><span>Suivant :</span> Webhooks</a>"#))
    }

    @Test func headingsGetAnchorsAndAnOnThisPageList() throws {
        let project = try TemporaryProject(pages: TemporaryProject.minimalPages.merging([
            "Content/en/guide.md": "---\ntitle: Guide\nupdated: 2026-11-20\n---\n## First step\n\n### Détails\n\n## Second step\n",
            "Content/fr/guide.md": "---\ntitle: Guide\nupdated: 2026-11-20\n---\n## Étape\n",
        ]) { $1 })
        let result = project.builder.check()
        let english = try file("en/guide.html", in: result)
        #expect(english.contains(##"<h2 id="first-step">First step<a class="heading-anchor" href="#first-step" aria-hidden="true" tabindex="-1">#</a></h2>"##))
        #expect(english.contains(##"<li class="toc-level-2"><a href="#first-step">First step</a></li>"##))
        #expect(english.contains(##"<li class="toc-level-3"><a href="#details">Détails</a></li>"##))
        #expect(english.contains("Updated on November 20, 2026"))
        let french = try file("fr/guide.html", in: result)
        #expect(french.contains("Mis à jour le 20 novembre 2026"))
        #expect(!french.contains("class=\"toc\""), "one heading needs no list")
    }

    @Test func eachLanguageHasA404PageThatWorksAtAnyDepth() throws {
        let project = try TemporaryProject(config: TemporaryProject.validConfig.replacingOccurrences(
            of: "https://shop.example.test", with: "https://example.test/docs"))
        let result = project.builder.check()
        let french = try file("fr/404.html", in: result)
        #expect(french.contains("<h1>Page introuvable</h1>"))
        #expect(french.contains(#"<link rel="stylesheet" href="/docs/assets/hashed/site."#))
        #expect(french.contains(#"<a href="/docs/en/index.html" hreflang="en""#))
        #expect(try file("en/404.html", in: result).contains("<h1>Page not found</h1>"))
        #expect(try file("404.html", in: result).contains(#"href="/docs/fr/index.html""#))
    }

    @Test func sitemapListsEachPageWithItsTranslations() throws {
        let project = try TemporaryProject()
        let sitemap = try file("sitemap.xml", in: project.builder.check())
        #expect(sitemap.contains(#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#))
        #expect(sitemap.contains(#"<url><loc>https://shop.example.test/en/guide.html</loc><xhtml:link rel="alternate" hreflang="en" href="https://shop.example.test/en/guide.html"/><xhtml:link rel="alternate" hreflang="fr" href="https://shop.example.test/fr/guide.html"/></url>"#))
    }

    @Test func clientConfirmSnippetIsTheCodeClientJSRuns() throws {
        let project = try TemporaryProject(pages: TemporaryProject.minimalPages.merging([
            "Content/en/guide.md": "---\ntitle: Guide\n---\n```almakit snippet client-confirm\n```\n",
        ]) { $1 })
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let page = try file("en/guide.html", in: result)
        let start = try #require(page.range(of: "<code class=\"language-javascript\">")).upperBound
        let end = try #require(page.range(of: "</code>", range: start..<page.endIndex)).lowerBound
        let code = HighlightedCode.plain(String(page[start..<end]))
        #expect(code.contains("stripe.confirmPayment("))
        let script = try file("client.js", in: result)
        let indented = code.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        #expect(script.contains(indented))
    }
}
