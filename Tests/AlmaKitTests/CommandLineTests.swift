import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// `init`, `--version`, and `check` in its three formats, through the real binary.
@Suite struct CommandLineTests {
    func almakit(_ arguments: [String], in directory: URL) throws -> ExternalTool.Output {
        try AlmakitBinary.run(arguments, in: directory)
    }

    static let almakitRepository = ["--almakit-repository", "https://github.com/acme/almakit.git"]

    /// A fresh project builds and serves with its sample values, but CI's
    /// strict check refuses to publish them until they are replaced.
    @Test(arguments: ["fr,en", "en", "de,fr"])
    func initMakesAProjectThatBuildsAndThatStrictCheckRefusesUntilItsSamplesAreReplaced(languages: String) throws {
        let scratch = try TemporaryProject([:], config: nil, pages: [:])
        let made = try almakit(["init", "site", "--languages", languages] + Self.almakitRepository, in: scratch.directory)
        #expect(made.status == 0, "\(made.stderr)")
        let project = scratch.directory.appending(path: "site")
        for path in ["almakit.yml", ".gitignore", ".github/workflows/site.yml"] + languages.split(separator: ",").map({ "Content/\($0)/index.md" }) {
            #expect(FileManager.default.fileExists(atPath: project.appending(path: path).path), "no \(path)")
        }
        #expect(try almakit(["check"], in: project).status == 0)
        #expect(try almakit(["build"], in: project).status == 0)
        let strict = try almakit(["check", "--strict"], in: project)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("almakit.yml:8:13: error: 'site.base_url' is an example address"), "\(strict.stderr)")
        #expect(strict.stderr.contains("'merchant.publishable_key' is a sample key"))
        #expect(strict.stderr.contains("Content/strings/de.yml") == languages.contains("de"), "a copied English catalogue is named")

        // What a merchant replaces: the address, the key, and the strings of a language AlmaKit does not ship.
        let configURL = project.appending(path: "almakit.yml")
        let config = try String(contentsOf: configURL, encoding: .utf8)
            .replacingOccurrences(of: "https://shop.example.com", with: "https://boutique.lampes.fr")
            .replacingOccurrences(of: "pk_test_ReplaceWithYourPublishableKey", with: "pk_test_51Hq2dLampes0Boutique")
        try Data(config.utf8).write(to: configURL)
        if languages.contains("de") {
            let german = (BuiltinTemplates.files["strings/fr.yml"] ?? "").replacingOccurrences(of: "language_name: Français", with: "language_name: Deutsch")
            try Data(german.utf8).write(to: project.appending(path: "Content/strings/de.yml"))
        }
        let replaced = try almakit(["check", "--strict"], in: project)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let workflow = try String(contentsOf: project.appending(path: ".github/workflows/site.yml"), encoding: .utf8)
        #expect(workflow.contains("almakit check --strict --format github"))
        #expect(workflow.contains("path: dist"))
    }

    @Test func initNeverOverwrites() throws {
        let scratch = try TemporaryProject([:], config: nil, pages: [:])
        #expect(try almakit(["init", "site"], in: scratch.directory).status == 0)
        let config = scratch.directory.appending(path: "site/almakit.yml")
        try Data("# mine\n".utf8).write(to: config)
        let again = try almakit(["init", "site"], in: scratch.directory)
        #expect(again.status == 1)
        #expect(again.stderr.contains("nothing was written"))
        #expect(try String(contentsOf: config, encoding: .utf8) == "# mine\n")
        #expect(try almakit(["init", "other", "--languages", "fr,zz"], in: scratch.directory).status == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.directory.appending(path: "other").path))
    }

    /// Where AlmaKit's source lives is the user's to say: without it there is
    /// no workflow rather than one with a placeholder, and a way to add one.
    @Test func initWritesAWorkflowOnlyWhenToldWhereAlmaKitIs() throws {
        let scratch = try TemporaryProject([:], config: nil, pages: [:])
        let workflow = scratch.directory.appending(path: "site/\(CIWorkflow.path)")
        let untold = try almakit(["init", "site"], in: scratch.directory)
        #expect(untold.status == 0)
        #expect(untold.stdout.contains("almakit init site --workflow-only --almakit-repository URL"))
        #expect(FileManager.default.fileExists(atPath: scratch.directory.appending(path: "site/almakit.yml").path))
        #expect(!FileManager.default.fileExists(atPath: workflow.path))

        for wrong in [["--almakit-repository", "../almakit"], Self.almakitRepository + ["--almakit-ref", "v1;id"],
                      ["--workflow-only"], ["--almakit-ref", "main"]] {
            #expect(try almakit(["init", "site"] + wrong, in: scratch.directory).status == 64, "\(wrong)")
        }
        #expect(!FileManager.default.fileExists(atPath: workflow.path))

        let added = try almakit(["init", "site", "--workflow-only"] + Self.almakitRepository, in: scratch.directory)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(FileManager.default.fileExists(atPath: workflow.path))
        #expect(try almakit(["init", "site", "--workflow-only"] + Self.almakitRepository, in: scratch.directory).status == 1)
    }

    @Test func initSaysWhatItTookAndWhatIsLeftToDo() throws {
        let scratch = try TemporaryProject([:], config: nil, pages: [:])
        let byDefault = try almakit(["init", "site"] + Self.almakitRepository, in: scratch.directory)
        #expect(byDefault.stdout.contains("builds almakit from https://github.com/acme/almakit.git at \(AlmaKitVersion.tag) (this almakit's tag"))
        #expect(byDefault.stdout.contains("make sure \(AlmaKitVersion.tag) exists in https://github.com/acme/almakit.git"))
        #expect(byDefault.stdout.contains("ALMAKIT_TOKEN"))
        #expect(byDefault.stdout.contains(#"set the source to "GitHub Actions""#))
        let pinned = try almakit(["init", "other", "--almakit-ref", "main"] + Self.almakitRepository, in: scratch.directory)
        #expect(pinned.stdout.contains("https://github.com/acme/almakit.git at main.\n"))
    }

    @Test func versionIsTheLibrarys() throws {
        let run = try almakit(["--version"], in: Repository.root)
        #expect(run.status == 0)
        #expect(run.stdout == AlmaKitVersion.current + "\n")
    }

    /// A broken link and an unknown placeholder, at known positions.
    func projectWithProblems() throws -> TemporaryProject {
        try TemporaryProject(pages: TemporaryProject.minimalPages.merging([
            "Content/en/guide.md": "---\ntitle: Guide\n---\nSee [the page](missing.md).\n\nPay {{amout}}.\n",
        ]) { $1 })
    }

    @Test func checkSpeaksText() throws {
        let project = try projectWithProblems()
        let run = try almakit(["check"], in: project.directory)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("Content/en/guide.md:4:5: error: link to 'missing.md' has no target: Content/en/missing.md does not exist"))
        #expect(lines.contains("Content/en/guide.md:6:5: error: unknown placeholder '{{amout}}'"))
        #expect(!run.stderr.contains("\u{1B}["), "no colours in a pipe")
    }

    @Test func checkSpeaksJSON() throws {
        let project = try projectWithProblems()
        let run = try almakit(["check", "--format", "json"], in: project.directory)
        #expect(run.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let diagnostics = try #require(report?["diagnostics"] as? [[String: Any]])
        let errors = diagnostics.filter { ($0["severity"] as? String) == "error" }
        let located = errors.map { item -> String in
            let location = item["location"] as? [String: Any] ?? [:]
            return "\(location["project_file"] ?? ""):\(location["line"] ?? 0):\(location["column"] ?? 0) \(item["id"] ?? "")"
        }
        // Beside the path inside the project, the absolute one: a CI tool reads it from anywhere.
        let absolute = try #require((errors.first?["location"] as? [String: Any])?["file"] as? String)
        #expect(absolute == project.directory.appending(path: "Content/en/guide.md").standardizedFileURL.path)
        #expect(located == [
            "Content/en/guide.md:4:5 link.missing-page",
            "Content/en/guide.md:6:5 placeholder.unknown",
        ])
        #expect(report?["errors"] as? Int == 2)
    }

    @Test func checkSpeaksGitHubWorkflowCommands() throws {
        let project = try projectWithProblems()
        let run = try almakit(["check", "--format", "github"], in: project.directory)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("::error file=Content/en/guide.md,line=4,col=5,title=almakit error [link.missing-page]::link to 'missing.md' has no target: Content/en/missing.md does not exist%0Ahint: check the file name; links are relative to this page's folder"))
        #expect(lines.contains("::error file=Content/en/guide.md,line=6,col=5,title=almakit error [placeholder.unknown]::unknown placeholder '{{amout}}'%0Ahint: did you mean '{{amount}}'?"))
        #expect(lines.contains { $0.hasPrefix("::warning file=Content/en/guide.md,line=1,col=1,") })
    }

    @Test func githubFormatEscapesWhatWouldEndTheCommand() {
        let diagnostic = Diagnostic.error(id: "test.escaping", at: AlmaKitCore.SourceLocation(file: "a,b:c.md", line: 1, column: 2), "100% wrong\nsecond line")
        #expect(DiagnosticFormatter().github(diagnostic) == "::error file=a%2Cb%3Ac.md,line=1,col=2,title=almakit error [test.escaping]::100%25 wrong%0Asecond line")
    }
}
