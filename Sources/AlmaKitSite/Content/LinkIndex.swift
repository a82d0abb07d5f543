import AlmaKitCore

/// Everything a link inside the site can point to: the pages by source file,
/// the files the build writes, and the anchors each page has.
public struct LinkIndex: Sendable {
    /// `Content/fr/paiement.md` -> `fr/paiement.html`
    var outputBySource: [String: String] = [:]
    /// Output path -> heading ids; generated pages have none we check.
    var anchorsByOutput: [String: Set<String>?] = [:]
    /// Drafts, by source path: they exist but are not published.
    var drafts: Set<String> = []
    /// Files copied from `Content/`, by source path: `Content/fr/a.png` -> `fr/a.png`.
    var filesBySource: [String: String] = [:]

    mutating func addFile(_ file: CopiedFile) {
        filesBySource[file.sourcePath] = file.path
        addGenerated(file.path)
    }

    /// A page of the site, with no anchors until it is rendered (`setAnchors`).
    mutating func addPage(_ page: Page) {
        if page.frontMatter.draft {
            drafts.insert(page.sourcePath)
            return
        }
        outputBySource[page.sourcePath] = page.outputPath
        anchorsByOutput[page.outputPath] = []
    }

    /// The anchors of a page or stand-in added already, once it is rendered
    /// (a stand-in's are its source's).
    mutating func setAnchors(_ anchors: Set<String>, of page: Page) {
        guard !page.frontMatter.draft else { return }
        anchorsByOutput[page.outputPath] = anchors
    }

    /// A page standing in for a missing translation: `.md` links written in
    /// its language reach it as if the translation existed. No anchors
    /// until its source is rendered (`setAnchors`).
    mutating func addFallback(_ page: Page) {
        outputBySource[Page.sourcePath(language: page.language, key: page.sourceKey)] = page.outputPath
        anchorsByOutput[page.outputPath] = []
    }

    /// A page the build writes whose anchors are not known.
    mutating func addGenerated(_ outputPath: String) {
        if anchorsByOutput[outputPath] == nil {
            anchorsByOutput[outputPath] = .some(nil)
        }
    }

    func hasOutput(_ path: String) -> Bool {
        anchorsByOutput[path] != nil
    }

    /// nil when the page's anchors are not known (generated pages).
    func anchors(of outputPath: String) -> Set<String>? {
        anchorsByOutput[outputPath] ?? nil
    }

    /// Feeds everything a link check can depend on into `hasher`, in a stable order.
    func digest(into hasher: inout Hasher) {
        for (source, output) in outputBySource.sorted(by: { $0.key < $1.key }) {
            hasher.combine(source)
            hasher.combine(output)
        }
        for (output, anchors) in anchorsByOutput.sorted(by: { $0.key < $1.key }) {
            hasher.combine(output)
            hasher.combine(anchors.map { $0.sorted() })
        }
        hasher.combine(drafts.sorted())
        hasher.combine(filesBySource.keys.sorted())
    }
}
