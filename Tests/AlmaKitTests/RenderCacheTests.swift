import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore

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

    /// Whatever front-matter field an edit changes, the page is rendered
    /// again: its key takes every field, not a chosen few.
    @Test(arguments: ["description: Changed.", "updated: 2026-11-30", "translated_from: 0123456789ab", "translation_key: other"])
    func anyFrontMatterChangeRendersThePageAgain(line: String) throws {
        let project = try TemporaryProject()
        var options = BuildOptions(projectDirectory: project.directory)
        options.cache = RenderCache()
        let builder = SiteBuilder(options: options)
        _ = builder.check()
        try project.write("Content/en/guide.md", "---\ntitle: Guide\norder: 2\n\(line)\n---\n## Step one\n\nText.\n")
        let cached = builder.check()
        #expect(!options.cache!.reusedOutputs.contains("en/guide.html"), "\(line): the page was reused")
        let fresh = project.builder.check()
        #expect(cached.files.map(\.contents) == fresh.files.map(\.contents), "\(line): the cached build differs from a fresh one")
    }
}
