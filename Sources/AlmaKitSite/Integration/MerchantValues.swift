import AlmaKitCore

/// The merchant's and the integration's values as every output writes them:
/// the payment pages, the guides' `{{name}}` placeholders and the servers
/// read them here, so that a guide shows the amount the checkout charges and
/// the path the server answers on.
struct MerchantValues: Sendable {
    let merchantName: String
    /// What the site sells, never empty; amounts in the currency's minor
    /// unit (5099 for 50.99 EUR).
    let products: [SiteConfig.Product]
    let currency: String
    let publishableKey: String
    let apiVersion: StripeAPIVersion
    /// The PaymentIntent parameter that restricts it to Alma. It follows from
    /// the version's date alone, so it is true of any version: validation
    /// refuses an unsupported one, but `check` still renders the guides and
    /// servers to report every other problem, and a value made up from
    /// another version (or left empty) would be wrong where this is not.
    let restriction: SupportedAPIVersion.Restriction
    let clientSecretPath: String
    let checkoutRoutes: CheckoutRoutes
    let webhookPath: String
    let port: Int
    private let returnURL: LocalizedText?

    init(_ config: SiteConfig) {
        let merchant = config.merchant
        merchantName = merchant.name
        products = config.products
        currency = merchant.currency
        publishableKey = merchant.publishableKey
        apiVersion = config.stripe.apiVersion
        restriction = SupportedAPIVersion.Restriction(for: config.stripe.apiVersion)
        clientSecretPath = config.server.clientSecretPath
        checkoutRoutes = CheckoutRoutes(checkoutPath: config.server.checkoutPath)
        webhookPath = config.server.webhookPath
        port = config.server.port
        returnURL = merchant.returnURL
    }

    /// The product a one-product site sells, and the one the guides'
    /// `{{amount}}` and `{{product_name}}` name in a catalogue.
    var firstProduct: SiteConfig.Product { products[0] }

    /// A product's price as `language` writes it: `50,99 €`.
    func price(of product: SiteConfig.Product, in language: String) -> String {
        MoneyFormatter().format(minorUnits: product.amount, currency: currency, language: language)
    }

    /// `merchant.return_url` for `language`, when the merchant gave one:
    /// where Stripe sends the customer after paying instead of the site's
    /// own return page.
    func configuredReturnURL(in language: String) -> String? {
        returnURL?.text(for: language)
    }
}
