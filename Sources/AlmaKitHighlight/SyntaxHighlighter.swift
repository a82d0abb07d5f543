import AlmaKitCore

/// Build-time syntax highlighting for code blocks: no client-side library, just
/// `<span class="tok-KIND">` around tokens in already-escaped HTML.
package enum SyntaxHighlighter {
    /// HTML for `code` in `language` (a Markdown info-string word such as "ruby", "js"), with
    /// tokens wrapped in <span class="tok-KIND">…</span> and all text HTML-escaped;
    /// nil when the language is not one we highlight (the caller then escapes the text itself).
    package static func highlight(_ code: String, language: String) -> String? {
        switch HighlightGrammar.named(language) {
        case nil: return nil
        case .markup:
            var scanner = MarkupScanner(code)
            return scanner.html()
        case .code(let description):
            var scanner = CodeScanner(code, language: description)
            return scanner.html()
        }
    }
}

/// What a token is; the raw value is the CSS class suffix (`tok-k`, `tok-s`, …).
enum HighlightTokenKind: String, CaseIterable, Sendable {
    case keyword = "k"
    case string = "s"
    case comment = "c"
    case number = "n"
    /// An HTML/XML tag name.
    case tag = "t"
    /// An HTML attribute name, or a YAML/JSON key.
    case attribute = "a"
    /// A variable where the language marks one: `$x`/`${x}` in shell, `$x` in PHP, `@x` in Ruby.
    case variable = "v"
}

/// How a language is scanned: HTML/XML need their own tag-aware scanner; everything
/// else is one shared engine driven by a `HighlightLanguage` description.
enum HighlightGrammar: Sendable {
    case markup
    case code(HighlightLanguage)

    /// The grammar for an info-string word, ignoring case; nil when we don't highlight it.
    static func named(_ name: String) -> HighlightGrammar? {
        switch name.lowercased() {
        case "sh", "bash", "shell", "console", "curl": .code(.shell)
        case "ruby", "rb": .code(.ruby)
        case "python", "py": .code(.python)
        case "javascript", "js", "node": .code(.javaScript)
        case "php": .code(.php)
        case "go": .code(.go)
        case "java": .code(.java)
        case "csharp", "cs", "c#", "dotnet": .code(.cSharp)
        case "yaml", "yml": .code(.yaml)
        case "json": .code(.json)
        case "html", "xml": .markup
        default: nil
        }
    }
}
