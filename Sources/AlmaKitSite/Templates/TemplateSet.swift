import AlmaKitCore
import Foundation
import Mustache

/// The Mustache templates of a build: the built-in ones, each replaced by a
/// file of the same name in the project's `Templates/` folder when present.
public struct TemplateSet: Sendable {
    /// Files under this folder are string catalogues, not templates.
    static let stringsFolder = "strings/"

    let library: MustacheLibrary
    /// Every template's name, sorted.
    public let names: [String]
    /// Changes when any template's text does: what a cached page depends on.
    var fingerprint = 0
    /// Files of the project's `Templates/assets/` that are not text (images,
    /// fonts): copied into the site's `assets/` as they are.
    package var copiedAssets: [CopiedFile] = []

    package static let assetsFolder = "assets/"
    /// How a problem in a built-in template names its file: it has no path.
    static let builtInOrigin = DiagnosticPaths.builtInTemplatePrefix
    /// Assets with these extensions are templates, filled like the pages; any
    /// other file in `assets/` is copied byte for byte.
    static let textAssetExtensions: Set<String> = ["css", "js", "svg", "html", "xml", "txt", "json", "webmanifest"]

    /// The assets filled as templates, without the `assets/` folder: `site.css`.
    package var assetNames: [String] {
        names.filter { $0.hasPrefix(Self.assetsFolder) }.map { String($0.dropFirst(Self.assetsFolder.count)) }
    }

    /// The built-in templates alone, as `almakit init` uses them.
    package static var builtIn: TemplateSet {
        var diagnostics = Diagnostics()
        return load(projectDirectory: URL(fileURLWithPath: "/nonexistent-almakit-project"), into: &diagnostics)
    }

    /// Reads the built-in templates and the project's overrides, reporting templates that don't parse.
    public static func load(projectDirectory: URL, into diagnostics: inout Diagnostics) -> TemplateSet {
        var sources: [String: (text: String, origin: String)] = [:]
        for (name, text) in BuiltinTemplates.files where !name.hasPrefix(stringsFolder) {
            sources[name] = (text, builtInOrigin + name)
        }
        let overrides = projectDirectory.appending(path: "Templates")
        var copiedAssets: [CopiedFile] = []
        for name in ProjectFiles.list(in: overrides, project: projectDirectory, named: "Templates", into: &diagnostics)
        where !name.hasPrefix(stringsFolder) {
            let origin = "Templates/\(name)"
            if name.hasPrefix(assetsFolder), !textAssetExtensions.contains(URL(fileURLWithPath: name).pathExtension.lowercased()) {
                copiedAssets.append(CopiedFile(path: name, source: overrides.appending(path: name), sourcePath: origin))
                continue
            }
            guard let text = ProjectFiles.readText(overrides.appending(path: name), named: origin, into: &diagnostics) else { continue }
            sources[name] = (text, origin)
        }

        MustacheContentTypes.register(ScalarHTMLContentType(), named: ScalarHTMLContentType.name)
        var library = MustacheLibrary()
        var parsed: Set<String> = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: ScalarHTMLContentType.declared(in: source.text)), named: name)
                parsed.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(id: "template.syntax",
                    at: SourceLocation(file: source.origin, line: error.context.lineNumber, column: error.context.columnNumber),
                    "the template does not parse: \(error.error)",
                    hint: "check that every {{#section}} has its {{/section}}"))
            } catch {
                diagnostics.append(.error(id: "template.syntax", at: SourceLocation(file: source.origin), "the template does not parse: \(error)"))
            }
        }
        let checked = sources.filter { parsed.contains($0.key) }
        if checked.values.contains(where: { !$0.origin.hasPrefix(builtInOrigin) }) {
            diagnostics.append(contentsOf: unknownNames(in: checked))
        }
        var hasher = Hasher()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(source.text)
        }
        return TemplateSet(library: library, names: sources.keys.sorted(), fingerprint: hasher.finalize(), copiedAssets: copiedAssets)
    }

    /// The names the project's templates read that their contexts lack. A
    /// built-in template's are AlmaKit's to fix, and its tests check them.
    private static func unknownNames(in sources: [String: (text: String, origin: String)]) -> [Diagnostic] {
        let check = TemplateNameCheck(templates: sources.mapValues { TemplateTag.parse($0.text) }, strings: StringsCatalogue.requiredKeys)
        return check.unknownNames().compactMap { unknown in
            guard let origin = sources[unknown.template]?.origin, !origin.hasPrefix(builtInOrigin) else { return nil }
            return Diagnostic.error(id: "template.unknown-name",
                at: SourceLocation(file: origin, line: unknown.line, column: unknown.column),
                "the template reads '\(unknown.name)', which its page does not have: it would print nothing",
                hint: unknown.suggestion.map { "did you mean '\($0)'?" } ?? "the built-in \(unknown.template) shows the names it can read")
        }
    }

    /// Renders the template `name`; a missing template renders as nothing, which the build reports.
    public func render(_ name: String, _ context: any MustacheParent) -> String? {
        library.render(context, withTemplate: name)
    }
}

/// HTML escaping by Unicode scalar for every template that does not declare
/// another content type. Mustache's own escapes by `Character`, so a `"`
/// followed by a combining mark would pass unescaped and end an attribute.
struct ScalarHTMLContentType: MustacheContentType {
    static let name = "ALMAKIT_HTML"

    func escapeText(_ text: String) -> String {
        HTMLEscaping.templateValue(text)
    }

    /// The template with this content type declared, unless it declares one.
    /// The pragma sits on a line of its own, which Mustache removes.
    static func declared(in template: String) -> String {
        template.hasPrefix("{{%CONTENT_TYPE") ? template : "{{%CONTENT_TYPE: \(name)}}\n" + template
    }
}
