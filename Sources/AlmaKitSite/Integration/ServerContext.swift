import AlmaKitCore

/// What every server template reads (`Templates/server/**`, `server-readme.md`):
/// the same values for every language, each template picking what it needs.
/// Text meant to sit inside code comes ready-quoted for the languages' literals.
struct ServerContext: TemplateContext {
    enum Key: String, CaseIterable {
        case amount, currency, port
        case paymentMethod = "payment_method"
        case amountMinimumText = "amount_minimum_text"
        case amountMaximumText = "amount_maximum_text"
        case apiVersion = "api_version"
        case apiRelease = "api_release"
        case amountTextEN = "amount_text_en"
        case amountTextFR = "amount_text_fr"
        case clientSecretPath = "client_secret_path"
        case webhookPath = "webhook_path"
        case siteFolder = "site_folder"
        case readmeInFrench = "readme_in_french"
        case restrictionParameter = "restriction_parameter"
        case goRestrictionField = "go_restriction_field"
        case dotnetRestrictionProperty = "dotnet_restriction_property"
        case javaAlmaRestriction = "java_alma_restriction"
        case pythonLibrary = "python_library"
        case pythonPaymentIntents = "python_payment_intents"
        case rubyLibrary = "ruby_library"
        case nodeLibrary = "node_library"
        case phpLibrary = "php_library"
        case goModule = "go_module"
        case goModuleVersion = "go_module_version"
        case javaLibrary = "java_library"
        case dotnetLibrary = "dotnet_library"
        case apiVersionLiteral = "api_version_literal"
        case currencyLiteral = "currency_literal"
        case clientSecretPathLiteral = "client_secret_path_literal"
        case webhookPathLiteral = "webhook_path_literal"
        case siteFolderLiteral = "site_folder_literal"
        case apiVersionSingleQuoted = "api_version_single_quoted"
        case currencySingleQuoted = "currency_single_quoted"
        case clientSecretPathSingleQuoted = "client_secret_path_single_quoted"
        case webhookPathSingleQuoted = "webhook_path_single_quoted"
        case siteFolderSingleQuoted = "site_folder_single_quoted"
        case securityHeaders = "security_headers"
    }

    /// A Stripe type name: letters and underscores, safe in every language's quotes.
    let paymentMethod: String
    let amountMinimumText: String
    let amountMaximumText: String
    let merchant: MerchantValues
    let amountTextEN: String
    let amountTextFR: String
    /// The published folder, relative to a server's own folder.
    let siteFolder: String
    /// READMEs speak the site's default language first, then English.
    let readmeInFrench: Bool
    let javaAlmaRestriction: String
    let libraries: StripeLibraries
    /// What every page is served with, as the static host's `_headers` says.
    let securityHeaders: [HeaderContext]

    init(config: SiteConfig, siteFolder: String) {
        let rules = PaymentMethodRules.alma
        let merchant = MerchantValues(config)
        paymentMethod = rules.stripeType
        amountMinimumText = rules.minimumText
        amountMaximumText = rules.maximumText
        self.merchant = merchant
        amountTextEN = merchant.amount(in: "en")
        amountTextFR = merchant.amount(in: "fr")
        self.siteFolder = siteFolder
        readmeInFrench = config.defaultLanguage == "fr"
        javaAlmaRestriction = merchant.restriction.javaBuilderCall(for: rules.stripeType)
        // Libraries are known for supported versions only. Validation refuses
        // any other, and nothing is written then; `check` still renders the
        // servers to report every other problem, with the newest libraries.
        securityHeaders = SecurityHeaders(config: config).all.map(HeaderContext.init)
        libraries = (SupportedAPIVersion.find(merchant.apiVersion) ?? SupportedAPIVersion.all[SupportedAPIVersion.all.count - 1]).libraries
    }

    // A build renders a few dozen server files: the quoted forms are made
    // when a template reads them rather than kept for every one.
    func value(of key: Key) -> Any? {
        switch key {
        case .paymentMethod: paymentMethod
        case .amountMinimumText: amountMinimumText
        case .amountMaximumText: amountMaximumText
        case .apiVersion: merchant.apiVersion.description
        case .apiRelease: merchant.apiVersion.release
        case .amount: merchant.amountMinor
        case .amountTextEN: amountTextEN
        case .amountTextFR: amountTextFR
        case .currency: merchant.currency
        case .clientSecretPath: merchant.clientSecretPath
        case .webhookPath: merchant.webhookPath
        case .port: merchant.port
        case .siteFolder: siteFolder
        case .readmeInFrench: readmeInFrench
        case .restrictionParameter: merchant.restriction.rawValue
        case .goRestrictionField, .dotnetRestrictionProperty: merchant.restriction.typedName
        case .javaAlmaRestriction: javaAlmaRestriction
        case .pythonLibrary: libraries.python
        case .pythonPaymentIntents: libraries.pythonPaymentIntents
        case .rubyLibrary: libraries.ruby
        case .nodeLibrary: libraries.node
        case .phpLibrary: libraries.php
        case .goModule: libraries.goModule
        case .goModuleVersion: libraries.goModuleVersion
        case .javaLibrary: libraries.java
        case .dotnetLibrary: libraries.dotnet
        // JSON string literals read the same in Python, JavaScript, Go,
        // Java and C#; PHP and Ruby take single-quoted ones.
        case .apiVersionLiteral: JavaScriptLiteral.string(merchant.apiVersion.description)
        case .currencyLiteral: JavaScriptLiteral.string(merchant.currency)
        case .clientSecretPathLiteral: JavaScriptLiteral.string(merchant.clientSecretPath)
        case .webhookPathLiteral: JavaScriptLiteral.string(merchant.webhookPath)
        case .siteFolderLiteral: JavaScriptLiteral.string(siteFolder)
        case .apiVersionSingleQuoted: SingleQuotedLiteral.string(merchant.apiVersion.description)
        case .currencySingleQuoted: SingleQuotedLiteral.string(merchant.currency)
        case .clientSecretPathSingleQuoted: SingleQuotedLiteral.string(merchant.clientSecretPath)
        case .webhookPathSingleQuoted: SingleQuotedLiteral.string(merchant.webhookPath)
        case .siteFolderSingleQuoted: SingleQuotedLiteral.string(siteFolder)
        case .securityHeaders: securityHeaders
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .securityHeaders: HeaderContext.shape
        default: .value
        }
    }
}

/// One response header as the servers' code writes it, quoted for each
/// language's string literals.
struct HeaderContext: TemplateContext {
    enum Key: String, CaseIterable {
        case name, value
        case nameLiteral = "name_literal"
        case valueLiteral = "value_literal"
        case nameSingleQuoted = "name_single_quoted"
        case valueSingleQuoted = "value_single_quoted"
    }

    let header: SecurityHeaders.Header

    init(_ header: SecurityHeaders.Header) {
        self.header = header
    }

    func value(of key: Key) -> Any? {
        switch key {
        case .name: header.name
        case .value: header.value
        case .nameLiteral: JavaScriptLiteral.string(header.name)
        case .valueLiteral: JavaScriptLiteral.string(header.value)
        case .nameSingleQuoted: SingleQuotedLiteral.string(header.name)
        case .valueSingleQuoted: SingleQuotedLiteral.string(header.value)
        }
    }
}
