import AlmaKit
import ArgumentParser
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a site project that builds as it stands, with a CI workflow.")

    @Argument(help: "The folder to create the project in (created when missing).")
    var directory: String

    @Option(name: .long, help: "The site's languages, the default first, comma-separated.")
    var languages: String = "fr,en"

    func run() throws {
        let codes = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try ProjectScaffold(languages: codes).write(into: folder)
        } catch let problem as ProjectScaffold.Problem {
            Terminal.error("error: \(problem)")
            throw ExitCode(1)
        }
        print("created a site project in \(folder.path)")
        print("next: almakit serve --project \(directory)   (then edit Content/ and almakit.yml)")
    }
}
