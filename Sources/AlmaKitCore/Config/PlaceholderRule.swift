import Foundation

/// Values that `almakit init` and examples ship with, and that a site must
/// replace before it takes payments: a sample publishable key, an example
/// address. They are warnings, so a fresh project builds and serves, and
/// `check --strict` (what CI runs) refuses to publish them.
enum PlaceholderRule {
    /// Words no key from a Stripe account contains, and every sample key does.
    private static let sampleKeyWords = ["replace", "example", "your", "xxxx", "placeholder", "changeme", "sample", "dummy"]
    /// Domains reserved for examples (RFC 2606).
    private static let exampleDomains = ["example.com", "example.net", "example.org"]

    /// A real key's random part is 24 characters (older accounts) or about
    /// a hundred: in the long ones, a word like "your" turns up by chance.
    static func isSampleKey(_ key: String) -> Bool {
        let body = key.split(separator: "_").dropFirst(2).joined(separator: "_").lowercased()
        return body.count < 40 && sampleKeyWords.contains { body.contains($0) }
    }

    static func isExampleAddress(_ address: String) -> Bool {
        guard let host = URLComponents(string: address)?.host?.lowercased(), !host.isEmpty else { return false }
        return host.hasSuffix(".example") || exampleDomains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    static let keyHint = "copy your publishable key from the Stripe Dashboard (Developers > API keys); until then the site builds and serves, but 'almakit check --strict', as CI runs it, refuses to publish it"
    static let addressHint = "write the address the site is published at; until then the site builds and serves, but 'almakit check --strict', as CI runs it, refuses to publish it"
}
