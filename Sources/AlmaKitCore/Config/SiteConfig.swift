/// A site project's `almakit.yml`, loaded and validated.
public struct SiteConfig: Sendable {
    public struct Site: Sendable {
        public var title: String
        /// Without a trailing slash.
        public var baseURL: String
        /// The first is the default language.
        public var languages: [String]
        /// Which translation states `check` reports, and how.
        public var translations = TranslationPolicy()
    }

    public struct Product: Sendable {
        public var name: LocalizedText
        public var description: LocalizedText?
    }

    public struct Merchant: Sendable {
        public var name: String
        public var publishableKey: String
        public var country: String
        public var currency: String
        /// Minor units.
        public var amount: Int
        /// One address, or one per language so that customers come back in
        /// their own; when nil, each language's own return page, resolved
        /// where the page is served.
        public var returnURL: LocalizedText?
        public var product: Product
    }

    public struct Stripe: Sendable {
        public var apiVersion: StripeAPIVersion
    }

    public struct Server: Sendable {
        public var languages: [ServerLanguage]
        public var clientSecretPath: String
        public var webhookPath: String
        public var port: Int
    }

    public var site: Site
    public var merchant: Merchant
    public var stripe: Stripe
    public var server: Server
    /// Where each key's value sits in the file, by dotted path (`merchant.amount`).
    public var locations: [String: SourceLocation]

    public var defaultLanguage: String { site.languages[0] }

    public var isTestMode: Bool { merchant.publishableKey.hasPrefix("pk_test_") }

    func location(of keyPath: String) -> SourceLocation {
        locations[keyPath] ?? SourceLocation(file: locations[""]?.file ?? "almakit.yml")
    }
}
