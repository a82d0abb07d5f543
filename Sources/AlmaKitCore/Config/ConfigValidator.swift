import Foundation

/// Checks the values of a loaded configuration against Alma's rules and what
/// a deployable site needs.
public struct ConfigValidator: Sendable {
    let rules: PaymentMethodRules

    static let endpointPathCharacters = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~")

    /// - Parameter rules: the payment method's eligibility rules; Alma's by default.
    public init(rules: PaymentMethodRules = .alma) {
        self.rules = rules
    }

    public func validate(_ config: SiteConfig) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // Each problem's id is the key's path and the rule it breaks: config.merchant.amount.out-of-range.
        func error(_ keyPath: String, _ rule: String, _ message: String, hint: String? = nil) {
            problems.append(.error(id: "config.\(keyPath).\(rule)", at: config.location(of: keyPath), message, hint: hint))
        }
        func placeholder(_ keyPath: String, _ message: String, hint: String) {
            problems.append(.warning(id: "config.\(keyPath).placeholder", at: config.location(of: keyPath), message, hint: hint))
        }

        if config.site.title.trimmingCharacters(in: .whitespaces).isEmpty {
            error("site.title", "empty", "'site.title' is empty", hint: "give the site a name; it is shown in every page's title")
        }
        if let problem = WebAddressRule.problem(with: config.site.baseURL) {
            error("site.base_url", "invalid", "'site.base_url' \(problem)", hint: WebAddressRule.hint)
        } else if let part = Self.queryOrFragment(of: config.site.baseURL) {
            // Pages and the servers' return addresses are built by appending to it.
            error("site.base_url", "has-\(part)", "'site.base_url' must not have a \(part): addresses are built by appending to it",
                  hint: "give the address of the site's folder alone, such as 'https://shop.example.fr' or 'https://shop.example.fr/boutique/'")
        } else if PlaceholderRule.isExampleAddress(config.site.baseURL) {
            placeholder("site.base_url", "'site.base_url' is an example address, not where the site is published", hint: PlaceholderRule.addressHint)
        }
        problems += languageProblems(config)

        let merchant = config.merchant
        if merchant.name.trimmingCharacters(in: .whitespaces).isEmpty {
            error("merchant.name", "empty", "'merchant.name' is empty", hint: "customers see this name on the checkout page")
        }
        if let problem = PublishableKeyRule.problem(with: merchant.publishableKey) {
            error("merchant.publishable_key", "invalid", problem.message, hint: problem.hint)
        } else if PlaceholderRule.isSampleKey(merchant.publishableKey) {
            placeholder("merchant.publishable_key", "'merchant.publishable_key' is a sample key, not one of your Stripe account's",
                        hint: PlaceholderRule.keyHint)
        }
        if !rules.currencies.contains(merchant.currency) {
            error("merchant.currency", "unsupported", "\(rules.name) takes \(list(rules.currencies)) only, not '\(merchant.currency)'",
                  hint: rules.currencies.contains(merchant.currency.lowercased())
                      ? "Stripe writes currency codes in lower case: 'currency: \(merchant.currency.lowercased())'"
                      : "set 'currency: \(rules.currencies[0])'")
        }
        if !rules.countries.contains(merchant.country) {
            let hint = rules.countries.contains(merchant.country.uppercased())
                ? "write the country code in capitals: '\(merchant.country.uppercased())'"
                : "\(rules.name) is offered to merchants in \(list(rules.countries))"
            error("merchant.country", "unsupported", "\(rules.name) is not available in '\(merchant.country)'", hint: hint)
        }
        if let returnURL = merchant.returnURL {
            problems += returnURLProblems(returnURL, config)
        }
        problems += productProblems(config)

        if SupportedAPIVersion.find(config.stripe.apiVersion) == nil {
            let supported = SupportedAPIVersion.all.map(\.version.description)
            let sameRelease = supported.first { $0.hasSuffix(".\(config.stripe.apiVersion.release)") }
            error("stripe.api_version", "unsupported", "AlmaKit does not generate code for Stripe API version '\(config.stripe.apiVersion)'",
                  hint: sameRelease.map { "did you mean '\($0)'? Supported versions: \(supported.joined(separator: ", "))" }
                      ?? "supported versions: \(supported.joined(separator: ", "))")
        }

        let server = config.server
        let endpoints = [("client_secret_path", server.clientSecretPath), ("checkout_path", server.checkoutPath), ("webhook_path", server.webhookPath)]
        for (key, path) in endpoints {
            // Plain path characters only: the path is written into code in
            // eight languages and into Go's route patterns, where `{`, `$`,
            // `#` or quotes would mean something.
            if !path.hasPrefix("/") || !path.unicodeScalars.allSatisfy(Self.endpointPathCharacters.contains) {
                error("server.\(key)", "invalid", "'server.\(key)' must be a path starting with '/', not '\(path)'",
                      hint: "use letters, digits, '/', '-', '_', '.' and '~' only, for example '/secret'")
            }
        }
        // The checkout's return route sits under its path: it must not be another endpoint either.
        let routes = endpoints + [("checkout_path", CheckoutRoutes(checkoutPath: server.checkoutPath).returnPath)]
        for (index, (key, path)) in routes.enumerated() {
            if let (earlier, _) = routes[..<index].first(where: { $0.1 == path }), earlier != key {
                error("server.\(key)", "same-as-\(earlier)", "'server.\(key)' and 'server.\(earlier)' lead to the same path '\(path)'", hint: "give each endpoint its own path")
            }
        }
        if !(1...65535).contains(server.port) {
            error("server.port", "out-of-range", "'server.port' must be between 1 and 65535, not \(server.port)")
        }
        if server.languages.isEmpty {
            error("server.languages", "empty", "'server.languages' is empty", hint: "name at least one of \(ServerLanguage.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return problems
    }

    /// Each product's id, amount and texts. Ids name pages and travel in
    /// URLs: lower-case letters, digits and hyphens, each used once.
    func productProblems(_ config: SiteConfig) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // One-product sites keep their `config.merchant.amount...` ids; a catalogue's items share `config.products...`.
        let idPrefix = config.hasCatalogue ? "config.products" : "config.merchant"
        var seen: Set<String> = []
        for product in config.products {
            let idPath = "\(product.keyPath).id"
            if !ProductIDRule.isValid(product.id) {
                problems.append(.error(id: "\(idPrefix).id.invalid", at: config.location(of: idPath),
                    "'\(idPath)' must be 1 to \(ProductIDRule.maximumLength) lower-case letters, digits or hyphens, not '\(product.id)'",
                    hint: ProductIDRule.suggestion(for: product.id).map { "did you mean '\($0)'?" } ?? "for example 'workshop-lamp'"))
            } else if !seen.insert(product.id).inserted {
                problems.append(.error(id: "\(idPrefix).id.repeated", at: config.location(of: idPath),
                    "product id '\(product.id)' is used twice", hint: "give each product its own id: it names its checkout page"))
            }
            if !rules.amounts.contains(product.amount) {
                problems.append(.error(id: "\(idPrefix).amount.out-of-range", at: config.location(of: product.amountKeyPath),
                    "\(rules.name) accepts amounts from \(rules.amounts.lowerBound) to \(rules.amounts.upperBound) (in cents), not \(product.amount)",
                    hint: "amounts are in minor units: 5099 means 50.99 EUR; \(rules.name) needs \(rules.minimumText) to \(rules.maximumText)"))
            }
            problems += textCoverageProblems(product.name, "\(product.keyPath).name", config)
            if let description = product.description {
                problems += textCoverageProblems(description, "\(product.keyPath).description", config)
            }
        }
        return problems
    }

    func languageProblems(_ config: SiteConfig) -> [Diagnostic] {
        let languages = config.site.languages
        guard !languages.isEmpty else {
            return [.error(id: "config.site.languages.empty", at: config.location(of: "site.languages"), "'site.languages' is empty", hint: "list at least one language, the default first: [fr, en]")]
        }
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        for (index, language) in languages.enumerated() {
            let location = config.location(of: "site.languages.\(index)")
            if !LanguageCode.all.contains(language) {
                let hint = LanguageCode.all.contains(language.lowercased())
                    ? "write language codes in lower case: '\(language.lowercased())'"
                    : "use a two-letter ISO 639-1 code such as fr or en"
                problems.append(.error(id: "config.site.languages.not-a-language", at: location, "'\(language)' is not a language code", hint: hint))
            }
            if !seen.insert(language).inserted {
                problems.append(.error(id: "config.site.languages.repeated", at: location, "language '\(language)' is listed twice", hint: "list each language once"))
            }
        }
        return problems
    }

    /// "query" or "fragment" when `address` has one, for addresses that others are appended to.
    static func queryOrFragment(of address: String) -> String? {
        guard let components = URLComponents(string: address) else { return nil }
        return components.fragment != nil ? "fragment" : components.query != nil ? "query" : nil
    }

    /// A fragment in a return address would swallow what Stripe and the
    /// servers add after it (`?payment_intent=…`, `#status-…`).
    private func fragmentProblem(_ address: String, at keyPath: String, _ config: SiteConfig) -> Diagnostic? {
        guard URLComponents(string: address)?.fragment != nil else { return nil }
        return .error(id: "config.merchant.return_url.has-fragment", at: config.location(of: keyPath),
                      "'\(keyPath)' must not have a fragment ('#…'): what Stripe adds to the address would end up inside it",
                      hint: "remove the '#' and what follows; a query ('?…') is kept")
    }

    /// Each address must be one a browser can be sent to; one address for
    /// several languages brings every customer back in the same one.
    private func returnURLProblems(_ returnURL: LocalizedText, _ config: SiteConfig) -> [Diagnostic] {
        switch returnURL {
        case .same(let address):
            var problems: [Diagnostic] = []
            if let problem = WebAddressRule.problem(with: address) {
                problems.append(.error(id: "config.merchant.return_url.invalid", at: config.location(of: "merchant.return_url"), "'merchant.return_url' \(problem)", hint: WebAddressRule.hint))
            } else if let problem = fragmentProblem(address, at: "merchant.return_url", config) {
                problems.append(problem)
            } else if PlaceholderRule.isExampleAddress(address) {
                problems.append(.warning(id: "config.merchant.return_url.example", at: config.location(of: "merchant.return_url"), "'merchant.return_url' is an example address", hint: PlaceholderRule.addressHint))
            }
            if config.site.languages.count > 1 {
                problems.append(.warning(id: "config.merchant.return_url.one-for-all-languages",
                    at: config.location(of: "merchant.return_url"),
                    "one return address serves every language (\(list(config.site.languages))): customers come back to the same page whichever language they paid in",
                    hint: "give one address per language, like the product's name: 'return_url: { \(config.site.languages.map { "\($0): ..." }.joined(separator: ", ")) }', or leave it out to use each language's own return page"))
            }
            return problems
        case .perLanguage(let addresses):
            var problems = textCoverageProblems(returnURL, "merchant.return_url", config)
            for (language, address) in addresses.sorted(by: { $0.key < $1.key }) {
                if let problem = WebAddressRule.problem(with: address) {
                    problems.append(.error(id: "config.merchant.return_url.invalid", at: config.location(of: "merchant.return_url.\(language)"),
                                           "'merchant.return_url.\(language)' \(problem)", hint: WebAddressRule.hint))
                } else if let problem = fragmentProblem(address, at: "merchant.return_url.\(language)", config) {
                    problems.append(problem)
                } else if PlaceholderRule.isExampleAddress(address) {
                    problems.append(.warning(id: "config.merchant.return_url.example", at: config.location(of: "merchant.return_url.\(language)"),
                                             "'merchant.return_url.\(language)' is an example address", hint: PlaceholderRule.addressHint))
                }
            }
            return problems
        }
    }

    private func textCoverageProblems(_ text: LocalizedText, _ keyPath: String, _ config: SiteConfig) -> [Diagnostic] {
        guard let given = text.languages else { return [] }
        var problems: [Diagnostic] = []
        let missing = config.site.languages.filter { !given.contains($0) }
        if !missing.isEmpty {
            problems.append(.error(id: "config.text.missing-language",
                at: config.location(of: keyPath),
                "'\(keyPath)' has no text for \(list(missing))",
                hint: "add '\(missing[0]): ...', or give one text for every language"))
        }
        for language in given where !config.site.languages.contains(language) {
            problems.append(.warning(id: "config.text.unknown-language",
                at: config.location(of: "\(keyPath).\(language)"),
                "'\(keyPath).\(language)' is for a language the site does not have",
                hint: "add '\(language)' to 'site.languages' or remove this text"))
        }
        return problems
    }

    private func list(_ items: [String]) -> String {
        items.map { "'\($0)'" }.joined(separator: ", ")
    }
}
