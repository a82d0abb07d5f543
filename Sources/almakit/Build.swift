import AlmaKit
import AlmaKitCore
import ArgumentParser
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var project: ProjectOptions

    @Flag(name: .long, help: "Treat warnings (stale or missing translations) as errors, as CI should.")
    var strict = false

    @Option(name: .long, help: "The published folder: the site alone (default: PROJECT/dist).")
    var out: String?

    @Option(name: .long, help: "Where the generated servers go, kept across builds (default: PROJECT/server).")
    var servers: String?

    @Flag(name: .shortAndLong, help: "Print nothing but problems.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also list every file written and how long each stage took.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    func run() throws {
        let started = Date()
        var options = project.buildOptions
        if let out { options.outputDirectory = URL(fileURLWithPath: out, isDirectory: true) }
        if let servers { options.serversDirectory = URL(fileURLWithPath: servers, isDirectory: true) }
        options.strict = strict
        let progress = BuildProgress()
        options.progress = progress
        let bar = ProgressBar(progress)
        if !quiet { bar.start() }
        let result = SiteBuilder(options: options).build()
        bar.stop()
        Terminal.printDiagnostics(result.diagnostics, project: project.directory)
        guard result.succeeded else {
            Terminal.error("build failed: \(Terminal.summary(result.diagnostics)); nothing was written")
            throw ExitCode(1)
        }
        if verbose {
            for file in result.publishedFiles {
                print("  \(file.path) (\(file.byteCount) bytes)")
            }
            for file in result.serverFiles {
                print("  server: \(file.path) (\(file.contents.utf8.count) bytes)")
            }
            func times(_ stages: [(stage: BuildStage, seconds: Double)]) -> String {
                stages.map { "\($0.stage.rawValue) \(String(format: "%.2f", $0.seconds))s" }.joined(separator: ", ")
            }
            print("steps: " + times(progress.stepTimes))
            print("per page, summed over cores: " + times(progress.perPageTimes))
        }
        guard !quiet else { return }
        let pages = result.pagesPerLanguage.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
        let serverCount = Set(result.serverFiles.compactMap { $0.path.split(separator: "/").first }).count
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("built \(result.publishedFiles.count) files (pages: \(pages)) into \(options.outputDirectory.path) in \(seconds)s")
        if serverCount > 0 {
            print("updated \(serverCount) servers in \(options.serversDirectory.path) (your own files there are kept)")
        }
    }
}
