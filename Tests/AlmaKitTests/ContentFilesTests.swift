import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore

/// Images and downloads beside the guides ship with the site, byte for byte,
/// and a page that names a missing one fails at that line.
@Suite struct ContentFilesTests {
    /// Bytes that are not UTF-8 text, as an image's are.
    static let binary = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xFE, 0x00, 0xC3, 0x28])

    private func writeData(_ data: Data, _ path: String, in project: TemporaryProject) throws {
        let url = project.directory.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    private func pages(_ french: String, english: String? = nil) -> [String: String] {
        var pages = TemporaryProject.minimalPages
        pages["Content/fr/integration/schema.md"] = "---\ntitle: Schéma\n---\n" + french
        if let english { pages["Content/en/integration/schema.md"] = "---\ntitle: Diagram\n---\n" + english }
        return pages
    }

    @Test func anImageBesideItsPageIsCopiedAndLinkedAsWritten() throws {
        let project = try TemporaryProject(pages: pages("![Schéma du paiement](schema.png)\n", english: "![Diagram](../../fr/integration/schema.png)\n"))
        try writeData(Self.binary, "Content/fr/integration/schema.png", in: project)
        let result = project.builder.build()
        #expect(result.succeeded, "\(result.diagnostics.all)")
        #expect(FileManager.default.contents(atPath: project.directory.appending(path: "dist/fr/integration/schema.png").path) == Self.binary)
        #expect(try project.read("dist/fr/integration/schema.html").contains(#"<img src="schema.png" alt="Schéma du paiement" />"#))
        #expect(try project.read("dist/en/integration/schema.html").contains(#"<img src="../../fr/integration/schema.png""#))
    }

    @Test func aSharedFileServesEveryLanguage() throws {
        let project = try TemporaryProject(pages: pages("[Le tarif](/shared/tarif.pdf) et ![logo](../../shared/logo.png)\n"))
        try writeData(Self.binary, "Content/shared/logo.png", in: project)
        try writeData(Data("%PDF-1.4\n".utf8), "Content/shared/tarif.pdf", in: project)
        let result = project.builder.build()
        #expect(result.succeeded, "\(result.diagnostics.all)")
        #expect(FileManager.default.contents(atPath: project.directory.appending(path: "dist/shared/logo.png").path) == Self.binary)
        let page = try project.read("dist/fr/integration/schema.html")
        #expect(page.contains(#"<a href="../../shared/tarif.pdf">"#), "a link from the site's root is made relative, so the site works in a subfolder")
        #expect(page.contains(#"<img src="../../shared/logo.png""#))
    }

    @Test func aStandInShowsItsSourcesImage() throws {
        let project = try TemporaryProject(pages: pages("![Schéma](schema.png)\n"))
        try writeData(Self.binary, "Content/fr/integration/schema.png", in: project)
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let standIn = try #require(result.files.first { $0.path == "en/integration/schema.html" }).contents
        #expect(standIn.contains(#"<img src="../../fr/integration/schema.png""#))
    }

    @Test func aMissingImageIsAnErrorAtItsPositionWithTheNearestName() throws {
        let project = try TemporaryProject(pages: pages("Texte.\n\nVoir ![Schéma](schemas.png).\n"))
        try writeData(Self.binary, "Content/fr/integration/schema.png", in: project)
        let errors = project.builder.check().diagnostics.errors
        let error = try #require(errors.first, "a missing image must fail the build")
        #expect(error.location == SourceLocation(file: "Content/fr/integration/schema.md", line: 6, column: 6))
        #expect(error.message == "'schemas.png' has no target: Content/fr/integration/schemas.png does not exist")
        #expect(error.hint == "did you mean 'schema.png'?")
    }

    @Test(arguments: [
        ("../../../almakit.yml", "link to '../../../almakit.yml' leaves the site"),
        ("/../almakit.yml", "link to '/../almakit.yml' leaves the site"),
        ("missing.pdf", "'missing.pdf' has no target: Content/fr/integration/missing.pdf does not exist"),
    ])
    func aLinkToAFileOutsideTheSiteIsAnError(target: String, message: String) throws {
        let project = try TemporaryProject(pages: pages("[fichier](\(target))\n"))
        let errors = project.builder.check().diagnostics.errors
        #expect(errors.contains { $0.location.file == "Content/fr/integration/schema.md" && $0.message == message }, "\(errors)")
    }

    @Test func aLinkedFileIsCopiedAsTheFileItNames() throws {
        let project = try TemporaryProject(pages: pages("![Schéma](schema.png)\n"))
        try writeData(Self.binary, "Content/media/schema.png", in: project)
        try FileManager.default.createSymbolicLink(atPath: project.directory.appending(path: "Content/fr/integration/schema.png").path,
                                                   withDestinationPath: "../../media/schema.png")
        #expect(project.builder.build().succeeded)
        let copied = project.directory.appending(path: "dist/fr/integration/schema.png").path
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: copied)) == nil, "a link would resolve elsewhere in dist/")
        #expect(FileManager.default.contents(atPath: copied) == Self.binary)
    }

    @Test func filesTheBuildWritesCanBeLinked() throws {
        let project = try TemporaryProject(pages: pages("[script](/client.js), [plan](../../sitemap.xml), [styles](/assets/site.css)\n"))
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
    }

    @Test func aFileThatWouldReplaceAPageIsAnError() throws {
        let project = try TemporaryProject()
        try project.write("Content/fr/checkout.html", "<p>mine</p>")
        let errors = project.builder.check().diagnostics.errors
        #expect(errors.contains { $0.location.file == "Content/fr/checkout.html" && $0.message.contains("would both be written to fr/checkout.html") }, "\(errors)")
    }

    @Test func aBinaryAssetOfTheProjectsTemplatesIsCopied() throws {
        let project = try TemporaryProject()
        try writeData(Self.binary, "Templates/assets/logo.png", in: project)
        let result = project.builder.build()
        #expect(result.succeeded, "\(result.diagnostics.all)")
        #expect(FileManager.default.contents(atPath: project.directory.appending(path: "dist/assets/logo.png").path) == Self.binary)
        #expect(FileManager.default.fileExists(atPath: project.directory.appending(path: "dist/assets/site.css").path))
    }

    @Test func aSecretInACopiedFileFailsTheBuild() throws {
        let project = try TemporaryProject()
        // Assembled at run time so that no key-shaped string sits in the repository.
        try project.write("Content/fr/notes.txt", "first line\nkey: " + "sk_live_" + "51Hsecretsecretsecret\n")
        let errors = project.builder.build().diagnostics.errors
        let error = try #require(errors.first { $0.message.contains("secret key") }, "\(errors)")
        #expect(error.location == SourceLocation(file: "Content/fr/notes.txt", line: 2, column: 6))
        #expect(!FileManager.default.fileExists(atPath: project.directory.appending(path: "dist").path))
    }

    @Test func aLargeFileIsCopiedWhole() throws {
        let project = try TemporaryProject()
        var large = Data(count: 12 << 20)
        large[large.count - 1] = 0x2A
        try writeData(large, "Content/fr/video.bin", in: project)
        #expect(project.builder.build().succeeded)
        let copied = try FileManager.default.attributesOfItem(atPath: project.directory.appending(path: "dist/fr/video.bin").path)
        #expect(copied[.size] as? Int == large.count)
    }
}
