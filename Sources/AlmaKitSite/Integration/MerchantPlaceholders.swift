import AlmaKitCore

/// The `{{name}}` values a guide may use, from the configuration, in one
/// language. The README lists them; keep the two in step.
package enum MerchantPlaceholders {
    package static func values(_ config: SiteConfig, language: String) -> [String: String] {
        let merchant = config.merchant
        let supported = SupportedAPIVersion.find(config.stripe.apiVersion)
        return [
            "amount": MoneyFormatter().format(minorUnits: merchant.amount, currency: merchant.currency, language: language),
            "amount_minor": String(merchant.amount),
            "currency": merchant.currency,
            "merchant_name": merchant.name,
            "product_name": merchant.product.name.text(for: language),
            "publishable_key": merchant.publishableKey,
            "api_version": config.stripe.apiVersion.description,
            "api_release": config.stripe.apiVersion.release,
            "stripe_js_url": config.stripe.apiVersion.stripeJSURL,
            "restriction_parameter": supported?.restriction.rawValue ?? "",
            "client_secret_path": config.server.clientSecretPath,
            "webhook_path": config.server.webhookPath,
            "port": String(config.server.port),
        ]
    }
}
