import AlmaKit
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

    var directory: URL {
        URL(fileURLWithPath: project, isDirectory: true).standardizedFileURL
    }
}
