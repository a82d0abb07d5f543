import AlmaKitCore

/// One guide page of one language, as read from `Content/<lang>/`.
///
/// A value, whose fields live in one object shared by its copies until one
/// of them changes (copy on write): a build hands its pages through arrays,
/// dictionaries and summaries many times, and copying a struct of a dozen
/// strings and a front matter costs a retain and a release for each of them,
/// where copying one reference costs one.
public struct Page: Sendable {
    private var storage: Storage

    public var language: String {
        get { storage.language }
        set { change { $0.language = newValue; $0.updateOutputPath() } }
    }
    /// The file as diagnostics name it: `Content/fr/paiement.md`.
    public var sourcePath: String {
        get { storage.sourcePath }
        set { change { $0.sourcePath = newValue } }
    }

    /// Where the page with `key` is written in `language`: `Content/fr/paiement.md`.
    public static func sourcePath(language: String, key: String) -> String {
        "Content/\(language)/\(key).md"
    }
    /// Path inside the language folder without `.md`: `paiement`, `guides/serveur`.
    public var sourceKey: String {
        get { storage.sourceKey }
        set { change { $0.sourceKey = newValue; $0.updateOutputPath() } }
    }
    public var frontMatter: FrontMatter {
        get { storage.frontMatter }
        set { change { $0.frontMatter = newValue; $0.updateOutputPath() } }
    }
    public var body: String {
        get { storage.body }
        set { change { $0.body = newValue } }
    }
    public var bodyLineOffset: Int {
        get { storage.bodyLineOffset }
        set { change { $0.bodyLineOffset = newValue } }
    }
    /// Set on a page that stands in for a missing translation: the language
    /// whose text it shows. Its `sourcePath` stays the real file's.
    public var fallbackFrom: String? {
        get { storage.fallbackFrom }
        set { change { $0.fallbackFrom = newValue } }
    }
    /// Whether `body` holds the text even though the build drops texts once
    /// read: a site small enough keeps them (`ContentLoader.read`), and
    /// `PageBodies` then does not read the file again.
    var bodyIsKept: Bool {
        get { storage.bodyIsKept }
        set { change { $0.bodyIsKept = newValue } }
    }
    /// `ContentHash.of(self)`, worked out when the page is read; nil only
    /// for a page whose text is kept (`ContentLoader.read`), which
    /// `ContentHash.of` then hashes.
    var contentHash: String? {
        get { storage.contentHash }
        set { change { $0.contentHash = newValue } }
    }
    /// A hash of `body`, worked out once when a cache keeps the page
    /// (`almakit serve`): rebuilds key the page's rendering on it instead of
    /// hashing every page's text again.
    var bodyDigest: Int? {
        get { storage.bodyDigest }
        set { change { $0.bodyDigest = newValue } }
    }

    /// What pairs this page with its translations in other languages.
    public var translationKey: String { frontMatter.translationKey ?? sourceKey }

    /// Where the page is written inside `dist/`: `fr/paiement.html`. Kept
    /// up to date as the fields it comes from change: every link check and
    /// every page's navigation asks for it.
    public var outputPath: String { storage.outputPath }

    public init(language: String, sourcePath: String, sourceKey: String, frontMatter: FrontMatter, body: String, bodyLineOffset: Int) {
        storage = Storage(language: language, sourcePath: sourcePath, sourceKey: sourceKey,
                          frontMatter: frontMatter, body: body, bodyLineOffset: bodyLineOffset)
    }

    public var isHome: Bool { outputPath == "\(language)/index.html" }

    /// Changes the fields of this page only: another page still sharing
    /// them gets a copy first.
    private mutating func change(_ body: (Storage) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        body(storage)
    }

    /// A page's fields. Changed only through `change`, that is by a page
    /// that holds the only reference: no two threads ever see it change.
    private final class Storage: @unchecked Sendable {
        var language: String
        var sourcePath: String
        var sourceKey: String
        var frontMatter: FrontMatter
        var body: String
        var bodyLineOffset: Int
        var fallbackFrom: String? = nil
        var bodyIsKept = false
        var contentHash: String? = nil
        var bodyDigest: Int? = nil
        private(set) var outputPath = ""

        init(language: String, sourcePath: String, sourceKey: String, frontMatter: FrontMatter, body: String, bodyLineOffset: Int) {
            self.language = language
            self.sourcePath = sourcePath
            self.sourceKey = sourceKey
            self.frontMatter = frontMatter
            self.body = body
            self.bodyLineOffset = bodyLineOffset
            updateOutputPath()
        }

        func copy() -> Storage {
            let copy = Storage(language: language, sourcePath: sourcePath, sourceKey: sourceKey,
                               frontMatter: frontMatter, body: body, bodyLineOffset: bodyLineOffset)
            (copy.fallbackFrom, copy.bodyIsKept, copy.contentHash, copy.bodyDigest) = (fallbackFrom, bodyIsKept, contentHash, bodyDigest)
            return copy
        }

        func updateOutputPath() {
            var parts = sourceKey.split(separator: "/").map(String.init)
            if let slug = frontMatter.slug { parts[parts.count - 1] = slug }
            outputPath = ([language] + parts).joined(separator: "/") + ".html"
        }
    }
}

extension Page {
    /// A page from its file's text: the front matter read, the body split
    /// off. Nil when the front matter is unusable.
    package static func read(_ text: String, language: String, sourcePath: String, sourceKey: String, into diagnostics: inout Diagnostics) -> Page? {
        let split = FrontMatterSplit(text)
        guard let frontMatter = FrontMatterReader(file: sourcePath).read(split, into: &diagnostics) else { return nil }
        return Page(language: language, sourcePath: sourcePath, sourceKey: sourceKey,
                    frontMatter: frontMatter, body: split.body, bodyLineOffset: split.bodyLineOffset)
    }
}
