import AlmaKitCore
import Foundation

/// The visible text of the generated pages, per language: built-in
/// catalogues (`Templates/strings/<lang>.yml`) with the project's
/// `Content/strings/<lang>.yml` laid over them key by key.
public struct StringsCatalogue: Sendable {
    /// The language whose built-in catalogue defines which keys must exist.
    static let referenceLanguage = "en"

    public private(set) var strings: [String: [String: String]] = [:]

    /// The keys every language's strings have: those of the reference
    /// language's built-in catalogue, which templates read as `{{t.name}}`.
    static let requiredKeys: Set<String> = {
        var strings: [String: String] = [:], ignored = Diagnostics()
        _ = readCatalogue(BuiltinTemplates.files["strings/\(referenceLanguage).yml"] ?? "",
                          file: "built-in strings/\(referenceLanguage).yml", into: &strings, diagnostics: &ignored)
        return Set(strings.keys)
    }()

    /// Where a project's catalogues are, one per language: `Content/strings/fr.yml`.
    package static let folder = "Content/strings"

    public static func load(projectDirectory: URL, languages: [String], into diagnostics: inout Diagnostics) -> StringsCatalogue {
        var catalogue = StringsCatalogue()
        var reference: [String: String] = [:]
        _ = readCatalogue(BuiltinTemplates.files["strings/\(referenceLanguage).yml"] ?? "",
                          file: "built-in strings/\(referenceLanguage).yml", into: &reference, diagnostics: &diagnostics)
        let required = Set(reference.keys)

        for language in languages {
            var strings: [String: String] = [:]
            if let builtin = BuiltinTemplates.files["strings/\(language).yml"] {
                _ = readCatalogue(builtin, file: "built-in strings/\(language).yml", into: &strings, diagnostics: &diagnostics)
            }
            let overridePath = "\(folder)/\(language).yml"
            let overrideURL = projectDirectory.appending(path: overridePath)
            var overrideKeys: [(String, SourceLocation)] = []
            if FileManager.default.fileExists(atPath: overrideURL.path),
               let text = ProjectFiles.readText(overrideURL, named: overridePath, into: &diagnostics) {
                overrideKeys = readCatalogue(text, file: overridePath, into: &strings, diagnostics: &diagnostics)
            }
            // A catalogue for a language AlmaKit does not ship starts as a copy
            // of the English one (`almakit init` writes it so): left as it is,
            // the pages speak English and the switcher reads "English | English".
            let builtIn = BuiltinTemplates.files["strings/\(language).yml"] != nil
            let untranslated = builtIn ? [] : overrideKeys.filter { strings[$0.0] == reference[$0.0] }
            if let (_, first) = untranslated.first,
               untranslated.count * 2 > required.count || untranslated.contains(where: { $0.0 == "language_name" }) {
                diagnostics.append(.warning(id: "strings.untranslated",
                    at: first,
                    "\(untranslated.count) of the '\(language)' strings are still AlmaKit's English text, among them '\(untranslated[0].0)'",
                    hint: "translate every value of \(overridePath) into '\(language)', 'language_name' first: the language switcher shows it"))
            }
            for (key, location) in overrideKeys where !required.contains(key) {
                let hint = Suggestion.nearest(to: key, among: required.sorted()).map { "did you mean '\($0)'?" } ?? "no page uses this key"
                diagnostics.append(.warning(id: "strings.unknown-key", at: location, "unknown string '\(key)'", hint: hint))
            }
            let missing = required.subtracting(strings.keys).sorted()
            if !missing.isEmpty {
                diagnostics.append(.error(id: "strings.missing-keys",
                    at: SourceLocation(file: overridePath),
                    "the '\(language)' strings lack \(missing.count) key\(missing.count == 1 ? "" : "s"): \(missing.joined(separator: ", "))",
                    hint: "copy Templates/strings/\(referenceLanguage).yml from AlmaKit to \(overridePath) and translate it"))
            }
            catalogue.strings[language] = strings
        }
        return catalogue
    }

    /// Reads a flat `key: text` mapping into `strings`; returns the keys read, with their positions.
    private static func readCatalogue(
        _ text: String, file: String, into strings: inout [String: String], diagnostics: inout Diagnostics
    ) -> [(String, SourceLocation)] {
        let source = YAMLSource(file: file)
        guard let node = source.parse(text, into: &diagnostics),
              let mapping = YAMLMapping(node, path: "", source: source, into: &diagnostics)
        else { return [] }
        var keys: [(String, SourceLocation)] = []
        for key in mapping.keys {
            if let value = mapping.string(key, required: true, into: &diagnostics) {
                strings[key] = value
                keys.append((key, mapping.keyLocation(key)))
            }
        }
        return keys
    }

    public func strings(for language: String) -> [String: String] {
        strings[language] ?? [:]
    }
}
