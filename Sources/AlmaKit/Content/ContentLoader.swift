import Foundation

/// Reads every `Content/<lang>/**/*.md` of the site's languages into pages.
public struct ContentLoader: Sendable {
    let projectDirectory: URL
    /// A guide is read by people: far below this. The limit keeps a stray
    /// dump of data from taking minutes and gigabytes to render.
    static let maximumPageBytes = 4 * 1024 * 1024

    /// - Parameter projectDirectory: the folder holding `almakit.yml` and `Content/`.
    public init(projectDirectory: URL) {
        self.projectDirectory = projectDirectory
    }

    public func load(languages: [String], into diagnostics: inout Diagnostics) -> [Page] {
        var pages: [Page] = []
        for language in languages {
            let folder = projectDirectory.appending(path: "Content/\(language)")
            for relative in ProjectFiles.list(in: folder, project: projectDirectory, named: "Content/\(language)", into: &diagnostics)
            where relative.hasSuffix(".md") {
                let sourcePath = "Content/\(language)/\(relative)"
                let size = (try? FileManager.default.attributesOfItem(atPath: folder.appending(path: relative).path)[.size] as? NSNumber)?.intValue ?? 0
                guard size <= Self.maximumPageBytes else {
                    diagnostics.append(.error(
                        at: SourceLocation(file: sourcePath),
                        "the page is \(size / (1024 * 1024)) MB; AlmaKit renders pages of up to \(Self.maximumPageBytes / (1024 * 1024)) MB",
                        hint: "split it into several pages, or keep large data out of Content/"))
                    continue
                }
                guard let text = ProjectFiles.readText(folder.appending(path: relative), named: sourcePath, into: &diagnostics) else { continue }
                let split = FrontMatterSplit(text)
                guard let frontMatter = FrontMatterReader(file: sourcePath).read(split, into: &diagnostics) else { continue }
                pages.append(Page(
                    language: language,
                    sourcePath: sourcePath,
                    sourceKey: String(relative.dropLast(".md".count)),
                    frontMatter: frontMatter,
                    body: split.body,
                    bodyLineOffset: split.bodyLineOffset))
            }
        }
        reportCollisions(pages, into: &diagnostics)
        return pages
    }

    /// Two pages must not write the same file, nor the pages AlmaKit generates.
    private func reportCollisions(_ pages: [Page], into diagnostics: inout Diagnostics) {
        var owners: [String: Page] = [:]
        for page in pages {
            let location = SourceLocation(file: page.sourcePath, line: 1, column: 1)
            let name = page.outputPath.dropFirst(page.language.count + 1)
            if GeneratedPages.reservedNames.contains(String(name)) {
                diagnostics.append(.error(
                    at: location, "this page would replace the generated \(name)",
                    hint: "rename the file or set another 'slug' in its front matter"))
            }
            if let owner = owners[page.outputPath] {
                diagnostics.append(.error(
                    at: location, "this page and \(owner.sourcePath) would both be written to \(page.outputPath)",
                    hint: "give one of them another 'slug'"))
            } else {
                owners[page.outputPath] = page
            }
        }
    }
}
