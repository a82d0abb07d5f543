import AlmaKitCore

/// The HTTP headers every page of the site is served with, whoever serves
/// it: a static host through `_headers`, or a generated server. One list, so
/// that both send the same.
///
/// The Content-Security-Policy is the payment pages' for every page: hosts
/// that read `_headers` (Netlify, Cloudflare Pages) join the values of every
/// rule matching a path, so a stricter rule for the guides beside a Stripe
/// rule for the checkout would give the checkout both policies at once and
/// block Stripe.js. The guides load no script from Stripe whatever it allows.
package struct SecurityHeaders: Sendable {
    package struct Header: Sendable, Equatable {
        package var name: String
        package var value: String
    }

    /// For every response of the site, pages first.
    package let all: [Header]

    /// Files whose names carry a hash of their contents may be cached for a
    /// year: a new version is a new name.
    package static let immutableCaching = Header(name: "Cache-Control", value: "public, max-age=31536000, immutable")

    package init(config: SiteConfig) {
        var headers = [
            // `frame-ancestors` works only as a header: a `<meta>` policy
            // cannot stop another site from framing the checkout (clickjacking).
            Header(name: "Content-Security-Policy", value: ContentSecurityPolicy.paymentPages + "; frame-ancestors 'none'"),
            // The same for browsers that know no `frame-ancestors`.
            Header(name: "X-Frame-Options", value: "DENY"),
            Header(name: "X-Content-Type-Options", value: "nosniff"),
            Header(name: "Referrer-Policy", value: "strict-origin-when-cross-origin"),
        ]
        // Over plain HTTP (a local run) the header means nothing, and a browser ignores it.
        if config.site.baseURL.lowercased().hasPrefix("https://") {
            headers.append(Header(name: "Strict-Transport-Security", value: "max-age=31536000"))
        }
        all = headers
    }
}
