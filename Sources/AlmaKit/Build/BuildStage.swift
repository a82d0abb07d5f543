import AlmaKitCore

/// The named stages of a build, in the order they run: what the progress bar
/// shows and `build --verbose` times. `BuildStep` runs them.
public enum BuildStage: String, CaseIterable, Sendable {
    case loadConfiguration = "loading configuration"
    case readPages = "reading pages"
    case pairTranslations = "pairing translations"
    case indexSite = "indexing pages and links"
    /// Markdown to HTML, page by page; each page is then filled, scanned and
    /// written at once, timed under the three stages below.
    case renderGuides = "rendering guides"
    case fillTemplates = "filling templates"
    case scanForSecrets = "scanning for secrets"
    case write = "writing files"
}
