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

    /// The project's path from the current directory, which a plain relative
    /// file path can simply follow; nil when the current directory lies
    /// inside the project, where the two paths may share more than it.
    private let projectPrefix: String?

    /// - Parameters:
    ///   - project: the folder the diagnostics' relative paths start from.
    ///   - currentDirectory: where the reader is; the process's own by default.
    public init(project: URL, currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) {
        self.project = project.standardizedFileURL
        self.currentDirectory = currentDirectory.standardizedFileURL
        let projectComponents = self.project.pathComponents, currentComponents = self.currentDirectory.pathComponents
        let shared = zip(projectComponents, currentComponents).prefix { $0 == $1 }.count
        let currentIsInside = shared == projectComponents.count && currentComponents.count > shared
        projectPrefix = currentIsInside ? nil : FilePaths.relative(from: self.currentDirectory, to: self.project)
    }

    /// The file's absolute path; a name that is not a path (a built-in template) as it is.
    public func absolute(_ file: String) -> String {
        guard Self.isPath(file) else { return file }
        return file.hasPrefix("/") ? file : project.appending(path: file).standardizedFileURL.path
    }

    /// The file's path from the current directory (`site/Content/en/guide.md`, `../site/almakit.yml`).
    public func relative(_ file: String) -> String {
        guard Self.isPath(file) else { return file }
        // Without URLs, which cost a thousand warnings 25 ms at the end of a build.
        if let projectPrefix, Self.isPlainRelative(file) {
            return projectPrefix == "." ? file : projectPrefix + "/" + file
        }
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

    /// A relative path with no `.`, `..` or empty segment: `Content/en/guide.md`.
    private static func isPlainRelative(_ file: String) -> Bool {
        // On UTF-8 bytes: every separator and dot is ASCII, and splitting by
        // Character cost a thousand warnings 4 ms.
        let dot = UInt8(ascii: ".")
        return !file.hasPrefix("/") && file.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && !segment.elementsEqual([dot]) && !segment.elementsEqual([dot, dot])
        }
    }

    private static func isPath(_ file: String) -> Bool {
        !file.isEmpty && !file.hasPrefix(builtInTemplatePrefix)
    }
}
