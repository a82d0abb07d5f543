import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// Pages pair up across languages by path or by `translation_key`; a missing
/// translation is stood in for by its source, with a notice; `check` says
/// which translations are missing or stale.
@Suite struct TranslationTests {
    /// A page's hash is taken over its parts without joining them; it must
    /// be the hash of the joined text, which translations have recorded.
    @Test func hashingThePartsIsHashingTheJoinedText() {
        let pieces = ["Titre", "", "é", "\r\n", "\r", "\n", "ligne\r\nsuivante", "😀"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let parts = (0..<3).map { _ in (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() }
            #expect(ContentHash.of(parts: parts) == ContentHash.of(text: parts.joined(separator: "\n")), "\(parts)")
        }
        // FNV-1a 64 of "Guide\n\nTexte.", worked out independently (Python).
        #expect(ContentHash.of(parts: ["Guide", "", "Texte."]) == "e9693b8cb36d")
    }

    static let home = [
        "Content/fr/index.md": "---\ntitle: Accueil\n---\nBonjour.\n",
        "Content/en/index.md": "---\ntitle: Home\ntranslated_from: HASH\n---\nHello.\n",
    ]

    /// Builds a project whose English pages record the right source hashes
    /// wherever they say `translated_from: HASH` for the French page of the same path.
    static func project(_ pages: [String: String], sourceOf: [String: String] = [:]) throws -> TemporaryProject {
        var resolved = pages
        for (path, text) in pages where text.contains("translated_from: HASH") {
            let sourcePath = sourceOf[path] ?? path.replacingOccurrences(of: "Content/en/", with: "Content/fr/")
            let hash = ContentHash.of(try #require(TemporaryProject.page(pages[sourcePath] ?? "", path: sourcePath)))
            resolved[path] = text.replacingOccurrences(of: "HASH", with: hash)
        }
        return try TemporaryProject(pages: resolved)
    }

    @Test func pagesPairByTranslationKeyWhenTheirNamesDiffer() throws {
        let project = try Self.project(Self.home.merging([
            "Content/fr/paiement.md": "---\ntitle: Paiement\ntranslation_key: payment\n---\nTexte.\n",
            "Content/en/payment.md": "---\ntitle: Payment\ntranslation_key: payment\ntranslated_from: HASH\n---\nText.\n",
        ]) { $1 }, sourceOf: ["Content/en/payment.md": "Content/fr/paiement.md"])
        let result = project.builder.check()
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        let french = try #require(result.files.first { $0.path == "fr/paiement.html" }).contents
        #expect(french.contains(#"<li><a href="../en/payment.html" hreflang="en" lang="en">English</a></li>"#))
        #expect(french.contains(#"<link rel="alternate" hreflang="en" href="https://shop.example.test/en/payment.html">"#))
        #expect(french.contains(#"<link rel="alternate" hreflang="fr" href="https://shop.example.test/fr/paiement.html">"#))
        #expect(french.contains(#"<link rel="alternate" hreflang="x-default" href="https://shop.example.test/fr/paiement.html">"#))
        #expect(!result.files.contains { $0.path == "en/paiement.html" }, "no stand-in where a translation exists")
    }

    @Test func pagesPairByPath() throws {
        let project = try Self.project(Self.home.merging([
            "Content/fr/guides/serveur.md": "---\ntitle: Serveur\n---\nTexte.\n",
            "Content/en/guides/serveur.md": "---\ntitle: Server\ntranslated_from: HASH\n---\nText.\n",
        ]) { $1 })
        let result = project.builder.check()
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        let english = try #require(result.files.first { $0.path == "en/guides/serveur.html" }).contents
        #expect(english.contains(#"href="../../fr/guides/serveur.html" hreflang="fr""#))
    }

    @Test func missingTranslationIsStoodInForWithANotice() throws {
        let project = try Self.project(Self.home.merging([
            "Content/fr/seul.md": "---\ntitle: Page seule\n---\n## Étape\n\nVoir [l'accueil](index.md) et [le paiement](checkout.html).\n",
        ]) { $1 })
        let result = project.builder.check()
        let warning = try #require(result.diagnostics.warnings.first)
        #expect(warning.location == AlmaKitCore.SourceLocation(file: "Content/fr/seul.md", line: 1, column: 1))
        #expect(warning.message.contains("not translated into 'en'"))

        let standIn = try #require(result.files.first { $0.path == "en/seul.html" }).contents
        #expect(standIn.contains(#"<html lang="en">"#))
        #expect(standIn.contains("This page is not translated into English yet: here is the original version (Français)."))
        #expect(standIn.contains(#"<article class="guide" lang="fr">"#))
        #expect(standIn.contains(#"<link rel="canonical" href="https://shop.example.test/fr/seul.html">"#))
        #expect(!standIn.contains(#"hreflang="en" href"#), "a stand-in must not claim to be the English page")
        // Its links lead to the English pages, not back to the French ones.
        #expect(standIn.contains(#"<a href="index.html">l’accueil</a>"#))
        #expect(standIn.contains(#"<a href="checkout.html">le paiement</a>"#))
        let englishHome = try #require(result.files.first { $0.path == "en/index.html" }).contents
        #expect(englishHome.contains(#"<a href="seul.html">Page seule</a>"#), "the stand-in is in the English navigation")
        let sitemap = try #require(result.files.first { $0.path == "sitemap.xml" }).contents
        #expect(sitemap.contains("<loc>https://shop.example.test/fr/seul.html</loc>"))
        #expect(!sitemap.contains("en/seul.html"))
    }

    @Test func englishLinksReachAnUntranslatedPage() throws {
        let project = try Self.project(Self.home.merging([
            "Content/fr/seul.md": "---\ntitle: Page seule\n---\nTexte.\n",
            "Content/en/index.md": "---\ntitle: Home\ntranslated_from: HASH\n---\nSee [the page](seul.md).\n",
        ]) { $1 })
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let home = try #require(result.files.first { $0.path == "en/index.html" }).contents
        #expect(home.contains(#"<a href="seul.html">the page</a>"#))
    }

    @Test func staleTranslationIsReportedAtItsTranslatedFrom() throws {
        let project = try TemporaryProject(pages: Self.home.merging([
            "Content/en/index.md": "---\ntitle: Home\ntranslated_from: 0123456789ab\n---\nHello.\n",
        ]) { $1 })
        let result = project.builder.check()
        let current = ContentHash.of(try #require(TemporaryProject.page(Self.home["Content/fr/index.md"]!, path: "Content/fr/index.md")))
        let warning = try #require(result.diagnostics.warnings.first, "\(result.diagnostics.all)")
        #expect(warning.location == AlmaKitCore.SourceLocation(file: "Content/en/index.md", line: 3, column: 18))
        #expect(warning.message.contains("Content/fr/index.md changed since this translation was made"))
        #expect(warning.hint == "bring the translation up to date, then set 'translated_from: \(current)'")
        #expect(result.succeeded, "a warning does not fail a build")

        var strict = BuildOptions(projectDirectory: project.directory)
        strict.strict = true
        let strictResult = SiteBuilder(options: strict).check()
        #expect(!strictResult.succeeded)
        #expect(strictResult.diagnostics.errors.count == 1)
    }

    @Test func editingTheSourceMakesTheTranslationStale() throws {
        let project = try Self.project(Self.home)
        #expect(project.builder.check().diagnostics.all.isEmpty)
        try project.write("Content/fr/index.md", "---\ntitle: Accueil\n---\nBonjour, et bienvenue.\n")
        let status = try #require(project.builder.translationStatus().status)
        #expect(status.entries.map(\.state) == [.stale(recorded: ContentHash.of(try #require(TemporaryProject.page(Self.home["Content/fr/index.md"]!, path: "Content/fr/index.md"))))])
        // Changing only the order needs no new translation.
        try project.write("Content/fr/index.md", "---\ntitle: Accueil\norder: 3\n---\nBonjour.\n")
        #expect(project.builder.translationStatus().status?.entries.map(\.state) == [.upToDate])
    }

    /// Reading hashes only the pages that may be sources. A page that shares
    /// its path with an earlier language's page is taken for a translation;
    /// when a `translation_key` makes it a source after all, its hash must
    /// still be its text's, whether the build keeps the texts or drops them.
    @Test(arguments: [(true, 0), (false, 0), (false, 1_000_000)])
    func aSourceAtATranslationsPathGetsItsOwnHash(keepingBodies: Bool, keptBodyBytes: Int) throws {
        let english = "---\ntitle: Guide\n---\nThe English text, the only one of its key.\n"
        let project = try TemporaryProject(pages: Self.home.merging([
            "Content/fr/guide.md": "---\ntitle: Autre\ntranslation_key: other\n---\nUn autre texte.\n",
            "Content/en/guide.md": english,
        ]) { $1 })
        let loader = ContentLoader(projectDirectory: project.directory)
        var diagnostics = Diagnostics()
        let pages = loader.read(loader.list(languages: ["fr", "en"], into: &diagnostics),
                                keepingBodies: keepingBodies, keptBodyBytes: keptBodyBytes, into: &diagnostics)
        let status = TranslationStatus(Translations(pages: pages, languages: ["fr", "en"], into: &diagnostics))
        let guide = try #require(status.entries.first { $0.key == "guide" })
        #expect(guide.source.sourcePath == "Content/en/guide.md")
        #expect(guide.sourceHash == ContentHash.of(try #require(TemporaryProject.page(english, path: "Content/en/guide.md"))))
    }

    /// A page's copies share its fields until one changes: a stand-in is
    /// its source with another language, and the source must not follow.
    @Test func changingACopyOfAPageLeavesThePageAsItWas() throws {
        let source = try #require(TemporaryProject.page("---\ntitle: Guide\nslug: mode-d-emploi\n---\nTexte.\n", path: "Content/fr/guides/guide.md"))
        var standIn = source
        standIn.language = "en"
        standIn.fallbackFrom = "fr"
        #expect(standIn.outputPath == "en/guides/mode-d-emploi.html")
        #expect(source.outputPath == "fr/guides/mode-d-emploi.html" && source.language == "fr" && source.fallbackFrom == nil)
        var renamed = source
        renamed.frontMatter.slug = nil
        #expect(renamed.outputPath == "fr/guides/guide.html")
        #expect(source.frontMatter.slug == "mode-d-emploi" && source.outputPath == "fr/guides/mode-d-emploi.html")
    }

    @Test func pagesAtAnEarlierLanguagesPathAreLikelyTranslations() {
        let files = [("fr", "a.md"), ("fr", "b/c.md"), ("en", "a.md"), ("en", "d.md"), ("de", "d.md"), ("de", "b/c.md")]
        #expect(ContentLoader.likelyTranslations(files) == [false, false, true, false, true, true])
    }

    @Test func twoPagesOfOneLanguageCannotShareAKey() throws {
        let project = try TemporaryProject(pages: Self.home.merging([
            "Content/fr/a.md": "---\ntitle: A\ntranslation_key: same\n---\nA.\n",
            "Content/fr/b.md": "---\ntitle: B\ntranslation_key: same\n---\nB.\n",
        ]) { $1 })
        let errors = project.builder.check().diagnostics.errors
        #expect(errors.contains { $0.message.contains("are both the 'fr' page for 'same'") }, "\(errors)")
    }

    @Test func translatedFromMustBeAHash() throws {
        let project = try TemporaryProject(pages: Self.home.merging([
            "Content/en/index.md": "---\ntitle: Home\ntranslated_from: yesterday\n---\nHello.\n",
        ]) { $1 })
        let error = try #require(project.builder.check().diagnostics.errors.first)
        #expect(error.location == AlmaKitCore.SourceLocation(file: "Content/en/index.md", line: 3, column: 18))
    }
}
