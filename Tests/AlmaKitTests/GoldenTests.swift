import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore

/// The example site's generated pages, byte for byte. A change here is a
/// change every user sees: re-record on purpose and review the diff.
@Suite struct GoldenTests {
    /// Every file the example's build publishes, copies and generates, so
    /// that no page, script, asset or sitemap drifts unseen.
    @Test func everyPublishedFileMatchesItsGoldenFile() throws {
        let result = SiteBuilder(options: BuildOptions(projectDirectory: Repository.root)).check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        #expect(result.files.count > 25 && !result.copiedFiles.isEmpty)
        for file in result.files {
            try Golden.check(file.contents, named: "example/\(file.path)")
        }
        for copy in result.copiedFiles {
            try Golden.check(Data(contentsOf: copy.source), named: "example/\(copy.path)")
        }
        if !Golden.recording {
            // A golden file with no generated counterpart is a file the build stopped writing.
            let published = Set((result.files.map(\.path) + result.copiedFiles.map(\.path)).map { "example/\($0)" })
            #expect(Golden.files(under: "example").filter { !$0.hasPrefix("example/server/") } == published)
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
