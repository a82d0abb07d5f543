import AlmaKitCore

/// One guide page of one language, as read from `Content/<lang>/`.
public struct Page: Sendable {
    public var language: String { didSet { outputPath = Self.outputPath(language, sourceKey, frontMatter.slug) } }
    /// The file as diagnostics name it: `Content/fr/paiement.md`.
    public var sourcePath: String

    /// Where the page with `key` is written in `language`: `Content/fr/paiement.md`.
    public static func sourcePath(language: String, key: String) -> String {
        "Content/\(language)/\(key).md"
    }
    /// Path inside the language folder without `.md`: `paiement`, `guides/serveur`.
    public var sourceKey: String { didSet { outputPath = Self.outputPath(language, sourceKey, frontMatter.slug) } }
    public var frontMatter: FrontMatter { didSet { outputPath = Self.outputPath(language, sourceKey, frontMatter.slug) } }
    public var body: String
    public var bodyLineOffset: Int
    /// Set on a page that stands in for a missing translation: the language
    /// whose text it shows. Its `sourcePath` stays the real file's.
    public var fallbackFrom: String? = nil
    /// Whether `body` holds the text even though the build drops texts once
    /// read: a site small enough keeps them (`ContentLoader.read`), and
    /// `PageBodies` then does not read the file again.
    var bodyIsKept = false
    /// `ContentHash.of(self)`, worked out once when the page is read.
    var contentHash: String? = nil
    /// A hash of `body`, worked out once when a cache keeps the page
    /// (`almakit serve`): rebuilds key the page's rendering on it instead of
    /// hashing every page's text again.
    var bodyDigest: Int? = nil

    /// What pairs this page with its translations in other languages.
    public var translationKey: String { frontMatter.translationKey ?? sourceKey }

    /// Where the page is written inside `dist/`: `fr/paiement.html`. Kept
    /// up to date as the fields it comes from change: every link check and
    /// every page's navigation asks for it.
    public private(set) var outputPath: String

    public init(language: String, sourcePath: String, sourceKey: String, frontMatter: FrontMatter, body: String, bodyLineOffset: Int) {
        self.language = language
        self.sourcePath = sourcePath
        self.sourceKey = sourceKey
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        outputPath = Self.outputPath(language, sourceKey, frontMatter.slug)
    }

    private static func outputPath(_ language: String, _ sourceKey: String, _ slug: String?) -> String {
        var parts = sourceKey.split(separator: "/").map(String.init)
        if let slug { parts[parts.count - 1] = slug }
        return ([language] + parts).joined(separator: "/") + ".html"
    }

    public var isHome: Bool { outputPath == "\(language)/index.html" }
}

extension Page {
    /// A page from its file's text: the front matter read, the body split
    /// off, the source hash worked out. Nil when the front matter is unusable.
    package static func read(_ text: String, language: String, sourcePath: String, sourceKey: String, into diagnostics: inout Diagnostics) -> Page? {
        let split = FrontMatterSplit(text)
        guard let frontMatter = FrontMatterReader(file: sourcePath).read(split, into: &diagnostics) else { return nil }
        var page = Page(language: language, sourcePath: sourcePath, sourceKey: sourceKey,
                        frontMatter: frontMatter, body: split.body, bodyLineOffset: split.bodyLineOffset)
        // Checked against every translation on every build, but changed only by an edit.
        page.contentHash = ContentHash.of(page)
        return page
    }
}
