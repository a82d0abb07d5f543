import AlmaKitCore

/// The pages AlmaKit writes into each language folder itself.
public enum GeneratedPages {
    public static let checkout = "checkout.html"
    public static let returnPage = "return.html"
    public static let notFound = "404.html"
    /// What a server answers when the checkout form's payment cannot start
    /// (Stripe failing, an unknown product): not indexed, not in the sitemap.
    public static let paymentError = "payment-error.html"
    package static let reservedNames: Set<String> = [checkout, returnPage, notFound, paymentError]
    /// Files at the site's root that a guide may link to (`/client.js`), besides pages.
    package static let rootFiles = ["index.html", notFound, "sitemap.xml", "client.js", "guide.js", staticHostHeaders]
    /// The security headers for static hosts that read them (Netlify, Cloudflare Pages).
    package static let staticHostHeaders = "_headers"
}
