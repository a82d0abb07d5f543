import AlmaKitCore

/// Which pages translate which, across the site's languages. Pages pair up by
/// `translationKey`; a page missing in a language is stood in for by its
/// source, marked as such, so that every page is reachable in every language.
package struct Translations: Sendable {
    let languages: [String]
    /// translation key -> language -> published page.
    private(set) var groups: [String: [String: Page]] = [:]

    var defaultLanguage: String { languages[0] }

    package init(pages: [Page], languages: [String], into diagnostics: inout Diagnostics) {
        self.languages = languages
        for page in pages where !page.frontMatter.draft {
            if let other = groups[page.translationKey]?[page.language] {
                diagnostics.append(.error(id: "translation.two-pages-for-one-key",
                    at: SourceLocation(file: page.sourcePath, line: 1, column: 1),
                    "this page and \(other.sourcePath) are both the '\(page.language)' page for '\(page.translationKey)'",
                    hint: "give one of them its own 'translation_key'"))
                continue
            }
            groups[page.translationKey, default: [:]][page.language] = page
        }
    }

    /// Puts `page` in the place of the page read from the same file, when it
    /// has one: its text changed, not what pairs it.
    package mutating func replace(_ page: Page) {
        guard groups[page.translationKey]?[page.language]?.sourcePath == page.sourcePath else { return }
        groups[page.translationKey]?[page.language] = page
    }

    /// The page a missing translation is made from: the default language's,
    /// or else the first language that has the page.
    func source(of key: String) -> Page? {
        guard let group = groups[key] else { return nil }
        return languages.lazy.compactMap { group[$0] }.first
    }

    /// The real pages of a key, by language: what `hreflang` may claim.
    func translations(of key: String) -> [String: Page] {
        groups[key] ?? [:]
    }

    /// One stand-in page for every missing translation, showing its source's
    /// text, except where a real page already owns the path.
    package func fallbacks(avoiding pages: [Page]) -> [Page] {
        var fallbacks: [Page] = []
        for key in groups.keys.sorted() {
            let group = groups[key]!
            guard group.count < languages.count, let source = source(of: key) else { continue }
            for language in languages where group[language] == nil {
                var page = source
                page.language = language
                page.fallbackFrom = source.language
                fallbacks.append(page)
            }
        }
        // Most sites are fully translated: the pages' paths are gathered only when a stand-in needs checking.
        guard !fallbacks.isEmpty else { return [] }
        let taken = Set(pages.filter { !$0.frontMatter.draft }.map(\.outputPath))
        return fallbacks.filter { !taken.contains($0.outputPath) }
    }
}
