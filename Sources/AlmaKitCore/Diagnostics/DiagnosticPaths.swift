import Foundation

/// Names a diagnostic's file the way the reader's tools find it. Problems
/// are found with paths inside the project (`Content/en/guide.md`); printed
/// from a repository's root with `--project site`, that path names nothing:
/// GitHub would annotate a file that does not exist, an editor would open
/// none. Printed, each path is relative to the current directory.
public struct DiagnosticPaths: Sendable {
    let project: URL
    let currentDirectory: URL
    /// How a problem in a built-in template names its file: it has no path.
    package static let builtInTemplatePrefix = "built-in template "

    /// - Parameters:
    ///   - project: the folder the diagnostics' relative paths start from.
    ///   - currentDirectory: where the reader is; the process's own by default.
    public init(project: URL, currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) {
        self.project = project.standardizedFileURL
        self.currentDirectory = currentDirectory.standardizedFileURL
    }

    /// The file's absolute path; a name that is not a path (a built-in template) as it is.
    public func absolute(_ file: String) -> String {
        guard Self.isPath(file) else { return file }
        return file.hasPrefix("/") ? file : project.appending(path: file).standardizedFileURL.path
    }

    /// The file's path from the current directory (`site/Content/en/guide.md`, `../site/almakit.yml`).
    public func relative(_ file: String) -> String {
        guard Self.isPath(file) else { return file }
        return FilePaths.relative(from: currentDirectory, to: URL(fileURLWithPath: absolute(file)))
    }

    /// Every diagnostic with its file named from the current directory.
    public func relative(_ diagnostics: Diagnostics) -> Diagnostics {
        Diagnostics(diagnostics.all.map { diagnostic in
            var moved = diagnostic
            moved.location.file = relative(diagnostic.location.file)
            return moved
        })
    }

    private static func isPath(_ file: String) -> Bool {
        !file.isEmpty && !file.hasPrefix(builtInTemplatePrefix)
    }
}
