import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// `_headers` gives static hosts (Netlify, Cloudflare Pages) the headers a
/// `<meta>` element cannot carry: above all `frame-ancestors`, without which
/// any site can frame the checkout.
@Suite struct SecurityHeadersTests {
    /// The rule's headers, by name, from a built `_headers`.
    static func rules(_ text: String) -> [String: [String: String]] {
        var rules: [String: [String: String]] = [:]
        var current: String?
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("  "), let current, let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces)
                rules[current, default: [:]][name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            } else {
                current = String(line)
            }
        }
        return rules
    }

    @Test func everyFileOfAnHTTPSSiteGetsTheHeaders() throws {
        let project = try TemporaryProject()
        let result = project.builder.check()
        let text = try #require(result.files.first { $0.path == "_headers" }).contents
        let headers = try #require(Self.rules(text)["/*"], "\(text)")
        let policy = try #require(headers["Content-Security-Policy"])
        #expect(policy.hasSuffix("; frame-ancestors 'none'"))
        // The checkout's own policy, so that a host joining rules never blocks Stripe.js.
        #expect(policy.hasPrefix(ContentSecurityPolicy.paymentPages))
        #expect(headers["X-Frame-Options"] == "DENY")
        #expect(headers["X-Content-Type-Options"] == "nosniff")
        #expect(headers["Referrer-Policy"] == "strict-origin-when-cross-origin")
        #expect(headers["Strict-Transport-Security"] == "max-age=31536000")
        #expect(Self.rules(text).count == 1)
    }

    @Test func aSiteUnderAPathGetsRulesUnderThatPathAndNoHSTSOverHTTP() throws {
        let config = config(replacing: "base_url: https://shop.example.test", with: "base_url: http://shop.example.test/docs")
        let project = try TemporaryProject(config: config)
        let text = try #require(project.builder.check().files.first { $0.path == "_headers" }).contents
        let headers = try #require(Self.rules(text)["/docs/*"], "\(text)")
        #expect(headers["Strict-Transport-Security"] == nil)
        #expect(headers["Content-Security-Policy"] != nil)
    }
}
