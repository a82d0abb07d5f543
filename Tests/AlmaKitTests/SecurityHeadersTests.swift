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
        // Only files named by their contents' hash are cached for long.
        #expect(Self.rules(text)["/assets/hashed/*"] == ["Cache-Control": "public, max-age=31536000, immutable"])
        #expect(Self.rules(text).count == 2)
    }

    /// The pages load the stylesheet and scripts under names that change
    /// with their contents, and those files hold what the plain ones do.
    @Test func pagesLoadTheFingerprintedCopies() throws {
        let project = try TemporaryProject()
        let result = project.builder.check()
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) })
        let checkout = try #require(files["fr/checkout.html"])
        let guide = try #require(files["fr/guide.html"])
        for (page, plain) in [(checkout, "assets/site.css"), (checkout, "client.js"), (guide, "assets/site.css"), (guide, "guide.js")] {
            let name = String(plain.split(separator: "/").last!)
            let stem = name.split(separator: ".")[0], suffix = name.split(separator: ".")[1]
            let hashed = try #require(files.keys.first { $0.hasPrefix("assets/hashed/\(stem).") && $0.hasSuffix(".\(suffix)") }, "\(plain)")
            #expect(page.contains("\"../\(hashed)\""), "\(plain)")
            #expect(files[hashed] == files[plain])
            #expect(hashed.contains(ContentHash.of(text: try #require(files[plain]))))
        }
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
