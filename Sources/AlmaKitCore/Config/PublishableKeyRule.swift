/// Only a publishable key may be written into pages; anything secret is
/// refused without being echoed back.
enum PublishableKeyRule {
    static let publishablePrefixes = ["pk_test_", "pk_live_"]

    static func problem(with key: String) -> (message: String, hint: String)? {
        if let prefix = SecretScanner.prefixes.first(where: key.hasPrefix) {
            return ("'merchant.publishable_key' holds a secret key (\(prefix)…): it would be published in every page",
                    "put the publishable key (pk_test_… or pk_live_…) here; secret keys belong only in the server's environment (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET). Roll this secret key in the Stripe Dashboard if this file was shared")
        }
        guard let prefix = publishablePrefixes.first(where: key.hasPrefix) else {
            return ("'merchant.publishable_key' must start with pk_test_ or pk_live_",
                    "copy the publishable key from the Stripe Dashboard, Developers > API keys")
        }
        let body = key.dropFirst(prefix.count)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return ("'merchant.publishable_key' is not a complete key: after \(prefix) come letters and digits only",
                    "copy the whole publishable key from the Stripe Dashboard")
        }
        return nil
    }
}
