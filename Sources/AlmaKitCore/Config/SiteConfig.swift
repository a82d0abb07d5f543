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

    /// One thing the site sells. Its id is all the browser ever sends: the
    /// servers look the amount up in their copy of the catalogue.
    public struct Product: Sendable {
        /// Lower-case letters, digits and hyphens: it names a page and travels
        /// in form fields and query strings.
        public var id: String
        public var name: LocalizedText
        public var description: LocalizedText?
        /// Minor units.
        public var amount: Int
        /// A file of the project, relative to it.
        public var image: String?
        /// Where the product is written: `merchant.product` in the
        /// one-product form, `products.2` in a catalogue.
        public var keyPath: String
        /// Where its amount is written: `merchant.amount` in the one-product form.
        public var amountKeyPath: String

        public init(id: String, name: LocalizedText, description: LocalizedText? = nil, amount: Int,
                    image: String? = nil, keyPath: String, amountKeyPath: String) {
            self.id = id
            self.name = name
            self.description = description
            self.amount = amount
            self.image = image
            self.keyPath = keyPath
            self.amountKeyPath = amountKeyPath
        }

        /// The id a one-product site gets when `merchant.product.id` is not given.
        public static let defaultID = "product"
    }

    public struct Merchant: Sendable {
        public var name: String
        public var publishableKey: String
        public var country: String
        public var currency: String
        /// One address, or one per language so that customers come back in
        /// their own; when nil, each language's own return page, resolved
        /// where the page is served.
        public var returnURL: LocalizedText?
    }

    public struct Stripe: Sendable {
        public var apiVersion: StripeAPIVersion
    }

    public struct Server: Sendable {
        public var languages: [ServerLanguage]
        public var clientSecretPath: String
        /// Where the checkout form posts when Stripe.js cannot run.
        public var checkoutPath: String
        public var webhookPath: String
        public var port: Int
    }

    public var site: Site
    public var merchant: Merchant
    /// Never empty: the `products:` list, or the one product of
    /// `merchant.product` and `merchant.amount`.
    public var products: [Product]
    /// Whether the products come from a `products:` list, even of one.
    public var hasCatalogue: Bool
    public var stripe: Stripe
    public var server: Server
    /// Where each key's value sits in the file, by dotted path (`merchant.amount`).
    public var locations: [String: SourceLocation]

    public var defaultLanguage: String { site.languages[0] }

    /// Several products get a product list and a checkout page each.
    public var sellsSeveralProducts: Bool { products.count > 1 }

    public var isTestMode: Bool { merchant.publishableKey.hasPrefix("pk_test_") }

    package func location(of keyPath: String) -> SourceLocation {
        locations[keyPath] ?? SourceLocation(file: locations[""]?.file ?? "almakit.yml")
    }
}
