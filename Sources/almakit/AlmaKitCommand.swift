import AlmaKit
import AlmaKitCore
import ArgumentParser
import Foundation

@main
struct AlmaKitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almakit",
        abstract: "Builds an Alma checkout site and its FR/EN integration guides.",
        version: AlmaKitVersion.current,
        subcommands: [Init.self, Build.self, Check.self, Serve.self, Translations.self, Snippet.self]
    )
}

/// Options every command that reads a project shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The site project folder.")
    var project: String = "."

    @Option(name: .long, help: "The configuration file (default: PROJECT/almakit.yml).")
    var config: String?

    var directory: URL {
        URL(fileURLWithPath: project, isDirectory: true).standardizedFileURL
    }

    /// What every command reads: the project and its configuration.
    var buildOptions: BuildOptions {
        BuildOptions(projectDirectory: directory, configFile: config.map { URL(fileURLWithPath: $0) })
    }
}
