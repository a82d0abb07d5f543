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
    /// A catalogue's checkout pages, one per product: `checkout/<id>.html`.
    /// The folder belongs to AlmaKit in every language, whatever is sold.
    package static let productsFolder = "checkout"
    /// Where products' images are copied: `assets/products/<id>.<extension>`.
    package static let productImagesFolder = "assets/products/"

    /// The template of `checkout.html` when it lists a catalogue.
    package static let productListTemplate = "product-list.html"

    /// A catalogue product's checkout page, within a language folder.
    package static func productCheckout(_ id: String) -> String {
        "\(productsFolder)/\(id).html"
    }

    /// The checkout pages of `config` within a language folder: the one
    /// product's at `checkout.html`, or the list there and a page per product.
    package static func checkoutPages(_ config: SiteConfig) -> [String] {
        config.sellsSeveralProducts ? [checkout] + config.products.map { productCheckout($0.id) } : [checkout]
    }

    /// Whether a guide at `name` (within its language folder) would take a generated page's place.
    package static func isReserved(_ name: String) -> Bool {
        reservedNames.contains(name) || name.hasPrefix(productsFolder + "/")
    }
    /// Files at the site's root that a guide may link to (`/client.js`), besides pages.
    package static let rootFiles = ["index.html", notFound, "sitemap.xml", "client.js", "guide.js", staticHostHeaders]
    /// The security headers for static hosts that read them (Netlify, Cloudflare Pages).
    package static let staticHostHeaders = "_headers"
}
