import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// What CI and a beginner read: every problem in one run, paths their tools
/// can open, samples that CI refuses, and hints that say what was meant.
@Suite struct HelpfulDiagnosticsTests {
    private func errors(_ project: TemporaryProject) -> [Diagnostic] {
        project.builder.check().diagnostics.errors
    }

    private func pageWith(_ body: String, at path: String = "Content/en/guide.md") throws -> TemporaryProject {
        try TemporaryProject(pages: TemporaryProject.minimalPages.merging([path: "---\ntitle: Guide\norder: 2\n---\n" + body]) { $1 })
    }

    @Test func aConfigurationErrorDoesNotHideTheContentsErrors() throws {
        let project = try TemporaryProject(
            config: config(replacing: "  country: FR", with: "  country: DE").replacingOccurrences(of: "amount: 5099", with: "amount: 89.90"),
            pages: TemporaryProject.minimalPages.merging(["Content/en/guide.md": "---\ntitle: Guide\norder: 2\n---\n[gone](missing.md)\n"]) { $1 })
        let found = errors(project).map { "\($0.location.file):\($0.location.line)" }
        #expect(found.contains("almakit.yml:8"), "\(found)")
        #expect(found.contains("almakit.yml:10"), "\(found)")
        #expect(found.contains("Content/en/guide.md:5"), "the page's broken link is reported in the same run: \(found)")
        #expect(errors(project).filter { $0.location.line == 10 }.count == 1, "an unreadable amount is reported once")
    }

    @Test func brokenLanguagesStopTheCheckThere() throws {
        let project = try TemporaryProject(config: config(replacing: "  languages: [fr, en]", with: "  languages: [fr, fr]"))
        let found = errors(project)
        #expect(found.count == 1 && found[0].message.contains("listed twice"), "\(found)")
    }

    @Test(arguments: [
        ("  amount: 5099", "  amount: 89.90", "did you mean 8990 (89.90 EUR in cents)?"),
        ("  currency: eur", "  currency: EUR", "Stripe writes currency codes in lower case: 'currency: eur'"),
        ("  name: Test Shop", "  name: 'L'Atelier'", "inside single quotes an apostrophe is written twice ('L''Atelier'); or quote the value with double quotes (\"L'Atelier\")"),
    ])
    func aConfigurationSlipGetsTheHintForIt(old: String, new: String, hint: String) throws {
        let (_, diagnostics) = diagnose(config: config(replacing: old, with: new))
        #expect(diagnostics.errors.contains { $0.hint?.contains(hint) == true }, "\(diagnostics.errors)")
    }

    @Test func aPlaceholderWithATypoGetsTheNearestName() throws {
        let error = try #require(errors(try pageWith("Pay {{amout}}.\n")).first)
        #expect(error.hint == "did you mean '{{amount}}'?")
    }

    @Test(arguments: ["almakit-snippet webhook", "almakit snipet webhook", "almakitsnippet webhook"])
    func aMisspeltSnippetBlockIsAnError(info: String) throws {
        let error = try #require(errors(try pageWith("Text.\n\n```\(info)\n```\n")).first, "an empty code block would be rendered silently")
        #expect(error.location == SourceLocation(file: "Content/en/guide.md", line: 7, column: 1))
        #expect(error.hint == "did you mean '```almakit snippet webhook'? the info string is two words, then the snippet's name")
    }

    @Test func aLinkToAGeneratedPageFromAFolderSuggestsThePathThatReachesIt() throws {
        let error = try #require(errors(try pageWith("[back](return.html)\n", at: "Content/en/integration/guide.md")).first)
        #expect(error.hint == "did you mean '../return.html'? links are relative to this page's folder")
    }

    @Test func samplesAreWarningsThatStrictRefuses() throws {
        let sample = config(replacing: "  publishable_key: pk_test_1234567890abcdef", with: "  publishable_key: pk_test_ReplaceWithYourPublishableKey")
            .replacingOccurrences(of: "https://shop.example.test", with: "https://shop.example.com")
        let (_, diagnostics) = diagnose(config: sample)
        #expect(!diagnostics.hasErrors)
        #expect(diagnostics.warnings.map(\.location.line).sorted() == [3, 7], "\(diagnostics.warnings)")
        let project = try TemporaryProject(config: sample)
        var options = BuildOptions(projectDirectory: project.directory)
        options.strict = true
        #expect(!SiteBuilder(options: options).check().succeeded)
        #expect(project.builder.build().succeeded, "a fresh project still builds")
    }

    @Test(arguments: ["pk_test_51Hq2dLampes0Boutique", "pk_live_51Hq2dAtelierDeLyon",
                      "pk_live_51HQ2dYOURa8Zb3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5aB6cD7eF8gH9iJ0kL1mN2oP3qR4sT5uV6wX7yZ8aB9cD0eF1gH"])
    func aRealLookingKeyIsNotASample(key: String) {
        #expect(!PlaceholderRule.isSampleKey(key))
    }

    @Test func translationStatesFollowTheSitesPolicy() throws {
        let policy = """

              translations:
                missing: allowed
                untracked: error
            """
        let project = try TemporaryProject(
            config: config(replacing: "  languages: [fr, en]", with: "  languages: [fr, en]" + policy),
            pages: TemporaryProject.minimalPages.merging(["Content/fr/new.md": "---\ntitle: Nouveau\n---\nTexte.\n"]) { $1 })
        let diagnostics = project.builder.check().diagnostics
        #expect(!diagnostics.all.contains { $0.message.contains("not translated into 'en' yet") }, "missing is allowed")
        let untracked = diagnostics.all.filter { $0.message.contains("does not say which version") }
        #expect(!untracked.isEmpty && untracked.allSatisfy { $0.severity == .error }, "\(diagnostics.all)")

        let (_, wrong) = diagnose(config: config(replacing: "  languages: [fr, en]", with: "  languages: [fr, en]\n  translations: { stale: alowed }"))
        let error = try #require(wrong.errors.first)
        #expect(error.message == "'site.translations.stale' must be one of allowed, warning, error, not 'alowed'")
        #expect(error.hint == "did you mean 'allowed'?")
    }

    @Test func aCopiedEnglishCatalogueIsAWarningAtItsFile() throws {
        let english = BuiltinTemplates.files["strings/en.yml"] ?? ""
        let project = try TemporaryProject(
            ["Content/strings/de.yml": "# Translate these into 'de'.\n" + english],
            config: config(replacing: "  languages: [fr, en]", with: "  languages: [fr, de]").replacingOccurrences(of: "en: Lamp", with: "de: Lampe"),
            pages: ["Content/fr/index.md": "---\ntitle: Accueil\n---\nBonjour.\n"])
        let warning = try #require(project.builder.check().diagnostics.warnings.first { $0.location.file == "Content/strings/de.yml" })
        #expect(warning.message.contains("of the 'de' strings are still AlmaKit's English text"))
    }

    /// CI annotations and tests match a problem's id, not its wording.
    @Test func everyProblemHasAStableIdInJSONAndGitHubAnnotations() throws {
        let project = try TemporaryProject(
            config: config(replacing: "  country: FR", with: "  country: DE"),
            pages: TemporaryProject.minimalPages.merging(["Content/en/guide.md": "---\ntitle: Guide\n---\n[gone](missing.md) {{amout}}\n"]) { $1 })
        let diagnostics = project.builder.check().diagnostics.all
        #expect(diagnostics.count >= 4)
        let shape = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/
        for diagnostic in diagnostics {
            #expect(diagnostic.id.wholeMatch(of: shape) != nil, "\(diagnostic.id)")
        }
        #expect(Set(diagnostics.map(\.id)).isSuperset(of: ["config.merchant.country.unsupported", "link.missing-page", "placeholder.unknown", "translation.untracked"]))
        let json = try AlmakitBinary.run(["check", "--format", "json"], in: project.directory).stdout
        #expect(json.contains(#""id" : "config.merchant.country.unsupported""#))
        let github = try AlmakitBinary.run(["check", "--format", "github"], in: project.directory).stdout
        #expect(github.contains("title=almakit error [link.missing-page]::"))
    }

    @Test func pathsArePrintedFromTheCurrentDirectory() throws {
        let paths = DiagnosticPaths(project: URL(fileURLWithPath: "/repo/site"), currentDirectory: URL(fileURLWithPath: "/repo"))
        #expect(paths.relative("Content/en/guide.md") == "site/Content/en/guide.md")
        #expect(paths.absolute("almakit.yml") == "/repo/site/almakit.yml")
        #expect(DiagnosticPaths(project: URL(fileURLWithPath: "/repo/site"), currentDirectory: URL(fileURLWithPath: "/repo/other")).relative("almakit.yml") == "../site/almakit.yml")
        #expect(paths.relative(TemplateSet.builtInOrigin + "page.html") == TemplateSet.builtInOrigin + "page.html")
    }

    /// A plain path skips the URLs; every other takes them, and both agree.
    @Test func pathsFromEveryKindOfCurrentDirectory() {
        let cases: [(current: String, file: String, expected: String)] = [
            ("/repo/site", "Content/en/guide.md", "Content/en/guide.md"),
            ("/repo/site/Content", "Content/en/guide.md", "en/guide.md"),
            ("/repo/site/Content/en", "Content/en/guide.md", "guide.md"),
            ("/repo/site/Content/fr", "Content/en/guide.md", "../en/guide.md"),
            ("/", "Content/en/guide.md", "repo/site/Content/en/guide.md"),
            ("/elsewhere/deep", "almakit.yml", "../../repo/site/almakit.yml"),
            ("/repo/site-other", "almakit.yml", "../site/almakit.yml"),
            ("/repo", "Content/../almakit.yml", "site/almakit.yml"),
            ("/repo", "./Content//en/guide.md", "site/Content/en/guide.md"),
            ("/repo", "/abs/file.md", "../abs/file.md"),
        ]
        for (current, file, expected) in cases {
            let paths = DiagnosticPaths(project: URL(fileURLWithPath: "/repo/site"), currentDirectory: URL(fileURLWithPath: current))
            #expect(paths.relative(file) == expected, "\(file) from \(current)")
        }
    }

    @Test func checkFromARepositorysRootNamesFilesThatExistThere() throws {
        let repository = try TemporaryProject([:], config: nil, pages: [:])
        try repository.write("site/almakit.yml", TemporaryProject.validConfig)
        for (path, text) in TemporaryProject.minimalPages { try repository.write("site/" + path, text) }
        try repository.write("site/Content/en/guide.md", "---\ntitle: Guide\norder: 2\n---\n[gone](missing.md)\n")
        let github = try AlmakitBinary.run(["check", "--project", "site", "--format", "github"], in: repository.directory)
        #expect(github.stdout.contains("::error file=site/Content/en/guide.md,line=5,col=1,"), "\(github.stdout)")
        let text = try AlmakitBinary.run(["check", "--project", "site"], in: repository.directory)
        #expect(text.stderr.contains("site/Content/en/guide.md:5:1: error:"), "\(text.stderr)")
    }

    @Test func everyCommandThatReadsAProjectTakesItsConfiguration() throws {
        let project = try TemporaryProject()
        try project.write("staging.yml", config(replacing: "  country: FR", with: "  country: DE"))
        for command in [["check"], ["translations"], ["snippet", "python"]] {
            let run = try AlmakitBinary.run(command + ["--config", "staging.yml"], in: project.directory)
            #expect(run.stderr.contains("staging.yml:8:12: error: Alma is not available in 'DE'"), "\(command): \(run.stderr)")
        }
        #expect(try AlmakitBinary.run(["check"], in: project.directory).status == 0, "without --config, almakit.yml")
    }

    @Test func aCommandOutsideAProjectSaysWhereItLookedAndWhatToDo() throws {
        let empty = try TemporaryProject([:], config: nil, pages: [:])
        let run = try AlmakitBinary.run(["build"], in: empty.directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no almakit.yml in \(empty.directory.standardizedFileURL.path): this folder is not an AlmaKit site project"), "\(run.stderr)")
        #expect(run.stderr.contains("--project DIR") && run.stderr.contains("almakit init DIR"))
    }

    @Test func servingOnABusyPortSaysSoAndSuggestsAnother() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(listener, 1)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let project = try TemporaryProject()
        let run = try AlmakitBinary.run(["serve", "--port", "\(port)"], in: project.directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("port \(port) is in use"), "\(run.stderr)")
        #expect(run.stderr.contains("almakit serve --port \(port + 1)"))
        #expect(!run.stdout.contains("serving"), "nothing is announced that is not served")
    }
}
