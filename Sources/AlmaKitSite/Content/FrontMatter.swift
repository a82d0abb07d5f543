import AlmaKitCore
import Foundation

/// The YAML block at the top of a guide, between two `---` lines.
public struct FrontMatter: Sendable {
    static let keys = ["title", "description", "order", "slug", "draft", "translation_key", "translated_from", "updated"]

    public var title: String
    public var description: String
    /// Position in the navigation; pages without one come last, by title.
    public var order: Int?
    /// Output file name without `.html`; defaults to the source file's name.
    public var slug: String?
    /// Drafts are checked but not published.
    public var draft: Bool
    /// Pairs pages across languages when their file names differ; the
    /// path inside the language folder otherwise.
    public var translationKey: String? = nil
    /// In a translation: the `ContentHash` of the source page it was made
    /// from, and where it is written, for the staleness report.
    public var translatedFrom: (hash: String, location: SourceLocation)? = nil
    /// When the page last changed in substance, `YYYY-MM-DD`.
    public var updated: DateComponents? = nil

    /// Every field, for the keys of cached renderings: a page whose front
    /// matter changed in any way is rendered again, so a field added here
    /// can never leave `serve` showing a stale page.
    func digest(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(description)
        hasher.combine(order)
        hasher.combine(slug)
        hasher.combine(draft)
        hasher.combine(translationKey)
        hasher.combine(translatedFrom?.hash)
        hasher.combine(updated)
    }
}

/// A Markdown file cut into its front matter and its body.
package struct FrontMatterSplit: Equatable {
    /// The YAML between the fences; nil when the file has no front matter.
    var yaml: String?
    var body: String
    /// How many lines precede the body in the file.
    var bodyLineOffset: Int
    /// The file opens front matter with `---` but never closes it.
    var unterminated = false

    /// Splits at a first line of `---` and the next line of `---` (or `...`).
    package init(_ text: String) {
        // Lines are found on UTF-8 bytes: the body of a long page is sliced
        // once instead of being split into lines and joined again.
        let utf8 = text.utf8
        var lineNumber = 0
        func line(at start: String.Index) -> Substring {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            return text[start..<end]
        }
        func isFence(_ line: Substring, closing: Bool) -> Bool {
            var trimmed = line.utf8[...]
            while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
                trimmed = trimmed.dropLast()
            }
            return trimmed.elementsEqual("---".utf8) || (closing && trimmed.elementsEqual("...".utf8))
        }
        yaml = nil
        body = text
        bodyLineOffset = 0
        guard !text.isEmpty, isFence(line(at: utf8.startIndex), closing: false) else { return }
        var cursor = utf8.startIndex
        while let newline = utf8[cursor...].firstIndex(of: UInt8(ascii: "\n")) {
            cursor = utf8.index(after: newline)
            lineNumber += 1
            if isFence(line(at: cursor), closing: true) {
                let closingLine = lineNumber
                let yamlStart = utf8.index(after: utf8.firstIndex(of: UInt8(ascii: "\n"))!)
                let yamlEnd = utf8.index(before: cursor)
                yaml = yamlStart < yamlEnd ? String(text[yamlStart..<yamlEnd]) : ""
                let afterFence = utf8[cursor...].firstIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.endIndex
                body = String(text[afterFence...])
                bodyLineOffset = closingLine + 1
                return
            }
        }
        unterminated = true
    }
}


/// Reads front matter with positions, the same way `ConfigLoader` reads `almakit.yml`.
package struct FrontMatterReader {
    let file: String

    package init(file: String) {
        self.file = file
    }

    package func read(_ split: FrontMatterSplit, into diagnostics: inout Diagnostics) -> FrontMatter? {
        guard let yaml = split.yaml else {
            diagnostics.append(split.unterminated
                ? .error(id: "front-matter.unclosed", at: SourceLocation(file: file, line: 1, column: 1), "the front matter opened here is never closed",
                         hint: "end it with a line '---' before the page's text")
                : .error(id: "front-matter.missing", at: SourceLocation(file: file, line: 1, column: 1), "the page has no front matter",
                         hint: "start the file with '---', a line 'title: ...', and '---'"))
            return nil
        }
        if let values = PlainFrontMatter.values(yaml, keys: FrontMatter.keys), let frontMatter = readPlain(values) {
            return frontMatter
        }
        return readWithYams(yaml, into: &diagnostics)
    }

    /// Any front matter, with a diagnostic for each problem.
    func readWithYams(_ yaml: String, into diagnostics: inout Diagnostics) -> FrontMatter? {
        let source = YAMLSource(file: file, lineOffset: 1)
        let before = diagnostics.all.count
        guard let node = source.parse(yaml, into: &diagnostics) else {
            if diagnostics.all.count == before {
                diagnostics.append(.error(id: "front-matter.empty", at: SourceLocation(file: file, line: 1, column: 1), "the front matter is empty", hint: "add at least 'title: ...'"))
            }
            return nil
        }
        guard let mapping = YAMLMapping(node, path: "", source: source, into: &diagnostics) else { return nil }
        mapping.checkKeys(FrontMatter.keys, into: &diagnostics)
        let title = mapping.string("title", required: true, into: &diagnostics)
        let description = mapping.string("description", required: false, into: &diagnostics) ?? ""
        let order = mapping.int("order", required: false, into: &diagnostics)
        let slug = mapping.string("slug", required: false, into: &diagnostics)
        let draft = mapping.bool("draft", into: &diagnostics) ?? false
        if let slug, !Self.isValidSlug(slug) {
            diagnostics.append(.error(id: "front-matter.slug.invalid",
                at: mapping.location(ofValue: "slug"),
                "slug '\(Diagnostic.printable(slug))' can't be a file name",
                hint: "use lower-case letters, digits and hyphens, like 'paiement-alma'"))
        }
        if let title, Self.isBlankTitle(title) {
            diagnostics.append(.error(id: "front-matter.title.empty", at: mapping.location(ofValue: "title"), "the title is empty"))
        }
        let translationKey = mapping.string("translation_key", required: false, into: &diagnostics)
        if let translationKey, !Self.isValidTranslationKey(translationKey) {
            diagnostics.append(.error(id: "front-matter.translation_key.invalid",
                at: mapping.location(ofValue: "translation_key"), "'translation_key' must be one word",
                hint: "use the same word in every language's page, like 'accept-payment'"))
        }
        var translatedFrom: (String, SourceLocation)?
        if let hash = mapping.string("translated_from", required: false, into: &diagnostics) {
            if ContentHash.isWellFormed(hash) {
                translatedFrom = (hash, mapping.location(ofValue: "translated_from"))
            } else {
                diagnostics.append(.error(id: "front-matter.translated_from.invalid",
                    at: mapping.location(ofValue: "translated_from"), "'translated_from' is not a content hash: '\(hash)'",
                    hint: "copy the hash 'almakit translations' prints for the source page"))
            }
        }
        let updated = mapping.string("updated", required: false, into: &diagnostics).flatMap { text in
            Self.date(text) ?? {
                diagnostics.append(.error(id: "front-matter.updated.invalid", at: mapping.location(ofValue: "updated"), "'updated' must be a date like 2026-11-27, not '\(text)'"))
                return nil
            }()
        }
        guard let title else { return nil }
        return FrontMatter(title: title, description: description, order: order, slug: slug, draft: draft,
                           translationKey: translationKey, translatedFrom: translatedFrom, updated: updated)
    }

    /// The front matter from plain values, when the Yams path below would
    /// read the same values and report nothing; nil sends the page there.
    /// Every check of that path is asked here with the same function, and
    /// any value it would reject, or that Yams might read otherwise
    /// (`draft: yes`), defers: diagnostics come from one place only.
    func readPlain(_ values: [String: PlainFrontMatter.Value]) -> FrontMatter? {
        guard let title = values["title"]?.text, !Self.isBlankTitle(title) else { return nil }
        var order: Int?
        if let text = values["order"]?.text {
            guard let number = Int(text) else { return nil }
            order = number
        }
        let slug = values["slug"]?.text
        if let slug, !Self.isValidSlug(slug) { return nil }
        var draft = false
        if let text = values["draft"]?.text {
            guard text == "true" || text == "false" else { return nil }
            draft = text == "true"
        }
        let translationKey = values["translation_key"]?.text
        if let translationKey, !Self.isValidTranslationKey(translationKey) { return nil }
        var translatedFrom: (String, SourceLocation)?
        if let value = values["translated_from"] {
            guard ContentHash.isWellFormed(value.text) else { return nil }
            // The line offset `YAMLSource` adds: the YAML starts on the file's second line.
            translatedFrom = (value.text, SourceLocation(file: file, line: value.line + 1, column: value.column))
        }
        var updated: DateComponents?
        if let text = values["updated"]?.text {
            guard let date = Self.date(text) else { return nil }
            updated = date
        }
        return FrontMatter(title: title, description: values["description"]?.text ?? "", order: order, slug: slug, draft: draft,
                           translationKey: translationKey, translatedFrom: translatedFrom, updated: updated)
    }

    /// Whether trimming `.whitespaces` would leave nothing, that is whether
    /// every scalar is one of them; asked without building the trimmed copy,
    /// which took as long as reading the rest of the front matter.
    static func isBlankTitle(_ title: String) -> Bool {
        title.unicodeScalars.allSatisfy { CharacterSet.whitespaces.contains($0) }
    }

    static func isValidTranslationKey(_ key: String) -> Bool {
        !key.isEmpty && !key.contains(where: \.isWhitespace)
    }

    /// `YYYY-MM-DD`, a real calendar day.
    static func date(_ text: String) -> DateComponents? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        let components = DateComponents(calendar: Calendar(identifier: .gregorian), year: year, month: month, day: day)
        return components.isValidDate ? components : nil
    }

    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && !slug.hasPrefix("-")
            && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
