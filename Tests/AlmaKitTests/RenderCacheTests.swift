import Foundation
import Testing
@testable import AlmaKit

/// `almakit serve` rebuilds only what changed: a second build of the same
/// inputs renders no guide page again, and an edit renders only its page.
@Suite struct RenderCacheTests {
    @Test func unchangedPagesAreReusedAndAnEditedOneIsNot() throws {
        let project = try TemporaryProject()
        var options = BuildOptions(projectDirectory: project.directory)
        let cache = RenderCache()
        options.cache = cache
        let builder = SiteBuilder(options: options)
        let first = builder.check()
        #expect(first.succeeded)
        #expect(cache.reusedOutputs.isEmpty)

        let second = builder.check()
        #expect(cache.reusedOutputs == ["fr/index.html", "fr/guide.html", "en/index.html", "en/guide.html"])
        #expect(second.files.map(\.contents) == first.files.map(\.contents))

        try project.write("Content/en/guide.md", "---\ntitle: Guide\norder: 2\n---\n## Step one\n\nNew text.\n")
        let third = builder.check()
        #expect(!cache.reusedOutputs.contains("en/guide.html"))
        #expect(cache.reusedOutputs.contains("fr/guide.html"))
        #expect(try #require(third.files.first { $0.path == "en/guide.html" }).contents.contains("New text."))
    }
}
