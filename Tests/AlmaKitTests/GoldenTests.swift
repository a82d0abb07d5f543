import Foundation
import Testing
@testable import AlmaKit

/// The example site's generated pages, byte for byte. A change here is a
/// change every user sees: re-record on purpose and review the diff.
@Suite struct GoldenTests {
    static let goldenPaths = [
        "client.js",
        "fr/checkout.html", "en/checkout.html",
        "fr/return.html", "en/return.html",
        "fr/server.html", "en/server.html",
        "server/python/app.py", "server/python/requirements.txt", "server/python/README.md",
        "server/curl/create-payment-intent.sh", "server/curl/README.md",
    ]

    @Test func exampleSiteMatchesGoldenFiles() throws {
        let result = SiteBuilder(options: BuildOptions(projectDirectory: Repository.root)).check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        for path in Self.goldenPaths {
            let file = try #require(result.files.first { $0.path == path }, "the example site has no \(path)")
            try Golden.check(file.contents, named: "example/\(path)")
        }
    }
}
