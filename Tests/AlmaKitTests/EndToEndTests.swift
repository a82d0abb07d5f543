import Foundation
import Testing
@testable import AlmaKitCore
@testable import AlmaKitSite

/// The real `almakit` binary on temporary site projects.
@Suite struct EndToEndTests {
    func almakit(_ arguments: [String], in directory: URL) throws -> ExternalTool.Output {
        try AlmakitBinary.run(arguments, in: directory)
    }

    @Test func buildSucceedsAndWritesTheSite() throws {
        let project = try TemporaryProject()
        let run = try almakit(["build"], in: project.directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("built"))
        for path in ["index.html", "404.html", "sitemap.xml", "client.js", "assets/site.css",
                     "fr/index.html", "fr/guide.html", "fr/checkout.html", "fr/return.html",
                     "en/index.html", "en/guide.html", "en/checkout.html", "en/return.html"] {
            #expect(FileManager.default.fileExists(atPath: project.directory.appending(path: "dist/\(path)").path), "no dist/\(path)")
        }
        let checkout = try project.read("dist/en/checkout.html")
        #expect(checkout.contains("€50.99"))
        #expect(try project.read("dist/fr/checkout.html").contains("50,99\u{A0}€"))
    }

    @Test func badConfigurationExitsOneWithDiagnostics() throws {
        let project = try TemporaryProject(config: config(replacing: "  amount: 5099", with: "  amount: 100"))
        let run = try almakit(["build"], in: project.directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("almakit.yml:10:11: error: Alma accepts amounts from 5000 to 200000"))
        #expect(run.stderr.contains("hint:"))
        #expect(!FileManager.default.fileExists(atPath: project.directory.appending(path: "dist").path))
    }

    @Test func badUsageExits64() throws {
        let project = try TemporaryProject()
        #expect(try almakit(["build", "--no-such-flag"], in: project.directory).status == 64)
        #expect(try almakit(["check", "--format", "xml"], in: project.directory).status == 64)
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let project = try TemporaryProject()
        #expect(try almakit(["build"], in: project.directory).status == 0)
        let before = try AlmakitBinary.snapshot(project.directory.appending(path: "dist"))
        try project.write("Content/fr/guide.md", "---\ntitle: Guide\n---\nUn [lien cassé](absent.md).\n")
        let run = try almakit(["build"], in: project.directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/fr/guide.md:4:4: error: link to 'absent.md' has no target"))
        #expect(try AlmakitBinary.snapshot(project.directory.appending(path: "dist")) == before)
        // The pages were written to a staging folder as they were made: it is gone too.
        let staging = try FileManager.default.contentsOfDirectory(atPath: project.directory.path).filter { $0.contains("almakit-") }
        #expect(staging.isEmpty, "\(staging)")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let project = try TemporaryProject()
        #expect(try almakit(["build"], in: project.directory).status == 0)
        let first = try AlmakitBinary.snapshot(project.directory.appending(path: "dist"))
        #expect(try almakit(["build"], in: project.directory).status == 0)
        #expect(try AlmakitBinary.snapshot(project.directory.appending(path: "dist")) == first)
        #expect(first.count > 10)
    }

    @Test func plantedSecretKeyFailsTheBuild() throws {
        let project = try TemporaryProject()
        let key = "sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc"
        try project.write("Content/en/guide.md", "---\ntitle: Guide\n---\nUse `\(key)` here; the bare sk_test_ prefix is fine.\n")
        let run = try almakit(["build"], in: project.directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("dist/en/guide.html:"))
        #expect(run.stderr.contains("secret key (sk_test_…)"))
        #expect(!run.stderr.contains("4eC39HqLyjWDarjtT1zdp7dc"))
        #expect(!FileManager.default.fileExists(atPath: project.directory.appending(path: "dist").path))
    }

    @Test func bareKeyPrefixesInGuidesAreAllowed() throws {
        let project = try TemporaryProject()
        try project.write("Content/en/guide.md", "---\ntitle: Guide\n---\nSecret keys start with `sk_test_`, `sk_live_`, `rk_live_` or `whsec_`.\n")
        let run = try almakit(["build"], in: project.directory)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func outputFolderMustNotBeTheProjectOrAForeignFolder() throws {
        let project = try TemporaryProject()
        let itself = try almakit(["build", "--out", "."], in: project.directory)
        #expect(itself.status == 1)
        #expect(itself.stderr.contains("would replace the project itself"))
        try project.write("elsewhere/keep.txt", "mine")
        let foreign = try almakit(["build", "--out", "elsewhere"], in: project.directory)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("was not written by AlmaKit"))
        #expect(try project.read("elsewhere/keep.txt") == "mine")
    }

    @Test func checkWritesNothingAndSpeaksJSON() throws {
        let project = try TemporaryProject(config: config(replacing: "  country: FR", with: "  country: US"))
        let run = try almakit(["check", "--format", "json"], in: project.directory)
        #expect(run.status == 1)
        struct Report: Decodable {
            struct Location: Decodable, Equatable { var project_file: String; var line: Int; var column: Int }
            struct Item: Decodable { var message: String; var severity: String; var location: Location }
            var diagnostics: [Item]
            var errors: Int
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        #expect(report.errors == 1)
        #expect(report.diagnostics.first { $0.severity == "error" }?.location == Report.Location(project_file: "almakit.yml", line: 8, column: 12))
        #expect(!FileManager.default.fileExists(atPath: project.directory.appending(path: "dist").path))
    }

    /// The minimal pages' translations record nothing: warnings, which
    /// `--strict` makes errors; `translations` prints the hashes to record.
    @Test func strictTurnsTranslationWarningsIntoFailures() throws {
        let project = try TemporaryProject()
        let relaxed = try almakit(["check"], in: project.directory)
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("Content/en/guide.md:1:1: warning: this translation does not say which version of Content/fr/guide.md it translates"))
        #expect(try almakit(["check", "--strict"], in: project.directory).status == 1)
        #expect(try almakit(["build", "--strict"], in: project.directory).status == 1)
        #expect(!FileManager.default.fileExists(atPath: project.directory.appending(path: "dist").path))

        let listing = try almakit(["translations"], in: project.directory)
        #expect(listing.status == 0)
        let line = try #require(listing.stdout.split(separator: "\n").first { $0.hasPrefix("Content/en/guide.md") })
        let hash = try #require(line.split(separator: " ").last.map(String.init))
        try project.write("Content/en/guide.md", "---\ntitle: Guide\norder: 2\ntranslated_from: \(hash)\n---\n## Step one\n\nText.\n")
        let index = try #require(listing.stdout.split(separator: "\n").first { $0.hasPrefix("Content/en/index.md") })
        try project.write("Content/en/index.md", "---\ntitle: Home\norder: 1\ntranslated_from: \(index.split(separator: " ").last!)\n---\nHello. See [the guide](guide.md).\n")
        #expect(try almakit(["check", "--strict"], in: project.directory).status == 0)
    }

    @Test func snippetPrintsTheServerTheBuildWrites() throws {
        let project = try TemporaryProject()
        #expect(try almakit(["build"], in: project.directory).status == 0)
        for language in ServerLanguage.allCases {
            let run = try almakit(["snippet", language.rawValue], in: project.directory)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == (try project.read("server/\(language.rawValue)/\(language.mainFile)")))
            #expect(run.stdout.contains("2026-10-28.endive"))
        }
        #expect(try almakit(["snippet", "cobol"], in: project.directory).status == 64)
    }

    @Test func projectTemplatesOverrideBuiltInOnes() throws {
        let project = try TemporaryProject([
            "Templates/page.html": "<p lang=\"{{lang}}\">custom {{title}}</p>\n",
        ])
        let run = try almakit(["build"], in: project.directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try project.read("dist/fr/guide.html") == "<p lang=\"fr\">custom Guide</p>\n")
    }

    @Test func brokenTemplateIsReportedWithItsPosition() throws {
        let project = try TemporaryProject([
            "Templates/page.html": "<p>\n{{#title}}unclosed\n",
        ])
        let run = try almakit(["build"], in: project.directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Templates/page.html:"))
        #expect(run.stderr.contains("does not parse"))
    }
}

/// A build reads each page's text again when it renders the page; a file
/// gone by then must fail the build, not publish the page empty.
@Suite struct PageTextReadAgainTests {
    @Test func aPageRemovedBeforeItIsRenderedIsAnError() throws {
        let project = try TemporaryProject()
        let page = Page(language: "fr", sourcePath: "Content/fr/gone.md", sourceKey: "gone",
                        frontMatter: FrontMatter(title: "Gone", description: "", order: nil, slug: nil, draft: false),
                        body: "", bodyLineOffset: 2)
        var renderer = GuideRenderer()
        renderer.bodies = .reread(projectDirectory: project.directory)
        let site = renderer.site(pages: [page], fallbacks: [], generatedPages: [], files: [])
        let found = renderer.render(page, site: site, defersAnchors: false).problems.found
        #expect(found.map(\.id) == ["file.unreadable"])
        #expect(found.first?.location.file == "Content/fr/gone.md")
    }

    /// Texts within the budget are kept, and rendered without reading the
    /// file again (so a file gone by then no longer matters); the rest are
    /// dropped and read again.
    @Test func textsWithinTheBudgetAreKept() throws {
        let project = try TemporaryProject()
        let loader = ContentLoader(projectDirectory: project.directory)
        var diagnostics = Diagnostics()
        let listing = loader.list(languages: ["fr", "en"], into: &diagnostics)
        let all = loader.read(listing, keepingBodies: false, keptBodyBytes: .max, into: &diagnostics)
        let none = loader.read(listing, keepingBodies: false, keptBodyBytes: 0, into: &diagnostics)
        #expect(!all.isEmpty && all.allSatisfy { $0.bodyIsKept && !$0.body.isEmpty })
        #expect(none.allSatisfy { !$0.bodyIsKept && $0.body.isEmpty })

        let page = try #require(all.first)
        try FileManager.default.removeItem(at: project.directory.appending(path: page.sourcePath))
        var problems = Diagnostics()
        #expect(PageBodies.reread(projectDirectory: project.directory).body(of: page, into: &problems) == page.body)
        #expect(problems.all.isEmpty)
        let dropped = try #require(none.first { $0.sourcePath == page.sourcePath })
        #expect(PageBodies.reread(projectDirectory: project.directory).body(of: dropped, into: &problems) == "")
        #expect(problems.all.map(\.id) == ["file.unreadable"])
    }
}
