import Foundation
import Testing
@testable import AlmaKit

/// The example site's generated pages, byte for byte. A change here is a
/// change every user sees: re-record on purpose and review the diff.
@Suite struct GoldenTests {
    static let pagePaths = [
        "client.js",
        "fr/checkout.html", "en/checkout.html",
        "fr/return.html", "en/return.html",
        "fr/server.html", "en/server.html",
    ]

    @Test func exampleSiteMatchesGoldenFiles() throws {
        let result = SiteBuilder(options: BuildOptions(projectDirectory: Repository.root)).check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        for path in Self.pagePaths {
            let file = try #require(result.files.first { $0.path == path }, "the example site has no \(path)")
            try Golden.check(file.contents, named: "example/\(path)")
        }
    }

    /// Every file of every server, so that no language's output drifts unseen.
    @Test func everyServerFileMatchesItsGoldenFile() throws {
        let result = SiteBuilder(options: BuildOptions(projectDirectory: Repository.root)).check()
        let serverFiles = result.serverFiles
        #expect(Set(serverFiles.map { String($0.path.split(separator: "/")[0]) }) == Set(ServerLanguage.allCases.map(\.rawValue)))
        #expect(!result.files.contains { $0.path.hasPrefix("server/") }, "the published site must not hold the servers")
        for file in serverFiles {
            try Golden.check(file.contents, named: "example/server/\(file.path)")
        }
        if !Golden.recording {
            // A golden file with no generated counterpart is a file the build stopped writing.
            let recorded = Golden.files(under: "example/server")
            #expect(recorded == Set(serverFiles.map { "example/server/\($0.path)" }))
        }
    }
}
