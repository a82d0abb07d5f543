import Foundation

/// A file copied into the site byte for byte: an image, a PDF or a download
/// beside the guides, or a binary asset of the project's templates. It is
/// streamed from the project when the site is written, never held in memory.
public struct CopiedFile: Sendable, Equatable {
    /// Relative to the published folder, with `/` separators.
    public var path: String
    /// The file in the project.
    public var source: URL
    /// How messages name it: `Content/fr/schema.png`.
    public var sourcePath: String
}

/// The files of `Content/` that are not guides, each copied to the same place
/// in the site: `Content/fr/integration/schema.png` is `fr/integration/schema.png`,
/// so a page's relative link to it works unchanged.
enum ContentFiles {
    /// Files every language links to: `Content/shared/logo.png` is `shared/logo.png`.
    static let sharedFolder = "shared"

    /// - Parameters:
    ///   - diagnostics: receives problems with `Content/shared/` only; the
    ///     language folders' were reported when their pages were listed.
    static func list(projectDirectory: URL, languages: [String], into diagnostics: inout Diagnostics) -> [CopiedFile] {
        let content = projectDirectory.appending(path: "Content")
        var files: [CopiedFile] = []
        for folder in languages + [sharedFolder] {
            var found = Diagnostics()
            let names = ProjectFiles.list(in: content.appending(path: folder), project: projectDirectory, named: "Content/\(folder)", into: &found)
            if folder == sharedFolder { diagnostics.append(contentsOf: found.all) }
            for name in names where !name.hasSuffix(".md") {
                files.append(CopiedFile(path: "\(folder)/\(name)", source: content.appending(path: folder).appending(path: name),
                                        sourcePath: "Content/\(folder)/\(name)"))
            }
        }
        return files
    }
}
