import AlmaKit
import ArgumentParser
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var project: ProjectOptions

    @Flag(name: .long, help: "Treat warnings (stale or missing translations) as errors, as CI should.")
    var strict = false

    @Option(name: .long, help: "The configuration file (default: PROJECT/almakit.yml).")
    var config: String?

    @Option(name: .long, help: "The output folder (default: PROJECT/dist).")
    var out: String?

    func run() throws {
        let started = Date()
        var options = BuildOptions(
            projectDirectory: project.directory,
            configFile: config.map { URL(fileURLWithPath: $0) },
            outputDirectory: out.map { URL(fileURLWithPath: $0, isDirectory: true) })
        options.strict = strict
        let result = SiteBuilder(options: options).build()
        Terminal.printDiagnostics(result.diagnostics)
        guard result.succeeded else {
            Terminal.error("build failed: \(Terminal.summary(result.diagnostics)); nothing was written")
            throw ExitCode(1)
        }
        let pages = result.pagesPerLanguage.map { "\($0.count) \($0.language)" }.joined(separator: ", ")
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("built \(result.files.count) files (pages: \(pages)) into \(options.outputDirectory.path) in \(seconds)s")
    }
}
