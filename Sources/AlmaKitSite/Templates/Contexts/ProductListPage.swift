import AlmaKitCore

/// `product-list.html`: a catalogue's `checkout.html`, each product with its
/// picture, text and price, and a link to its own checkout page.
struct ProductListPage: LayoutPage {
    enum Key: String, CaseIterable {
        case description, csp, products
        case stripeJS = "stripe_js"
    }

    var layout: PageLayout
    var description: String
    /// The payment pages' frame loads Stripe.js on every page, as Stripe advises.
    var stripeJS: String
    var csp: String
    var products: [ProductCard]

    func value(of key: Key) -> Any? {
        switch key {
        case .description: description
        case .stripeJS: stripeJS
        case .csp: csp
        case .products: products
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .products: ProductCard.shape
        default: .value
        }
    }
}

/// One product of the list, in the page's language.
struct ProductCard: TemplateContext {
    /// Names of their own: a product without a description or picture
    /// must not show the page's, as Mustache would look it up there.
    enum Key: String, CaseIterable {
        case id, price, href
        case name = "product_name"
        case description = "product_description"
        case image = "product_image"
    }

    var id: String
    var name: String
    /// Nil (a false section) when the product has none.
    var description: String?
    /// As the page's language writes it: `50,99 €`.
    var price: String
    /// Its checkout page, relative to the list.
    var href: String
    /// Its picture, relative to the list; nil when it has none.
    var image: String?

    func value(of key: Key) -> Any? {
        switch key {
        case .id: id
        case .name: name
        case .description: description
        case .price: price
        case .href: href
        case .image: image
        }
    }
}
