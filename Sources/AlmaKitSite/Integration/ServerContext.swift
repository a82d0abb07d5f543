import AlmaKitCore

/// What every server template reads (`Templates/server/**`, `server-readme.md`):
/// the same values for every language, each template picking what it needs.
/// Text meant to sit inside code comes ready-quoted for the languages' literals.
struct ServerContext: TemplateContext {
    enum Key: String, CaseIterable {
        case currency, port
        case paymentMethod = "payment_method"
        case amountMinimumText = "amount_minimum_text"
        case amountMaximumText = "amount_maximum_text"
        case apiVersion = "api_version"
        case apiRelease = "api_release"
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
        case products
        case defaultProductLiteral = "default_product_literal"
        case defaultProductSingleQuoted = "default_product_single_quoted"
        case checkoutPath = "checkout_path"
        case checkoutPathLiteral = "checkout_path_literal"
        case checkoutPathSingleQuoted = "checkout_path_single_quoted"
        case checkoutReturnPath = "checkout_return_path"
        case checkoutReturnPathLiteral = "checkout_return_path_literal"
        case checkoutReturnPathSingleQuoted = "checkout_return_path_single_quoted"
        case siteOriginLiteral = "site_origin_literal"
        case siteOriginSingleQuoted = "site_origin_single_quoted"
        case siteOriginShell = "site_origin_shell"
        case languages
        case defaultLanguageLiteral = "default_language_literal"
        case defaultLanguageSingleQuoted = "default_language_single_quoted"
    }

    /// A Stripe type name: letters and underscores, safe in every language's quotes.
    let paymentMethod: String
    let amountMinimumText: String
    let amountMaximumText: String
    let merchant: MerchantValues
    /// The published folder, relative to a server's own folder.
    let siteFolder: String
    /// READMEs speak the site's default language first, then English.
    let readmeInFrench: Bool
    let javaAlmaRestriction: String
    let libraries: StripeLibraries
    /// What every page is served with, as the static host's `_headers` says.
    let securityHeaders: [HeaderContext]
    /// The catalogue every server embeds: the browser sends an id, never an amount.
    let products: [ServerProduct]
    /// The id a request without one means: the only product, or none (empty) in a catalogue of several.
    let defaultProduct: String
    /// The origin of `site.base_url`, where the servers' routes answer: the
    /// absolute return address the no-JavaScript checkout gives Stripe
    /// starts with it, unless `SITE_BASE_URL` overrides it.
    let siteOrigin: String
    let languages: [ServerLanguageContext]
    let defaultLanguage: String

    init(config: SiteConfig, siteFolder: String) {
        let rules = PaymentMethodRules.alma
        let merchant = MerchantValues(config)
        paymentMethod = rules.stripeType
        amountMinimumText = rules.minimumText
        amountMaximumText = rules.maximumText
        self.merchant = merchant
        self.siteFolder = siteFolder
        readmeInFrench = config.defaultLanguage == "fr"
        javaAlmaRestriction = merchant.restriction.javaBuilderCall(for: rules.stripeType)
        // Libraries are known for supported versions only. Validation refuses
        // any other, and nothing is written then; `check` still renders the
        // servers to report every other problem, with the newest libraries.
        securityHeaders = SecurityHeaders(config: config).all.map(HeaderContext.init)
        products = merchant.products.enumerated().map { index, product in
            ServerProduct(product: product, isLast: index == merchant.products.count - 1)
        }
        defaultProduct = merchant.products.count == 1 ? merchant.products[0].id : ""
        let address = SiteAddress(baseURL: config.site.baseURL)
        siteOrigin = address.origin
        languages = config.site.languages.enumerated().map { index, language in
            // The configured address, or the site's own page under its base path.
            ServerLanguageContext(code: language,
                                  returnURL: merchant.configuredReturnURL(in: language) ?? "\(address.basePath)\(language)/\(GeneratedPages.returnPage)",
                                  isLast: index == config.site.languages.count - 1)
        }
        defaultLanguage = config.defaultLanguage
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
        case .products: products
        case .defaultProductLiteral: JavaScriptLiteral.string(defaultProduct)
        case .defaultProductSingleQuoted: SingleQuotedLiteral.string(defaultProduct)
        case .checkoutPath: merchant.checkoutRoutes.checkoutPath
        case .checkoutPathLiteral: JavaScriptLiteral.string(merchant.checkoutRoutes.checkoutPath)
        case .checkoutPathSingleQuoted: SingleQuotedLiteral.string(merchant.checkoutRoutes.checkoutPath)
        case .checkoutReturnPath: merchant.checkoutRoutes.returnPath
        case .checkoutReturnPathLiteral: JavaScriptLiteral.string(merchant.checkoutRoutes.returnPath)
        case .checkoutReturnPathSingleQuoted: SingleQuotedLiteral.string(merchant.checkoutRoutes.returnPath)
        case .siteOriginLiteral: JavaScriptLiteral.string(siteOrigin)
        case .siteOriginSingleQuoted: SingleQuotedLiteral.string(siteOrigin)
        case .siteOriginShell: ShellLiteral.string(siteOrigin)
        case .languages: languages
        case .defaultLanguageLiteral: JavaScriptLiteral.string(defaultLanguage)
        case .defaultLanguageSingleQuoted: SingleQuotedLiteral.string(defaultLanguage)
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .securityHeaders: HeaderContext.shape
        case .products: ServerProduct.shape
        case .languages: ServerLanguageContext.shape
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

/// One product of the catalogue as the servers' code writes it. Ids are
/// plain (`ProductIDRule`), so they need no escaping; names are quoted.
struct ServerProduct: TemplateContext {
    enum Key: String, CaseIterable {
        case id, amount, last
        case idLiteral = "id_literal"
        case idSingleQuoted = "id_single_quoted"
    }

    let product: SiteConfig.Product
    /// For languages whose list literals allow no trailing comma (Java).
    let isLast: Bool

    func value(of key: Key) -> Any? {
        switch key {
        case .id: product.id
        case .amount: product.amount
        case .last: isLast
        case .idLiteral: JavaScriptLiteral.string(product.id)
        case .idSingleQuoted: SingleQuotedLiteral.string(product.id)
        }
    }
}

/// One language of the site, for the no-JavaScript checkout: the form says
/// which one the customer reads, and the server sends them back to its pages.
struct ServerLanguageContext: TemplateContext {
    enum Key: String, CaseIterable {
        case code, last
        case codeLiteral = "code_literal"
        case codeSingleQuoted = "code_single_quoted"
        /// Where the return route sends customers of this language: the
        /// configured `merchant.return_url`, or the site's own return page
        /// under `base_url`'s path (`/fr/return.html`, `/boutique/fr/return.html`).
        case returnURLLiteral = "return_url_literal"
        case returnURLSingleQuoted = "return_url_single_quoted"
    }

    let code: String
    let returnURL: String
    let isLast: Bool

    func value(of key: Key) -> Any? {
        switch key {
        case .code: code
        case .last: isLast
        case .codeLiteral: JavaScriptLiteral.string(code)
        case .codeSingleQuoted: SingleQuotedLiteral.string(code)
        case .returnURLLiteral: JavaScriptLiteral.string(returnURL)
        case .returnURLSingleQuoted: SingleQuotedLiteral.string(returnURL)
        }
    }
}
