import AlmaKit
import AlmaKitCore
import ArgumentParser
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate everything a build would, and write nothing.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var project: ProjectOptions

    @Flag(name: .long, help: "Treat warnings (stale or missing translations) as errors, as CI should.")
    var strict = false

    @Option(name: .long, help: "How to print problems: text (for people), json (one document), github (workflow commands, inline on pull requests).")
    var format: Format = .text

    func run() throws {
        var options = project.buildOptions
        options.strict = strict
        let result = SiteBuilder(options: options).check(keepingFiles: false)
        let paths = DiagnosticPaths(project: project.directory)
        switch format {
        case .text:
            Terminal.printDiagnostics(result.diagnostics, project: project.directory)
            if result.succeeded {
                print("no errors (\(Terminal.summary(result.diagnostics)))")
            }
        case .json:
            print(DiagnosticFormatter().json(result.diagnostics, paths: paths))
        case .github:
            // GitHub annotates the file at this path from the repository's root, where the job runs.
            for diagnostic in paths.relative(result.diagnostics).sorted {
                print(DiagnosticFormatter().github(diagnostic))
            }
            print("almakit check: \(Terminal.summary(result.diagnostics))")
        }
        if !result.succeeded { throw ExitCode(1) }
    }
}
