import AlmaKitCore

/// The `{{name}}` values a guide may use, from the configuration, in one
/// language. The README lists them; keep the two in step.
package enum MerchantPlaceholders {
    /// What a guide can say of any one product: `{{price.floor-lamp}}`.
    static let productFields = ["price", "amount_minor", "product_name"]

    package static func values(_ config: SiteConfig, language: String) -> [String: String] {
        let merchant = MerchantValues(config)
        var values = siteValues(merchant, language: language)
        for product in merchant.products {
            values["price.\(product.id)"] = merchant.price(of: product, in: language)
            values["amount_minor.\(product.id)"] = String(product.amount)
            values["product_name.\(product.id)"] = product.name.text(for: language)
        }
        return values
    }

    /// The product a `{{field.id}}` placeholder names, when it has that form.
    package static func productReference(_ name: String) -> (field: String, id: String)? {
        guard let dot = name.firstIndex(of: "."), productFields.contains(String(name[..<dot])) else { return nil }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }

    /// `{{amount}}` and `{{product_name}}` name the first product: the only
    /// one of a one-product site.
    private static func siteValues(_ merchant: MerchantValues, language: String) -> [String: String] {
        let product = merchant.firstProduct
        return [
            "amount": merchant.price(of: product, in: language),
            "amount_minor": String(product.amount),
            "currency": merchant.currency,
            "merchant_name": merchant.merchantName,
            "product_name": product.name.text(for: language),
            "publishable_key": merchant.publishableKey,
            "api_version": merchant.apiVersion.description,
            "api_release": merchant.apiVersion.release,
            "stripe_js_url": merchant.apiVersion.stripeJSURL,
            "restriction_parameter": merchant.restriction.rawValue,
            "client_secret_path": merchant.clientSecretPath,
            "checkout_path": merchant.checkoutRoutes.checkoutPath,
            "webhook_path": merchant.webhookPath,
            "port": String(merchant.port),
        ]
    }
}
