import AlmaKit
import AlmaKitCore
import AlmaKitSite
import ArgumentParser
import Foundation

struct Translations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every translation against its source page, with the hash 'translated_from' should hold.")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let (status, diagnostics) = SiteBuilder(options: project.buildOptions).translationStatus()
        Terminal.printDiagnostics(diagnostics, project: project.directory)
        guard let status, !diagnostics.hasErrors else { throw ExitCode(1) }
        for entry in status.entries {
            let state = switch entry.state {
            case .upToDate: "up to date"
            case .stale(let recorded): "stale (translated from \(recorded))"
            case .untracked: "untracked"
            case .missing: "missing"
            }
            let translation = entry.page?.sourcePath ?? Page.sourcePath(language: entry.language, key: entry.source.sourceKey)
            print("\(translation)\t\(state)\tsource \(entry.source.sourcePath) \(entry.sourceHash)")
        }
    }
}
