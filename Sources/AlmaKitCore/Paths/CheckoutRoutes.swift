/// The server routes of the checkout that works without JavaScript, all
/// derived from `server.checkout_path` so that a merchant configures one path.
package struct CheckoutRoutes: Sendable {
    /// Where the checkout form posts (`/checkout`).
    package let checkoutPath: String

    package init(checkoutPath: String) {
        self.checkoutPath = checkoutPath
    }

    /// Where Alma sends a customer back when the server confirmed the
    /// payment itself: the server learns the outcome there, then sends the
    /// customer on to the static return page (`/checkout/return`).
    package var returnPath: String {
        (checkoutPath.hasSuffix("/") ? String(checkoutPath.dropLast()) : checkoutPath) + "/return"
    }
}
