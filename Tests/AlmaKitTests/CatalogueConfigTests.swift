import Foundation
import Testing
@testable import AlmaKitCore

/// `products:`, the catalogue, and its one-product form under `merchant`.
@Suite struct CatalogueConfigTests {
    /// The valid fixture with its one product replaced by `products` (written from line 10 on).
    static func catalogue(_ products: String) -> String {
        config(replacing: "  amount: 5099\n  product:\n    name: { fr: Lampe, en: Lamp }\n", with: "products:\n" + products)
    }

    static let threeProducts = """
        - id: workshop-lamp
          name: { fr: Lampe Atelier, en: Workshop lamp }
          description: Brass.
          amount: 5099
        - id: reading-lamp
          name: Liseuse
          amount: 12900
          image: images/reading.jpg
        - id: floor-lamp
          name: { fr: Lampadaire, en: Floor lamp }
          amount: 189000

        """

    @Test func catalogueLoadsInItsOrder() throws {
        let (config, diagnostics) = diagnose(config: Self.catalogue(Self.threeProducts))
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        let loaded = try #require(config)
        #expect(loaded.hasCatalogue && loaded.sellsSeveralProducts)
        #expect(loaded.products.map(\.id) == ["workshop-lamp", "reading-lamp", "floor-lamp"])
        #expect(loaded.products.map(\.amount) == [5099, 12900, 189000])
        #expect(loaded.products[1].image == "images/reading.jpg")
        #expect(loaded.products[0].description?.text(for: "en") == "Brass.")
        #expect(loaded.products[2].name.text(for: "en") == "Floor lamp")
    }

    @Test func oneProductFormIsAOneItemCatalogue() throws {
        let loaded = try #require(diagnose(config: TemporaryProject.validConfig).0)
        #expect(!loaded.hasCatalogue && !loaded.sellsSeveralProducts)
        #expect(loaded.products.map(\.id) == [SiteConfig.Product.defaultID])
        let named = try #require(diagnose(config: config(replacing: "    name: { fr: Lampe, en: Lamp }", with: "    id: lamp\n    name: { fr: Lampe, en: Lamp }")).0)
        #expect(named.products.map(\.id) == ["lamp"])
    }

    /// Each item's problem is reported at that item's own value.
    @Test(arguments: [
        ("  amount: 12900", "  amount: 4999", 17, 11, "config.products.amount.out-of-range"),
        ("  amount: 12900", "  amount: 129.00", 17, 11, "yaml.not-a-whole-number"),
        ("- id: reading-lamp", "- id: Reading Lamp", 15, 7, "config.products.id.invalid"),
        ("- id: reading-lamp", "- id: workshop-lamp", 15, 7, "config.products.id.repeated"),
        ("- id: reading-lamp", "- id: " + String(repeating: "a", count: 41), 15, 7, "config.products.id.invalid"),
        ("  name: Liseuse", "  nom: Liseuse", 16, 3, "yaml.unknown-key"),
        ("  name: { fr: Lampadaire, en: Floor lamp }", "  name: { fr: Lampadaire }", 20, 9, "config.text.missing-language"),
    ])
    func itemProblemIsReportedAtItsValue(old: String, new: String, line: Int, column: Int, id: String) throws {
        let text = Self.catalogue(Self.threeProducts.replacingOccurrences(of: old, with: new))
        let (_, diagnostics) = diagnose(config: text)
        let matching = diagnostics.errors.filter { $0.id == id }
        #expect(matching.count == 1, "\(diagnostics.errors)")
        let error = try #require(matching.first)
        #expect(error.location == SourceLocation(file: "almakit.yml", line: line, column: column))
        #expect(error.hint != nil)
    }

    @Test func invalidIDGetsOneSuggested() throws {
        let text = Self.catalogue(Self.threeProducts.replacingOccurrences(of: "- id: reading-lamp", with: "- id: Liseuse Été"))
        let error = try #require(diagnose(config: text).1.errors.first { $0.id == "config.products.id.invalid" })
        #expect(error.hint == "did you mean 'liseuse-ete'?")
    }

    @Test func bothFormsAtOnceIsAnErrorSayingWhichToKeep() throws {
        let text = TemporaryProject.validConfig + "\nproducts:\n" + Self.threeProducts
        let errors = diagnose(config: text).1.errors.filter { $0.id == "config.products.given-twice" }
        // One for 'amount' (line 10) and one for 'product' (line 11), each at its key.
        #expect(errors.map(\.location.line).sorted() == [10, 11])
        #expect(errors.allSatisfy { $0.hint?.contains("keep 'products:'") == true })
    }

    @Test func emptyCatalogueAndMissingProductAreErrors() {
        #expect(diagnose(config: Self.catalogue("  []\n")).1.errors.map(\.id) == ["config.products.empty"])
        let noProduct = config(replacing: "  amount: 5099\n  product:\n    name: { fr: Lampe, en: Lamp }\n", with: "  amount: 5099\n")
        #expect(diagnose(config: noProduct).1.errors.map(\.id) == ["config.merchant.product.missing"])
    }

    @Test func checkoutPathIsCheckedLikeTheOtherEndpoints() throws {
        let withServer = { (server: String) in TemporaryProject.validConfig + "\nserver:\n" + server }
        let loaded = try #require(diagnose(config: withServer("  checkout_path: /pay\n")).0)
        #expect(loaded.server.checkoutPath == "/pay")
        #expect(try #require(diagnose(config: TemporaryProject.validConfig).0).server.checkoutPath == "/checkout")
        #expect(diagnose(config: withServer("  checkout_path: pay\n")).1.errors.map(\.id) == ["config.server.checkout_path.invalid"])
        #expect(diagnose(config: withServer("  checkout_path: /secret\n")).1.errors.map(\.id) == ["config.server.checkout_path.same-as-client_secret_path"])
        // The return route under it must not be taken either.
        #expect(diagnose(config: withServer("  checkout_path: /pay\n  webhook_path: /pay/return\n")).1.errors.map(\.id)
            == ["config.server.checkout_path.same-as-webhook_path"])
    }
}
