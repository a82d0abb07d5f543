/// A merchant text given once for every language, or once per language.
public enum LocalizedText: Sendable, Equatable {
    case same(String)
    case perLanguage([String: String])

    /// The text for `language`; validation guarantees every site language is covered.
    public func text(for language: String) -> String {
        switch self {
        case .same(let text): text
        case .perLanguage(let texts): texts[language] ?? ""
        }
    }

    var languages: [String]? {
        if case .perLanguage(let texts) = self { return texts.keys.sorted() }
        return nil
    }
}
