import Foundation

/// One check's results kept stage by stage, so that `almakit serve` can
/// redo only the part an edit touches: a guide whose text changed but whose
/// front matter and headings did not is parsed and rendered again on its
/// own, against the rest of the site as it was.
struct BuildSnapshot: Sendable {
    /// What each stage found, in pipeline order; the stages an edit redoes
    /// are kept apart so that their old findings can be dropped.
    struct Findings: Sendable {
        var configuration: [Diagnostic] = []
        /// Listing and reading the pages: each page's own problems carry its file.
        var reading: [Diagnostic] = []
        /// Output collisions, translation groups, strings, templates: what an
        /// edit to a page's text cannot change.
        var structure: [Diagnostic] = []
        var translationStatus: [Diagnostic] = []
        /// Links, snippets and placeholders of each page, by source path.
        var guides: [String: [Diagnostic]] = [:]
        var templates: [Diagnostic] = []
        /// Key-shaped strings found in the output, each at its output file.
        var secrets: [Diagnostic] = []
        var strict = false

        /// - Parameter pageOrder: the pages' source paths, in the order their problems are listed.
        func all(pageOrder: [String]) -> Diagnostics {
            var diagnostics = Diagnostics(configuration + reading + structure + translationStatus)
            for source in pageOrder { diagnostics.append(contentsOf: guides[source] ?? []) }
            diagnostics.append(contentsOf: templates + secrets)
            if strict { diagnostics.promoteWarnings() }
            return diagnostics
        }
    }

    var findings: Findings
    var pages: [Page]
    var translations: Translations
    /// The pages', then the fallbacks', as `GuideRenderer.Rendering` orders them.
    var guides: [RenderedGuide]
    var site: GuideRenderer.Site
    var guideRenderer: GuideRenderer
    var siteRenderer: SiteRenderer
    /// One per language, in the configuration's order.
    var layouts: [PageContext]
    /// The published site's files, sorted by path.
    var files: [OutputFile]
    /// The servers' files, relative to the servers folder.
    var serverFiles: [OutputFile]
    /// Copied from the project into the published folder as they are.
    var copiedFiles: [CopiedFile]
    /// Where secrets in the output are reported: the output folder as the user named it.
    var outputFolder: String
    /// The files the last update rendered again; nil when the whole site was built.
    var updatedFiles: [String]? = nil

    var result: BuildResult {
        let counts = siteRenderer.config.site.languages.map { language in
            (language, guides.filter { $0.page.language == language && !$0.page.frontMatter.draft && $0.page.fallbackFrom == nil }.count)
        }
        let pageOrder = guides.filter { $0.page.fallbackFrom == nil }.map(\.page.sourcePath)
        return BuildResult(diagnostics: findings.all(pageOrder: pageOrder), files: files, serverFiles: serverFiles, copiedFiles: copiedFiles, pagesPerLanguage: counts)
    }

    /// This build with `edited` read again (each `Content/<lang>/…` page as
    /// `sourcePath` names it), or nil when an edit reaches beyond its own
    /// page: a page added or removed, its front matter changed in what other
    /// pages show, its heading ids changed, or a file that does not read.
    /// Nil means: build the whole site again.
    func updating(_ edited: [(page: Page, findings: [Diagnostic])]) -> BuildSnapshot? {
        var next = self
        next.updatedFiles = []
        for (page, found) in edited {
            guard next.replace(page, readingFindings: found) else { return nil }
        }
        next.findings.translationStatus = TranslationStatus(next.translations).diagnostics(siteRenderer.config.site.translations)
        return next
    }

    /// Renders `page` again in place of the page read from the same file.
    private mutating func replace(_ page: Page, readingFindings: [Diagnostic]) -> Bool {
        guard let position = pages.firstIndex(where: { $0.sourcePath == page.sourcePath && $0.language == page.language }),
              pages[position].frontMatter.looksTheSameFromOtherPages(as: page.frontMatter),
              let guidePosition = guides.firstIndex(where: { $0.page.sourcePath == page.sourcePath && $0.page.fallbackFrom == nil })
        else { return false }
        guard let (guide, found) = guideRenderer.render(page, keepingAnchors: guides[guidePosition].anchors, site: site) else { return false }

        var rendered = [(guidePosition, guide)]
        // Languages that lack this page show its text too.
        for (position, standIn) in guides.enumerated() where standIn.page.fallbackFrom == page.language && standIn.page.sourcePath == page.sourcePath {
            var copy = page
            copy.language = standIn.page.language
            copy.fallbackFrom = page.language
            guard let (fallback, _) = guideRenderer.render(copy, keepingAnchors: standIn.anchors, site: site) else { return false }
            rendered.append((position, fallback))
        }

        var outputs: [OutputFile] = []
        for (position, guide) in rendered {
            guides[position] = guide
            guard !guide.page.frontMatter.draft else { continue }
            guard let layout = layouts.first(where: { $0.language == guide.page.language }),
                  let file = siteRenderer.page(of: guide, in: layout)
            else { return false }
            outputs.append(file)
        }
        for file in outputs {
            guard let index = files.firstIndex(where: { $0.path == file.path }) else { return false }
            files[index] = file
            updatedFiles?.append(file.path)
        }

        pages[position] = page
        translations.replace(page)
        findings.reading.removeAll { $0.location.file == page.sourcePath }
        findings.reading.append(contentsOf: readingFindings)
        findings.guides[page.sourcePath] = found
        let scanned = Set(outputs.map { "\(outputFolder)/\($0.path)" })
        findings.secrets.removeAll { scanned.contains($0.location.file) }
        findings.secrets.append(contentsOf: SecretScanner().scan(outputs, folder: outputFolder))
        return true
    }
}

extension FrontMatter {
    /// Whether other pages would show a page with `other` as they show this
    /// one: everything but `translated_from`, which only the translation
    /// status reads, and which a snapshot update works out again.
    func looksTheSameFromOtherPages(as other: FrontMatter) -> Bool {
        title == other.title && description == other.description && order == other.order && slug == other.slug
            && draft == other.draft && translationKey == other.translationKey && updated == other.updated
    }
}
