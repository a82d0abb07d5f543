import AlmaKitCore

/// How each translation stands against its source page: what `almakit check`
/// warns about and `almakit translations` lists.
public struct TranslationStatus: Sendable {
    public enum State: Sendable, Equatable {
        case upToDate
        /// The source changed since the translation recorded `recorded`.
        case stale(recorded: String)
        /// The translation does not say which version it translates.
        case untracked
        /// No page in this language: readers get the source with a notice.
        case missing
    }

    public struct Entry: Sendable {
        public var key: String
        public var language: String
        public var source: Page
        /// The translation; nil when missing.
        public var page: Page?
        public var state: State
        /// The source's current `ContentHash`: what `translated_from` should say.
        public var sourceHash: String
    }

    public let entries: [Entry]

    package init(_ translations: Translations) {
        var entries: [Entry] = []
        for key in translations.groups.keys.sorted() {
            guard let source = translations.source(of: key) else { continue }
            let hash = ContentHash.of(source)
            for language in translations.languages where language != source.language {
                let page = translations.translations(of: key)[language]
                let state: State
                switch page?.frontMatter.translatedFrom?.hash {
                case _ where page == nil: state = .missing
                case nil: state = .untracked
                case hash?: state = .upToDate
                case let recorded?: state = .stale(recorded: recorded)
                }
                entries.append(Entry(key: key, language: language, source: source, page: page, state: state, sourceHash: hash))
            }
        }
        self.entries = entries
    }

    /// One diagnostic per translation that is not up to date, as `policy`
    /// treats its state: none when allowed, a warning, or an error.
    package func diagnostics(_ policy: TranslationPolicy) -> [Diagnostic] {
        entries.compactMap { entry in
            guard let treatment = policy.treatment(of: entry.state), treatment != .allowed,
                  var diagnostic = diagnostic(for: entry)
            else { return nil }
            if treatment == .error { diagnostic.severity = .error }
            return diagnostic
        }
    }

    private func diagnostic(for entry: Entry) -> Diagnostic? {
            let source = entry.source.sourcePath
            switch entry.state {
            case .upToDate:
                return nil
            case .missing:
                return .warning(id: "translation.missing",
                    at: SourceLocation(file: source, line: 1, column: 1),
                    "not translated into '\(entry.language)' yet: that site shows this page with a notice",
                    hint: "add \(Page.sourcePath(language: entry.language, key: entry.source.sourceKey)) with 'translated_from: \(entry.sourceHash)'")
            case .stale(let recorded):
                return .warning(id: "translation.stale",
                    at: entry.page!.frontMatter.translatedFrom!.location,
                    "\(source) changed since this translation was made (translated_from \(recorded), now \(entry.sourceHash))",
                    hint: "bring the translation up to date, then set 'translated_from: \(entry.sourceHash)'")
            case .untracked:
                return .warning(id: "translation.untracked",
                    at: SourceLocation(file: entry.page!.sourcePath, line: 1, column: 1),
                    "this translation does not say which version of \(source) it translates",
                    hint: "once it is up to date, add 'translated_from: \(entry.sourceHash)' to its front matter")
            }
    }
}

extension TranslationPolicy {
    /// How the site treats a translation in `state`; nil when it is up to date.
    func treatment(of state: TranslationStatus.State) -> Treatment? {
        switch state {
        case .upToDate: nil
        case .missing: missing
        case .stale: stale
        case .untracked: untracked
        }
    }
}
