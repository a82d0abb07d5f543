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
    package func context(for language: ServerLanguage) -> [String: Any] {
        // Validation has refused unsupported versions before rendering.
        let supported = SupportedAPIVersion.find(config.stripe.apiVersion) ?? SupportedAPIVersion.all[SupportedAPIVersion.all.count - 1]
        let libraries = supported.libraries
        let server = config.server
        let money = MoneyFormatter()
        let rules = PaymentMethodRules.alma
        return [
            // A Stripe type name: letters and underscores, safe in every language's quotes.
            "payment_method": rules.stripeType,
            "amount_minimum_text": rules.minimumText,
            "amount_maximum_text": rules.maximumText,
            "api_version": config.stripe.apiVersion.description,
            "api_release": config.stripe.apiVersion.release,
            "amount": config.merchant.amount,
            "amount_text_en": money.format(minorUnits: config.merchant.amount, currency: config.merchant.currency, language: "en"),
            "amount_text_fr": money.format(minorUnits: config.merchant.amount, currency: config.merchant.currency, language: "fr"),
            "currency": config.merchant.currency,
            "client_secret_path": server.clientSecretPath,
            "webhook_path": server.webhookPath,
            "port": server.port,
            "site_folder": siteFolder,
            // READMEs speak the site's default language first, then English.
            "readme_in_french": config.defaultLanguage == "fr",
            "restriction_parameter": supported.restriction.rawValue,
            "go_restriction_field": supported.restriction.typedName,
            "dotnet_restriction_property": supported.restriction.typedName,
            "java_alma_restriction": supported.restriction.javaBuilderCall(for: rules.stripeType),
            "python_library": libraries.python,
            "python_payment_intents": libraries.pythonPaymentIntents,
            "ruby_library": libraries.ruby,
            "node_library": libraries.node,
            "php_library": libraries.php,
            "go_module": libraries.goModule,
            "go_module_version": libraries.goModuleVersion,
            "java_library": libraries.java,
            "dotnet_library": libraries.dotnet,
            // JSON string literals read the same in Python, JavaScript, Go,
            // Java and C#; PHP and Ruby take single-quoted ones.
            "api_version_literal": JavaScriptLiteral.string(config.stripe.apiVersion.description),
            "currency_literal": JavaScriptLiteral.string(config.merchant.currency),
            "client_secret_path_literal": JavaScriptLiteral.string(server.clientSecretPath),
            "webhook_path_literal": JavaScriptLiteral.string(server.webhookPath),
            "site_folder_literal": JavaScriptLiteral.string(siteFolder),
            "api_version_single_quoted": SingleQuotedLiteral.string(config.stripe.apiVersion.description),
            "currency_single_quoted": SingleQuotedLiteral.string(config.merchant.currency),
            "client_secret_path_single_quoted": SingleQuotedLiteral.string(server.clientSecretPath),
            "webhook_path_single_quoted": SingleQuotedLiteral.string(server.webhookPath),
            "site_folder_single_quoted": SingleQuotedLiteral.string(siteFolder),
        ]
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
