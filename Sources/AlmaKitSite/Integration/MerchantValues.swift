import AlmaKitCore

/// The merchant's and the integration's values as every output writes them:
/// the payment pages, the guides' `{{name}}` placeholders and the servers
/// read them here, so that a guide shows the amount the checkout charges and
/// the path the server answers on.
struct MerchantValues: Sendable {
    let merchantName: String
    /// In the currency's minor unit: 5099 for 50.99 EUR.
    let amountMinor: Int
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
    let webhookPath: String
    let port: Int
    private let product: SiteConfig.Product
    private let returnURL: LocalizedText?

    init(_ config: SiteConfig) {
        let merchant = config.merchant
        merchantName = merchant.name
        amountMinor = merchant.amount
        currency = merchant.currency
        publishableKey = merchant.publishableKey
        apiVersion = config.stripe.apiVersion
        restriction = SupportedAPIVersion.Restriction(for: config.stripe.apiVersion)
        clientSecretPath = config.server.clientSecretPath
        webhookPath = config.server.webhookPath
        port = config.server.port
        product = merchant.product
        returnURL = merchant.returnURL
    }

    /// The amount as `language` writes it: `50,99 €`.
    func amount(in language: String) -> String {
        MoneyFormatter().format(minorUnits: amountMinor, currency: currency, language: language)
    }

    func productName(in language: String) -> String {
        product.name.text(for: language)
    }

    func productDescription(in language: String) -> String? {
        product.description?.text(for: language)
    }

    /// Where Stripe sends the customer after paying: the configured address,
    /// or the site's own return page.
    func returnURL(in language: String) -> String {
        returnURL?.text(for: language) ?? GeneratedPages.returnPage
    }
}
