import Foundation
import Testing
@testable import AlmaKit

/// `almakit serve` renders an edited guide again on its own when the edit
/// changes only that guide's text, and builds the whole site otherwise.
/// Either way the preview must show exactly what a full build makes.
@Suite struct IncrementalRebuildTests {
    /// A page only the French site has: English readers get a stand-in.
    static let pages = TemporaryProject.minimalPages.merging([
        "Content/fr/seul.md": "---\ntitle: Seul\norder: 3\n---\n## Unique\n\nEn français seulement.\n",
    ]) { $1 }

    /// An edit, and which files a rebuild should render again (nil: the whole site).
    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var text: String?
        var updated: [String]?
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "new text", path: "Content/en/guide.md",
             text: "---\ntitle: Guide\norder: 2\n---\n## Step one\n\nNew text, [home](index.md).\n", updated: ["en/guide.html"]),
        Edit(name: "a broken link", path: "Content/en/guide.md",
             text: "---\ntitle: Guide\norder: 2\n---\n## Step one\n\nSee [nowhere](missing.md).\n", updated: ["en/guide.html"]),
        Edit(name: "an unknown placeholder", path: "Content/fr/guide.md",
             text: "---\ntitle: Guide\norder: 2\n---\n## Étape un\n\n{{nope}}\n", updated: ["fr/guide.html"]),
        Edit(name: "a source shown in another language", path: "Content/fr/seul.md",
             text: "---\ntitle: Seul\norder: 3\n---\n## Unique\n\nNouveau texte.\n", updated: ["en/seul.html", "fr/seul.html"]),
        Edit(name: "translated_from recorded", path: "Content/en/guide.md",
             text: "---\ntitle: Guide\norder: 2\ntranslated_from: 000000000000\n---\n## Step one\n\nText.\n", updated: ["en/guide.html"]),
        Edit(name: "a new heading", path: "Content/en/guide.md",
             text: "---\ntitle: Guide\norder: 2\n---\n## Step one\n\nText.\n\n## Step two\n", updated: nil),
        Edit(name: "a new title", path: "Content/en/guide.md",
             text: "---\ntitle: The guide\norder: 2\n---\n## Step one\n\nText.\n", updated: nil),
        Edit(name: "broken front matter", path: "Content/en/guide.md",
             text: "---\ntitle: [unclosed\n---\nText.\n", updated: nil),
        Edit(name: "a new page", path: "Content/en/new.md",
             text: "---\ntitle: New\n---\nNew.\n", updated: nil),
        Edit(name: "a page removed", path: "Content/fr/guide.md", text: nil, updated: nil),
    ]

    @Test(arguments: edits)
    func aRebuildShowsWhatAFullBuildMakes(_ edit: Edit) throws {
        let project = try TemporaryProject(pages: Self.pages)
        let session = PreviewSession(options: BuildOptions(projectDirectory: project.directory))
        #expect(session.rebuild().diagnostics.errors.isEmpty)

        let url = project.directory.appending(path: edit.path)
        if let text = edit.text { try project.write(edit.path, text) } else { try FileManager.default.removeItem(at: url) }
        let state = session.rebuild(edited: [url])

        let full = project.builder.check()
        #expect(state.updatedFiles?.sorted() == edit.updated)
        #expect(state.diagnostics.sorted == full.diagnostics.sorted)
        if full.succeeded {
            #expect(Self.differences(state.files, full.files) == [])
        }
    }

    @Test func aFixAfterABrokenEditIsShownAndSoIsTheNextEdit() throws {
        let project = try TemporaryProject(pages: Self.pages)
        let session = PreviewSession(options: BuildOptions(projectDirectory: project.directory))
        session.rebuild()
        let url = project.directory.appending(path: "Content/en/guide.md")

        try project.write("Content/en/guide.md", "---\ntitle: Guide\norder: 2\n---\n## Step one\n\n[Broken](missing.md).\n")
        let broken = session.rebuild(edited: [url])
        #expect(broken.diagnostics.hasErrors)
        // The last good site stays served.
        #expect(broken.files["en/guide.html"]?.contains("Broken") == false)

        for text in ["Fixed.", "Edited again."] {
            try project.write("Content/en/guide.md", "---\ntitle: Guide\norder: 2\n---\n## Step one\n\n\(text)\n")
            let state = session.rebuild(edited: [url])
            #expect(state.updatedFiles == ["en/guide.html"])
            #expect(!state.diagnostics.hasErrors)
            #expect(state.files["en/guide.html"]?.contains(text) == true)
            #expect(Self.differences(state.files, project.builder.check().files) == [])
        }
    }

    /// The paths whose contents differ between the preview and a build.
    static func differences(_ served: [String: String], _ built: [OutputFile]) -> [String] {
        let built = Dictionary(uniqueKeysWithValues: built.map { ($0.path, $0.contents) })
        return Set(served.keys).union(built.keys).filter { served[$0] != built[$0] }.sorted()
    }
}
