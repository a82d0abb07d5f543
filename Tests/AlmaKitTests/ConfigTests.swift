import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

@Suite struct ConfigTests {
    @Test func validConfigurationLoads() throws {
        let (config, diagnostics) = diagnose(config: TemporaryProject.validConfig)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        let loaded = try #require(config)
        #expect(loaded.site.languages == ["fr", "en"])
        #expect(loaded.products.map(\.amount) == [5099])
        #expect(loaded.products.map(\.id) == ["product"])
        #expect(loaded.products[0].name.text(for: "en") == "Lamp")
        #expect(loaded.stripe.apiVersion.stripeJSURL == "https://js.stripe.com/endive/stripe.js")
        #expect(loaded.server.clientSecretPath == "/secret")
        #expect(loaded.server.languages == ServerLanguage.allCases)
        #expect(loaded.isTestMode)
    }

    /// Each rule, broken once: its error must name the value's line and column.
    @Test(arguments: [
        ("  publishable_key: pk_test_1234567890abcdef", "  publishable_key: sk_test_" + "51Hsecretsecretsecret", 7, 20, "config.merchant.publishable_key.invalid"),
        ("  publishable_key: pk_test_1234567890abcdef", "  publishable_key: abc", 7, 20, "config.merchant.publishable_key.invalid"),
        ("  publishable_key: pk_test_1234567890abcdef", "  publishable_key: whsec_" + "abcdefghijklmnop", 7, 20, "config.merchant.publishable_key.invalid"),
        ("  currency: eur", "  currency: usd", 9, 13, "config.merchant.currency.unsupported"),
        ("  country: FR", "  country: DE", 8, 12, "config.merchant.country.unsupported"),
        ("  amount: 5099", "  amount: 4999", 10, 11, "config.merchant.amount.out-of-range"),
        ("  amount: 5099", "  amount: 200001", 10, 11, "config.merchant.amount.out-of-range"),
        ("  amount: 5099", "  amount: 50.99", 10, 11, "yaml.not-a-whole-number"),
        ("  base_url: https://shop.example.test", "  base_url: http://shop.example.test", 3, 13, "config.site.base_url.invalid"),
        ("  base_url: https://shop.example.test", "  base_url: shop.example.test", 3, 13, "config.site.base_url.invalid"),
        ("  base_url: https://shop.example.test", "  base_url: https://shop.example.test/?v=2", 3, 13, "config.site.base_url.has-query"),
        ("  base_url: https://shop.example.test", "  base_url: https://shop.example.test/#top", 3, 13, "config.site.base_url.has-fragment"),
        ("  languages: [fr, en]", "  languages: []", 4, 14, "config.site.languages.empty"),
        ("  languages: [fr, en]", "  languages: [fr, xx]", 4, 19, "config.site.languages.not-a-language"),
        ("    name: { fr: Lampe, en: Lamp }", "    name: { fr: Lampe }", 12, 11, "config.text.missing-language"),
        ("  api_version: 2026-10-28.endive", "  api_version: 2026-10-28", 14, 16, "config.stripe.api_version.invalid"),
        ("  api_version: 2026-10-28.endive", "  api_version: 2026-10-28.endvie", 14, 16, "config.stripe.api_version.unsupported"),
        ("  api_version: 2026-10-28.endive", "  api_version: 2026-09-30.endive", 14, 16, "config.stripe.api_version.unsupported"),
    ])
    func ruleViolationIsReportedAtTheValue(old: String, new: String, line: Int, column: Int, id: String) throws {
        let (_, diagnostics) = diagnose(config: config(replacing: old, with: new))
        let matching = diagnostics.errors.filter { $0.id == id }
        #expect(matching.count == 1, "\(diagnostics.errors)")
        let error = try #require(matching.first, "no error for \(new)")
        #expect(error.location == SourceLocation(file: "almakit.yml", line: line, column: column))
        #expect(error.hint != nil)
    }

    @Test func returnURLMustBeHTTPSExceptOnLocalhost() {
        let withReturn = { (url: String) in
            config(replacing: "  amount: 5099", with: "  amount: 5099\n  return_url: \(url)")
        }
        #expect(!diagnose(config: withReturn("https://shop.example.test/fr/return.html")).1.hasErrors)
        #expect(!diagnose(config: withReturn("http://localhost:4242/fr/return.html")).1.hasErrors)
        #expect(!diagnose(config: withReturn("http://127.0.0.1:4242/return.html")).1.hasErrors)
        let (_, diagnostics) = diagnose(config: withReturn("http://shop.example.test/return.html"))
        #expect(diagnostics.errors.first?.location == SourceLocation(file: "almakit.yml", line: 11, column: 15))
    }

    @Test func returnURLWithAFragmentIsRefusedAndAQueryKept() {
        let withReturn = { (url: String) in
            config(replacing: "  amount: 5099", with: "  amount: 5099\n  return_url: { fr: \(url), en: https://shop.example.test/en/r.html }")
        }
        #expect(!diagnose(config: withReturn("https://shop.example.test/fr/merci.html?src=alma")).1.hasErrors)
        let errors = diagnose(config: withReturn("https://shop.example.test/fr/merci.html#top")).1.errors
        #expect(errors.map(\.id) == ["config.merchant.return_url.has-fragment"])
        #expect(errors.first?.location == SourceLocation(file: "almakit.yml", line: 11, column: 21))
    }

    @Test func returnURLCanBeGivenPerLanguageAndEachPageUsesItsOwn() throws {
        let project = try TemporaryProject(config: config(replacing: "  amount: 5099", with: """
              amount: 5099
              return_url: { fr: https://shop.example.test/fr/merci.html, en: https://shop.example.test/en/thanks.html }
            """))
        let result = project.builder.check()
        #expect(!result.diagnostics.all.contains { $0.location.file == "almakit.yml" }, "\(result.diagnostics.all)")
        let french = try #require(result.files.first { $0.path == "fr/checkout.html" }).contents
        let english = try #require(result.files.first { $0.path == "en/checkout.html" }).contents
        #expect(french.contains(#"data-return-url="https://shop.example.test/fr/merci.html""#))
        #expect(english.contains(#"data-return-url="https://shop.example.test/en/thanks.html""#))
    }

    @Test func eachPerLanguageReturnURLIsCheckedAtItsOwnPosition() throws {
        let (_, diagnostics) = diagnose(config: config(replacing: "  amount: 5099", with: """
              amount: 5099
              return_url:
                fr: https://shop.example.test/fr/merci.html
                en: http://shop.example.test/en/thanks.html
            """))
        let error = try #require(diagnostics.errors.first)
        #expect(error.message.contains("'merchant.return_url.en'"))
        #expect(error.location == SourceLocation(file: "almakit.yml", line: 13, column: 9))
        let (_, missing) = diagnose(config: config(replacing: "  amount: 5099", with: "  amount: 5099\n  return_url: { fr: https://shop.example.test/merci.html }"))
        #expect(missing.errors.contains { $0.message.contains("'merchant.return_url' has no text for 'en'") }, "\(missing.errors)")
    }

    @Test func oneReturnURLForSeveralLanguagesIsAWarning() throws {
        let (_, diagnostics) = diagnose(config: config(replacing: "  amount: 5099", with: "  amount: 5099\n  return_url: https://shop.example.test/merci.html"))
        #expect(!diagnostics.hasErrors)
        let warning = try #require(diagnostics.all.first { $0.severity == .warning }, "\(diagnostics.all)")
        #expect(warning.message.contains("one return address serves every language"))
        #expect(warning.location == SourceLocation(file: "almakit.yml", line: 11, column: 15))
        #expect(warning.hint?.contains("{ fr: ..., en: ... }") == true)
        let oneLanguage = config(replacing: "  languages: [fr, en]", with: "  languages: [fr]")
            .replacingOccurrences(of: "{ fr: Lampe, en: Lamp }", with: "Lampe")
            .replacingOccurrences(of: "  amount: 5099", with: "  amount: 5099\n  return_url: https://shop.example.test/merci.html")
        #expect(diagnose(config: oneLanguage).1.all.isEmpty, "one language, one address: nothing to say")
    }

    @Test func secretKeyIsNeverEchoed() {
        // Assembled at run time so that no key-shaped string sits in the repository.
        let secret = "sk_live_" + "51HsecretsecretsecretXYZ"
        let (_, diagnostics) = diagnose(config: config(replacing: "pk_test_1234567890abcdef", with: secret))
        let printed = diagnostics.all.map { DiagnosticFormatter().text($0) }.joined()
        #expect(!printed.isEmpty)
        #expect(!printed.contains("51Hsecret"))
        #expect(printed.contains("server's environment"))
    }

    @Test func unknownKeySuggestsTheNearestKnownOne() throws {
        let (_, diagnostics) = diagnose(config: config(replacing: "  amount: 5099", with: "  amount: 5099\n  retrun_url: https://x.test"))
        let error = try #require(diagnostics.errors.first)
        #expect(error.message == "unknown key 'merchant.retrun_url'")
        #expect(error.hint == "did you mean 'return_url'?")
        #expect(error.location == SourceLocation(file: "almakit.yml", line: 11, column: 3))
    }

    @Test func misplacedKeySaysWhereItBelongs() throws {
        let (_, diagnostics) = diagnose(config: config(replacing: "  title: Test Shop", with: "  title: Test Shop\n  amount: 5099"))
        let error = try #require(diagnostics.errors.first)
        #expect(error.hint == "'amount' belongs under 'merchant'")
    }

    @Test func missingRequiredKeyIsReported() throws {
        let (_, diagnostics) = diagnose(config: config(replacing: "  country: FR\n", with: ""))
        let error = try #require(diagnostics.errors.first)
        #expect(error.message == "'merchant.country' is missing")
        #expect(error.location.line == 6)
    }

    @Test func yamlSyntaxErrorHasAPosition() throws {
        let (_, diagnostics) = diagnose(config: "site:\n  title: [unclosed\nmerchant: {}\n")
        let error = try #require(diagnostics.errors.first)
        #expect(error.message.hasPrefix("invalid YAML"))
        #expect(error.location.line >= 2)
    }

    /// Alma's rules reach the servers, `init` and the hints from
    /// `PaymentMethodRules` alone: no built-in template writes them itself.
    @Test func noBuiltInTemplateRestatesThePaymentRules() {
        let rules = PaymentMethodRules.alma
        let copies = ["'\(rules.stripeType)'", "\"\(rules.stripeType)\"", "=\(rules.stripeType)\"", "[]=\(rules.stripeType)",
                      String(rules.amounts.lowerBound), String(rules.amounts.upperBound), rules.minimumText + " and", rules.minimumText + " to",
                      rules.maximumText, rules.countriesText, rules.countries.prefix(2).joined(separator: ", ")]
        let templates = BuiltinTemplates.files.filter { $0.key.hasPrefix("server/") || $0.key.hasPrefix("init/") || $0.key.hasPrefix("snippets/") }
        #expect(templates.count > 40)
        for (name, text) in templates {
            for copy in copies {
                #expect(!text.contains(copy), "\(name) writes \(copy) itself: take it from PaymentMethodRules")
            }
        }
        #expect(rules.minimumText == "50" && rules.maximumText == "2,000 EUR")
        #expect(rules.countriesText == "FR, IT, ES, BE, LU or NL")
    }

    @Test func theServersFollowTheRulesTheyAreGivenNotTheirOwn() throws {
        let project = try TemporaryProject()
        let python = try #require(project.builder.check().serverFiles.first { $0.path == "python/app.py" }).contents
        let rules = PaymentMethodRules.alma
        #expect(python.contains("[\"\(rules.stripeType)\"]") && python.contains("between \(rules.minimumText) and \(rules.maximumText)"))
    }

    @Test func unsupportedAPIVersionListsTheSupportedOnes() throws {
        let (_, diagnostics) = diagnose(config: config(replacing: "2026-10-28.endive", with: "2026-09-30.endive"))
        let error = try #require(diagnostics.errors.first)
        #expect(error.hint == "did you mean '2026-10-28.endive'? Supported versions: 2025-03-31.basil, 2026-10-28.endive")
    }

    @Test func restrictionParameterFollowsTheVersion() {
        let parameters = SupportedAPIVersion.all.map { ($0.version.release, $0.restriction.rawValue) }
        #expect(parameters.map(\.0) == ["basil", "endive"])
        #expect(parameters.map(\.1) == ["payment_method_types", "allowed_payment_method_types"])
    }

    @Test func apiVersionParsing() {
        #expect(StripeAPIVersion("2025-03-31.basil")?.release == "basil")
        #expect(StripeAPIVersion("2025-13-31.basil") == nil)
        #expect(StripeAPIVersion("2025-03-31") == nil)
        #expect(StripeAPIVersion("2025-03-31.Basil") == nil)
    }
}
