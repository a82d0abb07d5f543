import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore

/// The GitHub Actions workflow `almakit init` writes, parsed as YAML: it must
/// run as written on a fresh runner, build the AlmaKit it names, and publish
/// only the site.
@Suite struct CIWorkflowTests {
    static let repository = "https://github.com/acme/almakit.git"
    static let defaultBranch = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"

    func written(ref: String? = nil) throws -> WorkflowFile {
        let workflow = try ref.map { try CIWorkflow(repository: Self.repository, ref: $0) } ?? CIWorkflow(repository: Self.repository)
        let files = try ProjectScaffold(languages: ["fr", "en"], workflow: workflow).files()
        return try WorkflowFile(#require(files[CIWorkflow.path]))
    }

    @Test func matchesGoldenFile() throws {
        try Golden.check(written().text, named: "init/site.yml")
    }

    @Test func buildsTheRepositoryAndRefItWasGiven() throws {
        let byDefault = try written()
        #expect(byDefault.environment["ALMAKIT_REPOSITORY"] == Self.repository)
        #expect(byDefault.environment["ALMAKIT_REF"] == "v\(AlmaKitVersion.current)")
        #expect(byDefault.environment["ALMAKIT_VERSION"] == AlmaKitVersion.current)
        #expect(!byDefault.text.contains("your-team"))
        #expect(try written(ref: "release/0.13").environment["ALMAKIT_REF"] == "release/0.13")
        let fetch = try #require(try byDefault.step("almakit", of: "site")["run"] as? String)
        #expect(fetch.contains(#""$ALMAKIT_REPOSITORY" "$ALMAKIT_REF""#))
    }

    /// A push to a branch with a pull request starts both events; only one
    /// of them may run the jobs.
    @Test func runsOncePerCommit() throws {
        let workflow = try written()
        #expect(Set(workflow.triggers.keys).isSubset(of: ["push", "pull_request", "workflow_dispatch"]))
        let pushFilter = (workflow.triggers["push"] as? WorkflowFile.Mapping)?["branches"]
        if workflow.triggers.keys.contains("pull_request") && pushFilter == nil {
            #expect(try workflow.job("site")["if"] as? String == "github.event_name == 'pull_request' || \(Self.defaultBranch)")
        }
    }

    @Test func deploysFromTheDefaultBranchOnlyAfterTheSiteIsBuilt() throws {
        let workflow = try written()
        let deploy = try workflow.job("deploy")
        let needs = deploy["needs"] as? String ?? (deploy["needs"] as? [String])?.first
        #expect(needs == "site")
        #expect(deploy["if"] as? String == Self.defaultBranch)
        #expect(deploy["permissions"] as? [String: String] == ["pages": "write", "id-token": "write"])
        #expect((deploy["environment"] as? WorkflowFile.Mapping)?["name"] as? String == "github-pages")
        #expect(try workflow.steps(using: "actions/deploy-pages", in: "deploy").count == 1)
        // Only the deploy job may publish.
        #expect(workflow.root["permissions"] as? [String: String] == ["contents": "read"])
    }

    @Test func uploadsThePublishedFolderOnly() throws {
        let workflow = try written()
        let uploads = try workflow.steps(of: "site").filter { ($0["uses"] as? String)?.contains("upload") == true }
        #expect(uploads.count == 1)
        let pages = try workflow.steps(using: "actions/upload-pages-artifact", in: "site")
        #expect(pages.count == 1)
        #expect((pages.first?["with"] as? WorkflowFile.Mapping)?["path"] as? String == "dist")
    }

    @Test func buildsAlmaKitOncePerCommitOfIt() throws {
        let workflow = try written()
        let fetch = try #require(try workflow.step("almakit", of: "site")["run"] as? String)
        #expect(fetch.contains(#"echo "commit=$(git rev-parse HEAD)" >> "$GITHUB_OUTPUT""#))
        let cache = try #require(try workflow.steps(using: "actions/cache", in: "site").first)
        let settings = cache["with"] as? WorkflowFile.Mapping ?? [:]
        let key = settings["key"] as? String ?? ""
        #expect(key.contains("${{ steps.almakit.outputs.commit }}"))
        #expect(key.contains("${{ runner.os }}") && key.contains(CIWorkflow.image))
        #expect(settings["path"] as? String == "${{ env.ALMAKIT_HOME }}/bin")
        let build = try #require(try workflow.steps(of: "site").first { ($0["run"] as? String)?.contains("swift build") == true })
        #expect(build["if"] as? String == "steps.\(cache["id"] as? String ?? "?").outputs.cache-hit != 'true'")
        #expect((build["run"] as? String)?.contains(#""$ALMAKIT_HOME/bin/almakit""#) == true)
        // The binary scripts/install makes and bench/run times: about a ninth faster than one linked dynamically.
        #expect((build["run"] as? String)?.contains("swift build -c release --static-swift-stdlib ") == true)
    }

    @Test(arguments: ["https://github.com/acme/almakit.git", "https://git.example.com:8443/acme/almakit", "HTTPS://gitlab.com/acme/AlmaKit"])
    func takesARepositoryARunnerCanReach(_ url: String) throws {
        #expect(try CIWorkflow(repository: url).repository == url)
    }

    @Test(arguments: ["", "../almakit", "/srv/git/almakit", "file:///srv/git/almakit", "git@github.com:acme/almakit.git",
                       "ssh://git@github.com/acme/almakit", "https://", "https://x/\"a\"", "https://x/${{ secrets.X }}", "https://x y"])
    func refusesARepositoryARunnerCannotReach(_ url: String) {
        #expect(throws: CIWorkflow.Problem.repositoryNotHTTPS(url)) { try CIWorkflow(repository: url) }
    }

    @Test(arguments: ["", "-v1", "v1;rm", "a..b", "v1 ", "main/", "x.lock", "$(id)"])
    func refusesWhatIsNotARefName(_ ref: String) {
        #expect(throws: CIWorkflow.Problem.invalidRef(ref)) { try CIWorkflow(repository: Self.repository, ref: ref) }
    }

    /// The commands the workflow runs, run for real in a project `init` made:
    /// each is a real subcommand with real options, and the build leaves
    /// the folder the upload step publishes.
    @Test func everyAlmakitCommandItRunsWorksInTheProjectInitWrites() throws {
        let scratch = try TemporaryProject([:], config: nil, pages: [:])
        let made = try AlmakitBinary.run(["init", "site", "--almakit-repository", Self.repository], in: scratch.directory)
        #expect(made.status == 0, "\(made.stderr)")
        let project = scratch.directory.appending(path: "site")
        let workflow = try WorkflowFile(String(contentsOf: project.appending(path: CIWorkflow.path), encoding: .utf8))
        // The merchant's own address and key, in place of the samples strict refuses.
        let configURL = project.appending(path: "almakit.yml")
        let config = try String(contentsOf: configURL, encoding: .utf8)
            .replacingOccurrences(of: "https://shop.example.com", with: "https://boutique.lampes.fr")
            .replacingOccurrences(of: "pk_test_ReplaceWithYourPublishableKey", with: "pk_test_51Hq2dLampes0Boutique")
        try Data(config.utf8).write(to: configURL)
        let commands = try workflow.almakitCommands
        #expect(commands.contains(["check", "--strict", "--format", "github"]))
        #expect(commands.contains(["build"]))
        #expect(commands.contains(["--version"]))
        for command in commands {
            let run = try AlmakitBinary.run(command, in: project)
            #expect(run.status == 0, "almakit \(command.joined(separator: " ")): \(run.stderr)")
            if command == ["--version"] {
                #expect(run.stdout == workflow.environment["ALMAKIT_VERSION"].map { $0 + "\n" })
            }
        }
        let upload = try workflow.steps(using: "actions/upload-pages-artifact", in: "site").first?["with"] as? WorkflowFile.Mapping
        let published = try #require(upload?["path"] as? String)
        #expect(FileManager.default.fileExists(atPath: project.appending(path: published).appending(path: "index.html").path))
    }

    /// The fetch step's script, run by bash against a local repository: a
    /// tag, a branch and a commit all check out, and a missing ref says so.
    @Test func fetchStepTakesATagABranchOrACommit() throws {
        let bash = try #require(ExternalTool.find("bash"))
        let git = try #require(ExternalTool.find("git"))
        let scratch = try TemporaryProject([:], config: nil, pages: [:])
        let source = scratch.directory.appending(path: "almakit")
        func inSource(_ arguments: [String]) throws -> String {
            try ExternalTool.run(git, ["-C", source.path, "-c", "user.name=t", "-c", "user.email=t@example.test"] + arguments)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try ExternalTool.run(git, ["init", "--quiet", "--initial-branch=main", source.path])
        _ = try inSource(["commit", "--quiet", "--allow-empty", "-m", "release"])
        _ = try inSource(["tag", "-a", AlmaKitVersion.tag, "-m", "release"])
        let tagged = try inSource(["rev-parse", "HEAD"])
        _ = try inSource(["commit", "--quiet", "--allow-empty", "-m", "later"])
        let latest = try inSource(["rev-parse", "HEAD"])

        let script = try #require(try written().step("almakit", of: "site")["run"] as? String)
        func fetch(_ ref: String, token: String = "") throws -> (ExternalTool.Output, output: String) {
            let home = scratch.directory.appending(path: "home-\(UUID().uuidString)")
            let output = scratch.directory.appending(path: "output-\(UUID().uuidString)")
            // As GitHub runs a step whose shell is bash.
            let run = try ExternalTool.execute(bash, ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], environment: [
                "ALMAKIT_HOME": home.path, "ALMAKIT_REPOSITORY": source.absoluteURL.absoluteString,
                "ALMAKIT_REF": ref, "ALMAKIT_TOKEN": token, "GITHUB_OUTPUT": output.path,
            ])
            return (run, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
        }
        for (ref, commit) in [(AlmaKitVersion.tag, tagged), ("main", latest), (tagged, tagged)] {
            let (run, output) = try fetch(ref)
            #expect(run.status == 0, "\(ref): \(run.stderr)")
            #expect(output == "commit=\(commit)\n", "\(ref)")
        }
        #expect(try fetch("main", token: "not-a-real-token").output == "commit=\(latest)\n")
        let (missing, _) = try fetch("v0.0.0")
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("::error::cannot fetch 'v0.0.0' from \(source.absoluteURL.absoluteString)"))
    }
}
