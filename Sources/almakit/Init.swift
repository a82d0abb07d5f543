import AlmaKit
import AlmaKitCore
import ArgumentParser
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a site project that builds as it stands, with a CI workflow.")

    @Argument(help: "The folder to create the project in (created when missing).")
    var directory: String

    @Option(name: .long, help: "The site's languages, the default first, comma-separated.")
    var languages: String = "fr,en"

    @Option(name: .long, help: ArgumentHelp(
        "The git repository of AlmaKit's source, which the CI workflow builds almakit from (https://…). Without it, no workflow is written.",
        valueName: "url"))
    var almakitRepository: String?

    @Option(name: .long, help: ArgumentHelp(
        "The tag, branch or commit of AlmaKit the CI workflow builds (default: \(AlmaKitVersion.tag), this almakit's own tag).",
        valueName: "ref"))
    var almakitRef: String?

    @Flag(name: .long, help: "Write the CI workflow alone, into an existing project.")
    var workflowOnly = false

    func validate() throws {
        _ = try workflow()
    }

    func run() throws {
        let codes = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let workflow = try workflow()
        do {
            let scaffold = try ProjectScaffold(languages: codes, workflow: workflow)
            try scaffold.write(into: folder, only: workflowOnly ? [CIWorkflow.path] : nil)
        } catch let problem as ProjectScaffold.Problem {
            Terminal.error("error: \(problem)")
            throw ExitCode(1)
        }
        if let workflow {
            print(workflowOnly ? "wrote \(CIWorkflow.path) in \(folder.path)" : "created a site project in \(folder.path)")
            printToDo(for: workflow)
        } else {
            print("created a site project in \(folder.path)")
            print("""
                no CI workflow: it builds almakit from AlmaKit's source, so it needs that repository. Add it with
                  almakit init \(directory) --workflow-only --almakit-repository URL
                """)
        }
        if !workflowOnly {
            print("next: almakit serve --project \(directory)   (then edit Content/ and almakit.yml)")
        }
    }

    /// The workflow the options ask for, if any. Where AlmaKit's source
    /// lives is something only the user knows: it is asked for, never guessed.
    private func workflow() throws -> CIWorkflow? {
        guard let almakitRepository else {
            if workflowOnly { throw ValidationError("--workflow-only needs --almakit-repository URL") }
            if almakitRef != nil { throw ValidationError("--almakit-ref needs --almakit-repository URL") }
            return nil
        }
        do {
            return try CIWorkflow(repository: almakitRepository, ref: almakitRef ?? AlmaKitVersion.tag)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// What was taken from the options, and what only the user can do.
    private func printToDo(for workflow: CIWorkflow) {
        let ref = almakitRef == nil ? "\(workflow.ref) (this almakit's tag; --almakit-ref picks another)" : workflow.ref
        print("""
            \(CIWorkflow.path) checks and builds the site, and publishes dist/ to GitHub Pages from the default branch.
            It builds almakit from \(workflow.repository) at \(ref).
            Before the first push:
              - make sure \(workflow.ref) exists in \(workflow.repository)
              - if that repository is private, add a repository secret ALMAKIT_TOKEN that can read it
              - in the site repository's Settings > Pages, set the source to "GitHub Actions"
            """)
    }
}
