import AlmaKitCore
import AlmaKitSite
import Foundation

/// Everything one build knows, filled in step by step (`BuildStep`). A field
/// marked "set by" is read only by the steps after the one that sets it; the
/// pipeline stops before them when that step could not set it.
struct BuildContext {
    let options: BuildOptions
    /// Where each finished file of the published site goes.
    let output: SiteOutput
    var findings = BuildFindings()
    /// Set when a step found that nothing after it can run.
    var stopped = false

    /// Set by `loadConfiguration`.
    var config: SiteConfig!
    /// The configuration's text, which cached pages depend on; set by `loadConfiguration`.
    var configText = ""

    /// The site's strings and templates, and their problems, read while the
    /// pages are; started by `readPages`.
    var stringsAndTemplates: Background<RenderCache.StringsAndTemplates>!
    /// Set by `pairTranslations`, from `stringsAndTemplates`.
    var strings: StringsCatalogue!
    var templates: TemplateSet!
    /// Every file of the language folders; set by `readPages`.
    var listing: [(language: String, relative: String)] = []
    /// The site's own pages, drafts included, without their text unless a
    /// cache keeps it (`PageBodies`); set by `readPages`.
    var pages: [Page] = []

    /// Set by `pairTranslations`.
    var translations: Translations!
    /// Pages standing in for missing translations.
    var fallbacks: [Page] = []
    /// What the build writes besides the guides, that a link may name.
    var generatedPages: [String] = []
    /// Copied from the project into the published folder as they are.
    var copiedFiles: [CopiedFile] = []

    /// Set by `indexSite`.
    var guideRenderer: GuideRenderer!
    var siteRenderer: SiteRenderer!
    /// Every page and file a link may name; heading anchors added by `renderGuides`.
    var site: GuideRenderer.Site!
    /// One per language, in the configuration's order.
    var layouts: [PageContext] = []

    /// The pages that get a page of their own, stand-ins included.
    var publishedPages: [Page] { (pages + fallbacks).filter { !$0.frontMatter.draft } }

    /// What each guide left once published: its own pages', then the stand-ins'; set by `renderGuides`.
    var guides: [GuideRenderer.Summary] = []
    /// Every file besides the guides' pages, filled while they render:
    /// started by `renderGuides`, collected by `fillTemplates`.
    var generatedFiles: Background<GeneratedFiles>!
    struct GeneratedFiles: Sendable {
        /// The site's were handed to the output as they were made.
        var serverFiles: [OutputFile]
        var problems: [Diagnostic]
    }
    /// The servers' files, relative to the servers folder; set by `fillTemplates`.
    var serverFiles: [OutputFile] = []

    init(options: BuildOptions, output: SiteOutput) {
        self.options = options
        self.output = output
        findings.strict = options.strict
    }

    /// What the steps run so far found and made.
    var result: BuildResult {
        let published = pages.filter { !$0.frontMatter.draft }
        let counts = (config?.site.languages ?? []).map { language in
            (language, published.filter { $0.language == language }.count)
        }
        return BuildResult(diagnostics: findings.all(pageOrder: pages.map(\.sourcePath)),
                           files: output.keptFiles, publishedFiles: output.publishedFiles,
                           serverFiles: serverFiles, copiedFiles: copiedFiles, pagesPerLanguage: counts)
    }
}
