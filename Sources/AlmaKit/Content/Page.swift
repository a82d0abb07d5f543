/// One guide page of one language, as read from `Content/<lang>/`.
public struct Page: Sendable {
    public var language: String
    /// The file as diagnostics name it: `Content/fr/paiement.md`.
    public var sourcePath: String
    /// Path inside the language folder without `.md`: `paiement`, `guides/serveur`.
    public var sourceKey: String
    public var frontMatter: FrontMatter
    public var body: String
    public var bodyLineOffset: Int
    /// Set on a page that stands in for a missing translation: the language
    /// whose text it shows. Its `sourcePath` stays the real file's.
    public var fallbackFrom: String? = nil
    /// `ContentHash.of(self)`, worked out once when the page is read.
    var contentHash: String? = nil

    /// What pairs this page with its translations in other languages.
    public var translationKey: String { frontMatter.translationKey ?? sourceKey }

    /// Where the page is written inside `dist/`: `fr/paiement.html`.
    public var outputPath: String {
        var parts = sourceKey.split(separator: "/").map(String.init)
        if let slug = frontMatter.slug { parts[parts.count - 1] = slug }
        return ([language] + parts).joined(separator: "/") + ".html"
    }

    public var isHome: Bool { outputPath == "\(language)/index.html" }
}
