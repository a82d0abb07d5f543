import AlmaKit
import ArgumentParser
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate everything a build would, and write nothing.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "How to print problems: text or json.")
    var format: Format = .text

    func run() throws {
        let result = SiteBuilder(options: BuildOptions(projectDirectory: project.directory)).check()
        switch format {
        case .text:
            Terminal.printDiagnostics(result.diagnostics)
            if result.succeeded {
                print("no errors (\(Terminal.summary(result.diagnostics)))")
            }
        case .json:
            print(DiagnosticFormatter().json(result.diagnostics))
        }
        if !result.succeeded { throw ExitCode(1) }
    }
}
