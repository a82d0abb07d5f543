import Foundation
import PackagePlugin

/// Compiles the package's top-level `Templates/` folder into the target as
/// `BuiltinTemplates.files`, rebuilt whenever a template changes.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "embed-files")
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding Templates/",
                executable: tool.url,
                arguments: ["BuiltinTemplates", templates.path, output.path],
                inputFiles: filesBelow(templates),
                outputFiles: [output]
            )
        ]
    }

    private func filesBelow(_ folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
    }
}
