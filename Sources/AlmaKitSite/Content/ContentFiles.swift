import AlmaKitCore
import Foundation

extension CopiedFile {
    /// A copied file must not take the place of a page or of another file.
    package static func collisions(of copies: [CopiedFile], with pages: [Page], generated: [String]) -> [Diagnostic] {
        var owners = Dictionary(pages.map { ($0.outputPath, $0.sourcePath) }, uniquingKeysWith: { first, _ in first })
        for path in generated { owners[path] = owners[path] ?? "AlmaKit's own \(path)" }
        var problems: [Diagnostic] = []
        for copy in copies {
            if let owner = owners[copy.path] {
                problems.append(.error(id: "content.file-collision", at: SourceLocation(file: copy.sourcePath), "this file and \(owner) would both be written to \(copy.path)",
                                       hint: "rename the file"))
            }
            owners[copy.path] = copy.sourcePath
        }
        return problems
    }
}

/// The files of `Content/` that are not guides, each copied to the same place
/// in the site: `Content/fr/integration/schema.png` is `fr/integration/schema.png`,
/// so a page's relative link to it works unchanged.
package enum ContentFiles {
    /// Files every language links to: `Content/shared/logo.png` is `shared/logo.png`.
    static let sharedFolder = "shared"

    /// - Parameter listing: the language folders' files, as `ContentLoader.list` found them for the pages.
    package static func list(_ listing: [(language: String, relative: String)], projectDirectory: URL, into diagnostics: inout Diagnostics) -> [CopiedFile] {
        let content = projectDirectory.appending(path: "Content")
        let shared = ProjectFiles.list(in: content.appending(path: sharedFolder), project: projectDirectory,
                                       named: "Content/\(sharedFolder)", into: &diagnostics).map { (language: sharedFolder, relative: $0) }
        return (listing + shared).filter { !$0.relative.hasSuffix(".md") }.map { file in
            CopiedFile(path: "\(file.language)/\(file.relative)", source: content.appending(path: file.language).appending(path: file.relative),
                       sourcePath: "Content/\(file.language)/\(file.relative)")
        }
    }
}
