import AlmaKitCore
import Foundation

/// The project's `almakit.yml` (or `--config`), read and validated.
struct ConfigurationFile {
    let options: BuildOptions

    /// The configuration and the text it was read from, which cached pages
    /// depend on; nil when nothing else can be checked with it.
    func load(into diagnostics: inout Diagnostics) -> (config: SiteConfig, text: String)? {
        let name = options.displayPath(options.configFile)
        guard FileManager.default.fileExists(atPath: options.configFile.path) else {
            diagnostics.append(missing(named: name))
            return nil
        }
        guard let text = ProjectFiles.readText(options.configFile, named: name, into: &diagnostics),
              let config = ConfigurationCheck.run(text, file: name, into: &diagnostics)
        else { return nil }
        return (config, text)
    }

    /// Run outside a project, a command finds no configuration: say where it
    /// looked and how to get one, rather than only that a file is unreadable.
    private func missing(named name: String) -> Diagnostic {
        let folder = options.configFile.deletingLastPathComponent().standardizedFileURL.path
        if options.configFile.lastPathComponent == "almakit.yml" {
            return .error(id: "project.not-found",
                at: SourceLocation(file: name),
                "no almakit.yml in \(folder): this folder is not an AlmaKit site project",
                hint: "run the command in a project's folder, point at one with --project DIR, or create one with 'almakit init DIR'")
        }
        return .error(id: "config.file-missing", at: SourceLocation(file: name), "the configuration file \(options.configFile.path) does not exist",
                      hint: "check the path given to --config")
    }
}
