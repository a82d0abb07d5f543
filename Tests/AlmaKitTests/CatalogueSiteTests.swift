import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// What a site selling several products publishes: the list at
/// `checkout.html`, a checkout page per product, their images, the sitemap
/// and the guides' product placeholders.
@Suite struct CatalogueSiteTests {
    static let config = CatalogueConfigTests.catalogue(CatalogueConfigTests.threeProducts)
    static let image = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\"><rect width=\"4\" height=\"3\"/></svg>\n"

    private func project(pages: [String: String] = [:]) throws -> TemporaryProject {
        try TemporaryProject(["images/reading.jpg": Self.image], config: Self.config,
                             pages: TemporaryProject.minimalPages.merging(pages) { $1 })
    }

    private func file(_ path: String, in result: BuildResult) throws -> String {
        try #require(result.files.first { $0.path == path }, "no \(path) in \(result.files.map(\.path))").contents
    }

    @Test func checkoutListsTheProductsAndEachHasItsPage() throws {
        let project = try project()
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let list = try file("fr/checkout.html", in: result)
        let links = ["checkout/workshop-lamp.html", "checkout/reading-lamp.html", "checkout/floor-lamp.html"]
        let positions = links.map { list.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(list)")
        #expect(list.contains("50,99\u{A0}€") && list.contains("129,00\u{A0}€") && list.contains("1\u{202F}890,00\u{A0}€"))
        #expect(list.contains("<p class=\"description\">Brass.</p>"))
        // Only the reading lamp has a picture, and no product shows another's description.
        #expect(list.components(separatedBy: "<img").count == 2)
        #expect(list.contains("src=\"../assets/products/reading-lamp.jpg\""))
        #expect(list.components(separatedBy: "class=\"description\"").count == 2)
        #expect(!list.contains("id=\"payment-form\""))

        let floor = try file("en/checkout/floor-lamp.html", in: result)
        #expect(floor.contains("Floor lamp") && floor.contains("€1,890.00"))
        #expect(!floor.contains("€50.99"))
        // One folder down: the return page, the stylesheet and the switcher still resolve.
        #expect(floor.contains("data-return-url=\"../return.html\""))
        #expect(floor.contains("href=\"../../assets/hashed/site."))
        #expect(floor.contains("hreflang=\"fr\" href=\"https://shop.example.test/fr/checkout/floor-lamp.html\""))
        #expect(floor.contains("href=\"../../fr/checkout/floor-lamp.html\""))
    }

    @Test func oneProductSiteKeepsItsSingleCheckoutPage() throws {
        let project = try TemporaryProject()
        let result = project.builder.check()
        #expect(result.files.contains { $0.path == "fr/checkout.html" })
        #expect(!result.files.contains { $0.path.contains("/checkout/") })
        #expect(try file("fr/checkout.html", in: result).contains("id=\"payment-form\""))
    }

    @Test func sitemapListsEveryProductPageWithItsTranslations() throws {
        let project = try project()
        let sitemap = try file("sitemap.xml", in: project.builder.check())
        for id in ["workshop-lamp", "reading-lamp", "floor-lamp"] {
            #expect(sitemap.contains("<loc>https://shop.example.test/en/checkout/\(id).html</loc>"))
            #expect(sitemap.contains("hreflang=\"fr\" href=\"https://shop.example.test/fr/checkout/\(id).html\""))
        }
    }

    @Test func productImageIsCopiedByteForByte() throws {
        let project = try project()
        let out = project.directory.appending(path: "dist")
        let result = SiteBuilder(options: BuildOptions(projectDirectory: project.directory, outputDirectory: out)).build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let copied = try Data(contentsOf: out.appending(path: "assets/products/reading-lamp.jpg"))
        #expect(copied == Data(Self.image.utf8))
    }

    @Test(arguments: [
        ("images/reading.jpg", "images/missing.jpg", "config.products.image.missing"),
        ("images/reading.jpg", "../outside.jpg", "config.products.image.outside-project"),
        ("images/reading.jpg", "almakit.yml", "config.products.image.not-an-image"),
    ])
    func badImageIsReportedAtItsValue(old: String, new: String, id: String) throws {
        let project = try TemporaryProject(["images/reading.jpg": Self.image], config: Self.config.replacingOccurrences(of: old, with: new))
        let errors = project.builder.check().diagnostics.errors
        let error = try #require(errors.first { $0.id == id }, "\(errors)")
        #expect(error.location == SourceLocation(file: "almakit.yml", line: 18, column: 10))
    }

    @Test func imageLinkLeadingOutOfTheProjectIsRefused() throws {
        let project = try project()
        let outside = FileManager.default.temporaryDirectory.appending(path: "almakit-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data(Self.image.utf8).write(to: outside.appending(path: "secret.jpg"))
        try FileManager.default.removeItem(at: project.directory.appending(path: "images"))
        try FileManager.default.createSymbolicLink(at: project.directory.appending(path: "images"), withDestinationURL: outside)
        try FileManager.default.moveItem(at: outside.appending(path: "secret.jpg"), to: outside.appending(path: "reading.jpg"))
        let errors = project.builder.check().diagnostics.errors
        #expect(errors.contains { $0.id == "config.products.image.outside-project" }, "\(errors)")
    }

    @Test func guidesMayNotTakeTheCheckoutFolder() throws {
        let project = try project(pages: ["Content/fr/checkout/floor-lamp.md": "---\ntitle: Lampadaire\n---\nTexte.\n"])
        let errors = project.builder.check().diagnostics.errors
        #expect(errors.contains { $0.id == "content.replaces-generated-page" }, "\(errors)")
    }

    @Test func guidesNameAnyProductsPrice() throws {
        let project = try project(pages: [
            "Content/fr/guide.md": "---\ntitle: Guide\n---\nLe {{product_name.floor-lamp}} coûte {{price.floor-lamp}} ({{amount_minor.floor-lamp}}).\n",
        ])
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        #expect(try file("fr/guide.html", in: result).contains("Le Lampadaire coûte 1\u{202F}890,00\u{A0}€ (189000)."))
    }

    @Test func placeholderNamingAnUnknownProductIsAnError() throws {
        let project = try project(pages: [
            "Content/en/guide.md": "---\ntitle: Guide\n---\nOnly {{price.flor-lamp}}.\n",
        ])
        let errors = project.builder.check().diagnostics.errors
        let error = try #require(errors.first { $0.id == "placeholder.unknown-product" }, "\(errors)")
        #expect(error.location == SourceLocation(file: "Content/en/guide.md", line: 4, column: 6))
        #expect(error.message.contains("'flor-lamp'"))
        #expect(error.hint == "did you mean '{{price.floor-lamp}}'?")
    }
}
