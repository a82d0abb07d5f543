import AlmaKitCore

/// The server code of one language, rendered from `Templates/server/<lang>/`.
/// Files under `snippets/` are the pieces the full server is made of; they
/// are rendered into it, and on their own for the guides.
package struct ServerCode: Sendable {
    let config: SiteConfig
    let templates: TemplateSet
    /// The published folder, relative to a server's own folder: what each
    /// server serves unless `STATIC_DIR` says otherwise.
    let siteFolder: String

    package init(config: SiteConfig, templates: TemplateSet, siteFolder: String) {
        self.config = config
        self.templates = templates
        self.siteFolder = siteFolder
    }

    /// Path in the servers folder (`python/app.py`) -> template name
    /// (`server/python/app.py`), for every file of the language's server.
    func templateNames(for language: ServerLanguage) -> [(output: String, template: String)] {
        let folder = "server/\(language.rawValue)/"
        return templates.names
            .filter { $0.hasPrefix(folder) && !$0.hasPrefix(folder + "snippets/") }
            .map { (output: String($0.dropFirst("server/".count)), template: $0) }
    }

    /// The same context serves every language: each template picks what it needs.
    func context(for language: ServerLanguage) -> ServerContext {
        ServerContext(config: config, siteFolder: siteFolder)
    }

    /// The server's main file (`python/app.py`): what `almakit snippet` prints.
    /// Nil when the project's templates lack it.
    package func mainFile(of language: ServerLanguage) -> String? {
        templates.render("server/\(language.rawValue)/\(language.mainFile)", context(for: language))
    }
}

extension SupportedAPIVersion.Restriction {
    /// The field of the typed libraries' create parameters (Go, .NET).
    var typedName: String {
        switch self {
        case .paymentMethodTypes: "PaymentMethodTypes"
        case .allowedPaymentMethodTypes: "AllowedPaymentMethodTypes"
        }
    }

    /// stripe-java's builder call: a string up to basil, an enum constant
    /// since the parameter became `allowed_payment_method_types`.
    func javaBuilderCall(for type: String) -> String {
        switch self {
        case .paymentMethodTypes: ".addPaymentMethodType(\"\(type)\")"
        case .allowedPaymentMethodTypes: ".addAllowedPaymentMethodType(PaymentIntentCreateParams.AllowedPaymentMethodType.\(type.uppercased()))"
        }
    }
}

extension ServerLanguage {
    /// The file `almakit snippet` prints: the server itself.
    public var mainFile: String {
        switch self {
        case .curl: "create-payment-intent.sh"
        case .ruby: "app.rb"
        case .python: "app.py"
        case .node: "server.js"
        case .php: "router.php"
        case .go: "main.go"
        case .java: "src/main/java/checkout/AlmaCheckoutServer.java"
        case .dotnet: "Program.cs"
        }
    }
}
