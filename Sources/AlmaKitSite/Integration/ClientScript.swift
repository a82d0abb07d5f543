import AlmaKitCore

/// The values `client.js` and its guide snippet are rendered with: encoded
/// as JavaScript literals, since the script is not HTML.
enum ClientScript {
    static let confirmSnippet = "snippets/client-confirm.js"

    static func context(_ config: SiteConfig) -> [String: Any] {
        [
            "publishable_key_js": JavaScriptLiteral.string(config.merchant.publishableKey),
            "client_secret_path_js": JavaScriptLiteral.string(config.server.clientSecretPath),
            "payment_method_type_js": JavaScriptLiteral.string(PaymentMethodRules.alma.stripeType),
        ]
    }
}
