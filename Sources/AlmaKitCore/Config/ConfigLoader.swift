import Foundation
import Yams

/// Reads `almakit.yml` into a `SiteConfig`, reporting every unknown key,
/// missing key and wrongly typed value with its position. Rules about the
/// values themselves belong to `ConfigValidator`.
public struct ConfigLoader: Sendable {
    static let sections = ["site", "merchant", "products", "stripe", "server"]
    static let siteKeys = ["title", "base_url", "languages", "translations"]
    static let merchantKeys = ["name", "publishable_key", "country", "currency", "amount", "return_url", "product"]
    static let productKeys = ["id", "name", "description"]
    static let catalogueItemKeys = ["id", "name", "description", "amount", "image"]
    static let stripeKeys = ["api_version"]
    static let serverKeys = ["languages", "client_secret_path", "checkout_path", "webhook_path", "port"]

    /// Where a key that is misplaced actually belongs, for the hint.
    private static let homeOfKey: [String: String] = {
        var home: [String: String] = [:]
        for (section, keys) in [("site", siteKeys), ("merchant", merchantKeys), ("stripe", stripeKeys), ("server", serverKeys)] {
            for key in keys where home[key] == nil { home[key] = section }
        }
        return home
    }()

    public init() {}

    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the path to show in diagnostics.
    /// - Returns: the configuration, or nil when something required is missing or unreadable.
    public func load(_ text: String, file: String, into diagnostics: inout Diagnostics) -> SiteConfig? {
        let source = YAMLSource(file: file)
        let before = diagnostics.errors.count
        guard let root = source.parse(text, into: &diagnostics) else {
            if diagnostics.errors.count == before {
                diagnostics.append(.error(id: "config.empty", at: SourceLocation(file: file), "the configuration is empty", hint: "run 'almakit init' to get a commented example"))
            }
            return nil
        }
        guard let top = YAMLMapping(root, path: "", source: source, into: &diagnostics) else { return nil }
        top.checkKeys(Self.sections, elsewhere: Self.homeOfKey, into: &diagnostics)

        var locations: [String: SourceLocation] = ["": SourceLocation(file: file)]
        func section(_ name: String) -> YAMLMapping? {
            if top.value(name) == nil {
                diagnostics.append(.error(id: "config.section-missing", at: SourceLocation(file: file, line: 1, column: 1), "section '\(name)' is missing", hint: "add a '\(name):' mapping at the top level"))
                return nil
            }
            return top.mapping(name, into: &diagnostics)
        }
        func record(_ mapping: YAMLMapping, _ keys: [String]) {
            recordLocations(of: mapping, keys, in: &locations)
        }

        let siteMapping = section("site")
        let merchantMapping = section("merchant")
        let stripeMapping = top.value("stripe") == nil ? nil : top.mapping("stripe", into: &diagnostics)
        let serverMapping = top.value("server") == nil ? nil : top.mapping("server", into: &diagnostics)

        var site: SiteConfig.Site?
        if let mapping = siteMapping {
            mapping.checkKeys(Self.siteKeys, elsewhere: Self.homeOfKey, into: &diagnostics)
            record(mapping, Self.siteKeys)
            let title = mapping.string("title", required: true, into: &diagnostics)
            let baseURL = mapping.string("base_url", required: true, into: &diagnostics)
            let languages = mapping.stringList("languages", required: true, into: &diagnostics)
            for (index, item) in (languages ?? []).enumerated() {
                locations["site.languages.\(index)"] = item.1
            }
            if let title, let baseURL, let languages {
                site = SiteConfig.Site(title: title, baseURL: baseURL, languages: languages.map(\.0))
                if mapping.value("translations") != nil, let policy = mapping.mapping("translations", into: &diagnostics) {
                    site?.translations = translationPolicy(policy, into: &diagnostics)
                }
            }
        }

        let catalogue = top.value("products").map { catalogueProducts($0, source: source, locations: &locations, into: &diagnostics) }
        var merchant: SiteConfig.Merchant?
        var products = catalogue ?? []
        if let mapping = merchantMapping {
            mapping.checkKeys(Self.merchantKeys, elsewhere: Self.homeOfKey, into: &diagnostics)
            record(mapping, Self.merchantKeys)
            let name = mapping.string("name", required: true, into: &diagnostics)
            let key = mapping.string("publishable_key", required: true, into: &diagnostics)
            let country = mapping.string("country", required: true, into: &diagnostics)
            let currency = mapping.string("currency", required: false, into: &diagnostics) ?? "eur"
            let returnURL = localizedText(mapping, "return_url", required: false, locations: &locations, into: &diagnostics)
            if catalogue != nil {
                for key in ["product", "amount"] where mapping.value(key) != nil {
                    diagnostics.append(.error(id: "config.products.given-twice", at: mapping.keyLocation(key),
                        "'merchant.\(key)' and 'products:' both say what the site sells",
                        hint: "keep 'products:' and delete 'merchant.product' and 'merchant.amount', or delete 'products:' to sell one product"))
                }
            } else if let product = singleProduct(mapping, locations: &locations, into: &diagnostics) {
                products = [product]
            }
            if let name, let key, let country, !products.isEmpty {
                merchant = SiteConfig.Merchant(
                    name: name, publishableKey: key, country: country, currency: currency, returnURL: returnURL)
            }
        }

        var apiVersion = StripeAPIVersion.latest
        if let mapping = stripeMapping {
            mapping.checkKeys(Self.stripeKeys, elsewhere: Self.homeOfKey, into: &diagnostics)
            record(mapping, Self.stripeKeys)
            if let string = mapping.string("api_version", required: false, into: &diagnostics) {
                if let version = StripeAPIVersion(string) {
                    apiVersion = version
                } else {
                    diagnostics.append(.error(id: "config.stripe.api_version.invalid",
                        at: mapping.location(ofValue: "api_version"),
                        "'\(string)' is not a Stripe API version",
                        hint: "write it as YYYY-MM-DD.release, for example '\(StripeAPIVersion.latest)'"))
                }
            }
        }

        var server = SiteConfig.Server(
            languages: ServerLanguage.allCases, clientSecretPath: "/secret", checkoutPath: "/checkout", webhookPath: "/webhook", port: 4242)
        if let mapping = serverMapping {
            mapping.checkKeys(Self.serverKeys, elsewhere: Self.homeOfKey, into: &diagnostics)
            record(mapping, Self.serverKeys)
            if let items = mapping.stringList("languages", required: false, into: &diagnostics) {
                server.languages = []
                for (name, location) in items {
                    if let language = ServerLanguage(rawValue: name) {
                        server.languages.append(language)
                    } else {
                        let known = ServerLanguage.allCases.map(\.rawValue)
                        let hint = Suggestion.nearest(to: name, among: known).map { "did you mean '\($0)'?" }
                            ?? "known server languages: \(known.joined(separator: ", "))"
                        diagnostics.append(.error(id: "config.server.languages.unknown", at: location, "unknown server language '\(name)'", hint: hint))
                    }
                }
            }
            server.clientSecretPath = mapping.string("client_secret_path", required: false, into: &diagnostics) ?? server.clientSecretPath
            server.checkoutPath = mapping.string("checkout_path", required: false, into: &diagnostics) ?? server.checkoutPath
            server.webhookPath = mapping.string("webhook_path", required: false, into: &diagnostics) ?? server.webhookPath
            server.port = mapping.int("port", required: false, into: &diagnostics) ?? server.port
        }

        guard let site, let merchant else { return nil }
        return SiteConfig(
            site: site, merchant: merchant, products: products, hasCatalogue: catalogue != nil, stripe: SiteConfig.Stripe(apiVersion: apiVersion),
            server: server, locations: locations)
    }

    /// The one product of `merchant.product` and `merchant.amount`.
    private func singleProduct(
        _ merchant: YAMLMapping, locations: inout [String: SourceLocation], into diagnostics: inout Diagnostics
    ) -> SiteConfig.Product? {
        let amount = merchant.int("amount", required: true,
                                  hint: Self.amountHint(merchant.value("amount")?.scalar?.string), into: &diagnostics)
        guard merchant.value("product") != nil else {
            diagnostics.append(.error(id: "config.merchant.product.missing", at: merchant.keyLocation("product"), "'merchant.product' is missing",
                hint: "add 'product:' with at least 'name:' under 'merchant', or list what the site sells under 'products:'"))
            return nil
        }
        guard let mapping = merchant.mapping("product", into: &diagnostics) else { return nil }
        mapping.checkKeys(Self.productKeys, into: &diagnostics)
        recordLocations(of: mapping, Self.productKeys, in: &locations)
        let id = mapping.string("id", required: false, into: &diagnostics) ?? SiteConfig.Product.defaultID
        let name = localizedText(mapping, "name", required: true, locations: &locations, into: &diagnostics)
        let description = localizedText(mapping, "description", required: false, locations: &locations, into: &diagnostics)
        // An amount written but not as a whole number (89.90) is reported
        // above; the pages are checked all the same, with a stand-in.
        guard let name, let writtenAmount = amount ?? (merchant.value("amount") != nil ? 0 : nil) else { return nil }
        return SiteConfig.Product(id: id, name: name, description: description, amount: writtenAmount,
                                  keyPath: "merchant.product", amountKeyPath: "merchant.amount")
    }

    /// The `products:` list, each item read with its own positions. Items
    /// with a missing or unreadable value are reported and left out.
    private func catalogueProducts(
        _ node: Node, source: YAMLSource, locations: inout [String: SourceLocation], into diagnostics: inout Diagnostics
    ) -> [SiteConfig.Product] {
        locations["products"] = source.location(of: node)
        guard let items = node.sequence else {
            diagnostics.append(.error(id: "yaml.not-a-list", at: source.location(of: node), "'products' must be a list",
                hint: "write each product as a '- id: ...' item with its name and amount"))
            return []
        }
        var products: [SiteConfig.Product] = []
        for (index, item) in items.enumerated() {
            guard let mapping = YAMLMapping(item, path: "products.\(index)", source: source, into: &diagnostics) else { continue }
            mapping.checkKeys(Self.catalogueItemKeys, into: &diagnostics)
            recordLocations(of: mapping, Self.catalogueItemKeys, in: &locations)
            let id = mapping.string("id", required: true, into: &diagnostics)
            let name = localizedText(mapping, "name", required: true, locations: &locations, into: &diagnostics)
            let description = localizedText(mapping, "description", required: false, locations: &locations, into: &diagnostics)
            let amount = mapping.int("amount", required: true,
                                     hint: Self.amountHint(mapping.value("amount")?.scalar?.string), into: &diagnostics)
            let image = mapping.string("image", required: false, into: &diagnostics)
            if let id, let name, let amount {
                products.append(SiteConfig.Product(id: id, name: name, description: description, amount: amount, image: image,
                                                   keyPath: mapping.path, amountKeyPath: mapping.qualified("amount")))
            }
        }
        if items.isEmpty {
            diagnostics.append(.error(id: "config.products.empty", at: source.location(of: node), "'products' lists nothing to sell",
                hint: "add at least one '- id: ...' item with its name and amount"))
        }
        return products
    }

    private func recordLocations(of mapping: YAMLMapping, _ keys: [String], in locations: inout [String: SourceLocation]) {
        locations[mapping.path] = mapping.location
        for key in keys where mapping.value(key) != nil {
            locations[mapping.qualified(key)] = mapping.location(ofValue: key)
        }
    }

    /// A text given as one string, or as a mapping from language code to string.
    private func localizedText(
        _ mapping: YAMLMapping, _ key: String, required: Bool,
        locations: inout [String: SourceLocation], into diagnostics: inout Diagnostics
    ) -> LocalizedText? {
        guard let node = mapping.value(key) else {
            if required { _ = mapping.string(key, required: true, into: &diagnostics) }
            return nil
        }
        if node.scalar != nil {
            return mapping.string(key, required: required, into: &diagnostics).map(LocalizedText.same)
        }
        guard let texts = YAMLMapping(node, path: mapping.qualified(key), source: mapping.source, into: &diagnostics) else {
            return nil
        }
        var values: [String: String] = [:]
        for language in texts.keys {
            locations[texts.qualified(language)] = texts.location(ofValue: language)
            if let text = texts.string(language, required: true, into: &diagnostics) {
                values[language] = text
            }
        }
        return .perLanguage(values)
    }

    /// `site.translations`: each state `allowed`, `warning` or `error`.
    private func translationPolicy(_ mapping: YAMLMapping, into diagnostics: inout Diagnostics) -> TranslationPolicy {
        mapping.checkKeys(TranslationPolicy.keys, into: &diagnostics)
        var policy = TranslationPolicy()
        let treatments = TranslationPolicy.Treatment.allCases.map(\.rawValue)
        for key in TranslationPolicy.keys {
            guard let written = mapping.string(key, required: false, into: &diagnostics) else { continue }
            guard let treatment = TranslationPolicy.Treatment(rawValue: written) else {
                diagnostics.append(.error(id: "config.site.translations.invalid",
                    at: mapping.location(ofValue: key),
                    "'\(mapping.qualified(key))' must be one of \(treatments.joined(separator: ", ")), not '\(written)'",
                    hint: Suggestion.nearest(to: written, among: treatments).map { "did you mean '\($0)'?" }
                        ?? "allowed: never reported; warning: fails 'check --strict'; error: always fails"))
                continue
            }
            switch key {
            case "missing": policy.missing = treatment
            case "stale": policy.stale = treatment
            default: policy.untracked = treatment
            }
        }
        return policy
    }

    /// An amount written in euros (`89.90`) gets its value in cents suggested.
    /// Called only for an amount that is no whole number: reading a decimal
    /// loads the locale data, which cost every build 10 ms when it ran
    /// for every amount.
    static func amountHint(_ written: String?) -> String {
        let general = "write digits only, without quotes; amounts are in minor units (5099 for 50.99)"
        guard let written, let decimal = Decimal(string: written, locale: Locale(identifier: "en_US_POSIX")),
              written.contains("."), decimal > 0
        else { return general }
        var cents = decimal * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &cents, 0, .plain)
        guard rounded == cents else { return general }
        return "amounts are in minor units: did you mean \(rounded) (\(written) EUR in cents)?"
    }
}
