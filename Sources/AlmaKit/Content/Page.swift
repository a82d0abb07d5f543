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

    /// Where the page is written inside `dist/`: `fr/paiement.html`.
    public var outputPath: String {
        var parts = sourceKey.split(separator: "/").map(String.init)
        if let slug = frontMatter.slug { parts[parts.count - 1] = slug }
        return ([language] + parts).joined(separator: "/") + ".html"
    }

    public var isHome: Bool { outputPath == "\(language)/index.html" }
}
