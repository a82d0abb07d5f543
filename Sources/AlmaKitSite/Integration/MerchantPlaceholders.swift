import AlmaKitCore

/// The `{{name}}` values a guide may use, from the configuration, in one
/// language. The README lists them; keep the two in step.
package enum MerchantPlaceholders {
    package static func values(_ config: SiteConfig, language: String) -> [String: String] {
        let merchant = MerchantValues(config)
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
