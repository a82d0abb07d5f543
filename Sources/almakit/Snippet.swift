import AlmaKit
import AlmaKitCore
import ArgumentParser
import Foundation

extension ServerLanguage: ExpressibleByArgument {}

struct Snippet: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one language's complete server to stdout.")

    @Argument(help: "The server language: \(ServerLanguage.allCases.map(\.rawValue).joined(separator: ", ")).")
    var language: ServerLanguage

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let (code, diagnostics) = SiteBuilder(options: project.buildOptions).serverCode(for: language)
        Terminal.printDiagnostics(diagnostics, project: project.directory)
        guard let code else { throw ExitCode(1) }
        print(code, terminator: "")
    }
}
