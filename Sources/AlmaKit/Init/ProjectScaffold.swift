import AlmaKitCore
import AlmaKitSite
import Foundation

/// The files `almakit init` writes: a project that `almakit check --strict`
/// and `almakit build` accept as it stands.
public struct ProjectScaffold: Sendable {
    public let languages: [String]
    /// `nil` writes no workflow: it cannot be written without knowing where AlmaKit's source is.
    public let workflow: CIWorkflow?

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case noLanguage
        case unknownLanguage(String)
        case repeatedLanguage(String)
        /// Files that exist already: `init` writes nothing rather than overwrite them.
        case wouldOverwrite([String])

        public var description: String {
            switch self {
            case .noLanguage: "name at least one language, like --languages fr,en"
            case .unknownLanguage(let code): "'\(code)' is not an ISO 639-1 language code (fr, en, it, …)"
            case .repeatedLanguage(let code): "'\(code)' is listed twice"
            case .wouldOverwrite(let paths): "these files exist already, so nothing was written: \(paths.joined(separator: ", "))"
            }
        }
    }

    public init(languages: [String], workflow: CIWorkflow?) throws(Problem) {
        guard !languages.isEmpty else { throw .noLanguage }
        var seen = Set<String>()
        for code in languages {
            guard LanguageCode.all.contains(code) else { throw .unknownLanguage(code) }
            guard seen.insert(code).inserted else { throw .repeatedLanguage(code) }
        }
        self.languages = languages
        self.workflow = workflow
    }

    /// Relative path -> contents.
    public func files() -> [String: String] {
        let templates = TemplateSet.builtIn
        let defaultLanguage = languages[0]
        var files: [String: String] = [
            "almakit.yml": templates.render("init/almakit.yml", [
                "languages_list": languages.joined(separator: ", "),
                "product_example": languages.map { "\($0): …" }.joined(separator: ", "),
                "return_url_example": languages.map { "\($0): https://shop.example.com/\($0)/return.html" }.joined(separator: ", "),
                "api_version": StripeAPIVersion.latest.description,
                "countries_text": PaymentMethodRules.alma.countriesText,
                "amount_minimum": PaymentMethodRules.alma.amounts.lowerBound,
                "amount_maximum": PaymentMethodRules.alma.amounts.upperBound,
            ]) ?? "",
            ".gitignore": templates.render("init/gitignore", [:]) ?? "",
        ]
        if let workflow { files[CIWorkflow.path] = workflow.render(with: templates) }
        let sourcePath = "Content/\(defaultLanguage)/index.md"
        let source = guide(in: defaultLanguage, translatedFrom: nil, templates: templates)
        files[sourcePath] = source
        // Translations record the version they translate, so `check --strict` passes.
        var ignored = Diagnostics()
        let page = Page.read(source, language: defaultLanguage, sourcePath: sourcePath, sourceKey: "index", into: &ignored)
        for language in languages.dropFirst() {
            files["Content/\(language)/index.md"] = guide(in: language, translatedFrom: page.map(ContentHash.of), templates: templates)
        }
        for language in languages where BuiltinTemplates.files["strings/\(language).yml"] == nil {
            files["Content/strings/\(language).yml"] = "# Translate these into '\(language)': AlmaKit has no built-in catalogue for it.\n"
                + (BuiltinTemplates.files["strings/en.yml"] ?? "")
        }
        return files
    }

    /// Writes the files into `directory`, or nothing at all when any exists.
    /// - Parameter paths: these files alone, like the workflow added to an existing project.
    public func write(into directory: URL, only paths: Set<String>? = nil) throws {
        let files = files().filter { paths?.contains($0.key) ?? true }
        let existing = files.keys.sorted().filter { FileManager.default.fileExists(atPath: directory.appending(path: $0).path) }
        guard existing.isEmpty else { throw Problem.wouldOverwrite(existing) }
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            let url = directory.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url, options: .withoutOverwriting)
        }
    }

    private func guide(in language: String, translatedFrom: String?, templates: TemplateSet) -> String {
        let name = BuiltinTemplates.files["init/guide.\(language).md"] != nil ? "init/guide.\(language).md" : "init/guide.en.md"
        var context: [String: Any] = [:]
        if let translatedFrom { context["translated_from"] = translatedFrom }
        let text = templates.render(name, context) ?? ""
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
