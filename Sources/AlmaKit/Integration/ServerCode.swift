/// The server code of one language, rendered from `Templates/server/<lang>/`.
/// Files under `snippets/` are the pieces the full server is made of; they
/// are rendered into it, and on their own for the guides.
struct ServerCode {
    let config: SiteConfig
    let templates: TemplateSet

    /// Output path inside `dist/` -> template name, for every file of the language's server.
    func templateNames(for language: ServerLanguage) -> [(output: String, template: String)] {
        let folder = "server/\(language.rawValue)/"
        return templates.names
            .filter { $0.hasPrefix(folder) && !$0.hasPrefix(folder + "snippets/") }
            .map { (output: $0, template: $0) }
    }

    func context(for language: ServerLanguage) -> [String: Any] {
        // Validation has refused unsupported versions before rendering.
        let supported = SupportedAPIVersion.find(config.stripe.apiVersion) ?? SupportedAPIVersion.all[SupportedAPIVersion.all.count - 1]
        let server = config.server
        return [
            "api_version": config.stripe.apiVersion.description,
            "amount": config.merchant.amount,
            "currency": config.merchant.currency,
            "client_secret_path": server.clientSecretPath,
            "webhook_path": server.webhookPath,
            "port": server.port,
            "restriction_parameter": supported.restriction.rawValue,
            "python_library": supported.pythonLibrary,
            "python_payment_intents": supported.pythonPaymentIntents,
            // Python reads JSON-style string literals with the same meaning.
            "api_version_literal": JavaScriptLiteral.string(config.stripe.apiVersion.description),
            "currency_literal": JavaScriptLiteral.string(config.merchant.currency),
            "client_secret_path_literal": JavaScriptLiteral.string(server.clientSecretPath),
            "webhook_path_literal": JavaScriptLiteral.string(server.webhookPath),
        ]
    }
}

extension ServerLanguage {
    /// The file `almakit snippet` prints: the server itself.
    public var mainFile: String {
        switch self {
        case .curl: "create-payment-intent.sh"
        case .python: "app.py"
        }
    }
}
