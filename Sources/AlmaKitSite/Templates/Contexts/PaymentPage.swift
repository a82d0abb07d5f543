import AlmaKitCore

/// `checkout.html` and `return.html`: the pages a merchant's customers pay on.
struct PaymentPage: LayoutPage {
    enum Key: String, CaseIterable {
        case description, csp, amount
        case stripeJS = "stripe_js"
        case productID = "product_id"
        case productName = "product_name"
        case productDescription = "product_description"
        case returnURL = "return_url"
        case checkoutURL = "checkout_url"
        case checkoutPath = "checkout_path"
        case catalogueURL = "catalogue_url"
        case stripeLocale = "stripe_locale"
    }

    var layout: PageLayout
    var description: String
    /// The Stripe.js build of the configured API version.
    var stripeJS: String
    /// The Content-Security-Policy the page declares.
    var csp: String
    /// What the checkout form posts in its `product` field.
    var productID: String
    var productName: String
    /// Empty when the product has none.
    var productDescription: String
    /// The amount as the page's language writes it: `50,99 €`.
    var amount: String
    /// Where the form posts when Stripe.js cannot take over: a server route.
    var checkoutPath: String
    /// Where Stripe sends the customer back after paying.
    var returnURL: String
    /// From the return page back to checkout, to try again.
    var checkoutURL: String
    var stripeLocale: String
    /// From a catalogue product's page back to the list; nil elsewhere.
    var catalogueURL: String? = nil

    func value(of key: Key) -> Any? {
        switch key {
        case .description: description
        case .stripeJS: stripeJS
        case .csp: csp
        case .productID: productID
        case .productName: productName
        case .productDescription: productDescription
        case .amount: amount
        case .returnURL: returnURL
        case .checkoutURL: checkoutURL
        case .checkoutPath: checkoutPath
        case .catalogueURL: catalogueURL
        case .stripeLocale: stripeLocale
        }
    }
}
