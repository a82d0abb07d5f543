import AlmaKitCore

/// The values `client.js` and its guide snippet are rendered with: encoded
/// as JavaScript literals, since the script is not HTML.
enum ClientScript {
    static let confirmSnippet = "snippets/client-confirm.js"

    static func context(_ config: SiteConfig) -> ClientScriptContext {
        let merchant = MerchantValues(config)
        return ClientScriptContext(
            publishableKeyJS: JavaScriptLiteral.string(merchant.publishableKey),
            clientSecretPathJS: JavaScriptLiteral.string(merchant.clientSecretPath),
            paymentMethodTypeJS: JavaScriptLiteral.string(PaymentMethodRules.alma.stripeType))
    }
}

struct ClientScriptContext: TemplateContext {
    enum Key: String, CaseIterable {
        case publishableKeyJS = "publishable_key_js"
        case clientSecretPathJS = "client_secret_path_js"
        case paymentMethodTypeJS = "payment_method_type_js"
    }

    let publishableKeyJS: String
    let clientSecretPathJS: String
    let paymentMethodTypeJS: String

    func value(of key: Key) -> Any? {
        switch key {
        case .publishableKeyJS: publishableKeyJS
        case .clientSecretPathJS: clientSecretPathJS
        case .paymentMethodTypeJS: paymentMethodTypeJS
        }
    }
}
