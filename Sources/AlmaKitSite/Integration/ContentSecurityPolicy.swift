import AlmaKitCore

/// The policy of the pages that load Stripe.js: exactly what Stripe.js needs
/// (docs.stripe.com/security/guide#content-security-policy) and our own files.
enum ContentSecurityPolicy {
    static let paymentPages = [
        "default-src 'self'",
        "script-src 'self' https://js.stripe.com",
        "frame-src https://js.stripe.com https://hooks.stripe.com",
        "connect-src 'self' https://api.stripe.com",
        "img-src 'self' data: https://*.stripe.com",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        // The checkout's form posts to our server, whose answer redirects to
        // Stripe and on to Alma; browsers hold every step of those redirects
        // to this directive, and Stripe does not list the hosts they go
        // through. Any https address, then, but never plain http or `javascript:`.
        "form-action 'self' https:",
    ].joined(separator: "; ")
}
