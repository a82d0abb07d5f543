import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// `almakit serve` runs the build's own steps again on every edit, its cache
/// making them redo only what changed (`RenderCacheTests`): whatever the
/// edit, the preview must show exactly what a full build makes, and say
/// which files changed.
@Suite struct IncrementalRebuildTests {
    /// A page only the French site has: English readers get a stand-in.
    static let pages = TemporaryProject.minimalPages.merging([
        "Content/fr/seul.md": "---\ntitle: Seul\norder: 3\n---\n## Unique\n\nEn français seulement.\n",
    ]) { $1 }

    /// An edit: a file's new text, or nil to remove it.
    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var text: String?
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "new text", path: "Content/en/guide.md",
             text: "---\ntitle: Guide\norder: 2\n---\n## Step one\n\nNew text, [home](index.md).\n"),
        Edit(name: "a broken link", path: "Content/en/guide.md",
             text: "---\ntitle: Guide\norder: 2\n---\n## Step one\n\nSee [nowhere](missing.md).\n"),
        Edit(name: "an unknown placeholder", path: "Content/fr/guide.md",
             text: "---\ntitle: Guide\norder: 2\n---\n## Étape un\n\n{{nope}}\n"),
        Edit(name: "a source shown in another language", path: "Content/fr/seul.md",
             text: "---\ntitle: Seul\norder: 3\n---\n## Unique\n\nNouveau texte.\n"),
        Edit(name: "translated_from recorded", path: "Content/en/guide.md",
             text: "---\ntitle: Guide\norder: 2\ntranslated_from: 000000000000\n---\n## Step one\n\nText.\n"),
        Edit(name: "a new heading", path: "Content/en/guide.md",
             text: "---\ntitle: Guide\norder: 2\n---\n## Step one\n\nText.\n\n## Step two\n"),
        Edit(name: "a new title", path: "Content/en/guide.md",
             text: "---\ntitle: The guide\norder: 2\n---\n## Step one\n\nText.\n"),
        Edit(name: "broken front matter", path: "Content/en/guide.md",
             text: "---\ntitle: [unclosed\n---\nText.\n"),
        Edit(name: "a new page", path: "Content/en/new.md",
             text: "---\ntitle: New\n---\nNew.\n"),
        Edit(name: "a page removed", path: "Content/fr/guide.md", text: nil),
        // Strings and templates are kept between rebuilds while their files do not change.
        Edit(name: "a template replaced", path: "Templates/page.html",
             text: (BuiltinTemplates.files["page.html"] ?? "") + "<!-- replaced -->\n"),
        Edit(name: "a string replaced", path: "Content/strings/en.yml",
             text: (BuiltinTemplates.files["strings/en.yml"] ?? "").replacingOccurrences(of: "Checkout", with: "Pay now")),
    ]

    @Test(arguments: edits)
    func aRebuildShowsWhatAFullBuildMakes(_ edit: Edit) throws {
        let project = try TemporaryProject(pages: Self.pages)
        let session = PreviewSession(options: BuildOptions(projectDirectory: project.directory))
        #expect(session.rebuild().diagnostics.errors.isEmpty)
        let before = project.builder.check()

        let url = project.directory.appending(path: edit.path)
        if let text = edit.text { try project.write(edit.path, text) } else { try FileManager.default.removeItem(at: url) }
        let state = session.rebuild()

        let full = project.builder.check()
        #expect(state.diagnostics.sorted == full.diagnostics.sorted)
        if full.succeeded {
            #expect(Self.differences(state.files, full.files) == [])
            // What the terminal says was updated is what changed.
            let changed = Self.differences(Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.contents) }), full.files)
            #expect(state.updatedFiles == changed)
            #expect(!changed.isEmpty || edit.name == "translated_from recorded")
        }
    }

    @Test func aFixAfterABrokenEditIsShownAndSoIsTheNextEdit() throws {
        let project = try TemporaryProject(pages: Self.pages)
        let session = PreviewSession(options: BuildOptions(projectDirectory: project.directory))
        session.rebuild()

        try project.write("Content/en/guide.md", "---\ntitle: Guide\norder: 2\n---\n## Step one\n\n[Broken](missing.md).\n")
        let broken = session.rebuild()
        #expect(broken.diagnostics.hasErrors)
        // The last good site stays served.
        #expect(broken.files["en/guide.html"]?.contains("Broken") == false)

        for text in ["Fixed.", "Edited again."] {
            try project.write("Content/en/guide.md", "---\ntitle: Guide\norder: 2\n---\n## Step one\n\n\(text)\n")
            let state = session.rebuild()
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
