import AlmaKitCore

/// The pieces of the servers that the guides show: each one rendered from
/// the same template the full server includes, for every configured
/// language, and laid out as a group with one panel per language.
package struct ServerSnippets {
    /// The server pieces a guide can name in a ```` ```almakit snippet NAME ```` block.
    static let names = ["create-payment-intent", "client-secret-endpoint", "checkout-endpoint", "checkout-return-endpoint", "webhook"]
    /// The browser's piece: the confirmation in `client.js`, the same for every server.
    static let clientConfirm = "client-confirm"

    let servers: ServerCode
    let languages: [ServerLanguage]

    package init(servers: ServerCode, languages: [ServerLanguage]) {
        self.servers = servers
        self.languages = languages
    }

    /// The template of a language's piece: `snippets/NAME.*`, or for cURL,
    /// whose script is the piece itself, `NAME.*`. Nil when the language has none.
    func templateName(of name: String, in language: ServerLanguage) -> String? {
        let folder = "server/\(language.rawValue)/"
        let names = servers.templates.names
        return names.first { $0.hasPrefix(folder + "snippets/" + name + ".") }
            ?? names.first { $0.hasPrefix(folder + name + ".") }
    }

    /// The HTML of every known piece, keyed by name, for the guide renderer.
    /// - Parameter highlight: HTML for (code, language), or nil for plain escaped text.
    package func htmlGroups(highlight: (String, String) -> String? = { _, _ in nil }) -> [String: String] {
        var groups: [String: String] = [:]
        for name in Self.names {
            let panels = languages.compactMap { language -> Panel? in
                guard let template = templateName(of: name, in: language),
                      let code = servers.templates.render(template, servers.context(for: language))
                else { return nil }
                return (language.displayName, language.rawValue, language.highlightName, code)
            }
            groups[name] = Self.html(name: name, panels: panels, highlight: highlight)
        }
        if let code = servers.templates.render(ClientScript.confirmSnippet, ClientScript.context(servers.config)) {
            groups[Self.clientConfirm] = Self.html(name: Self.clientConfirm, panels: [(label: "JavaScript", language: "browser", highlight: "javascript", code: code)], highlight: highlight)
        }
        return groups
    }

    /// A group that reads well without JavaScript: every panel is visible,
    /// stacked, each with its language as a heading-like label.
    typealias Panel = (label: String, language: String, highlight: String, code: String)

    static func html(name: String, panels: [Panel], highlight: (String, String) -> String? = { _, _ in nil }) -> String {
        var html = "<div class=\"snippet-group\" data-snippet=\"\(HTMLEscaping.text(name))\">\n"
        for panel in panels {
            html += "<section class=\"snippet\" data-language=\"\(panel.language)\">"
            html += "<p class=\"snippet-label\">\(HTMLEscaping.text(panel.label))</p>"
            html += "<pre><code class=\"language-\(panel.highlight)\">\(highlight(panel.code, panel.highlight) ?? HTMLEscaping.text(panel.code))</code></pre>"
            html += "</section>\n"
        }
        return html + "</div>\n"
    }
}

extension ServerLanguage {
    /// How a reader names the language.
    public var displayName: String {
        switch self {
        case .curl: "cURL"
        case .ruby: "Ruby"
        case .python: "Python"
        case .node: "Node.js"
        case .php: "PHP"
        case .go: "Go"
        case .java: "Java"
        case .dotnet: ".NET"
        }
    }

    /// The `language-*` class of its code blocks, as highlighters name it.
    var highlightName: String {
        switch self {
        case .curl: "bash"
        case .node: "javascript"
        case .dotnet: "csharp"
        default: rawValue
        }
    }
}
