import Foundation
import Testing
import Mustache
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

@Suite struct TemplateTests {
    /// Mustache escapes HTML by default; anything else must say so first.
    @Test func nonHTMLTemplatesDeclareTextContent() {
        let markupExtensions = [".html", ".xml"]
        let templates = BuiltinTemplates.files.filter { !$0.key.hasPrefix(TemplateSet.stringsFolder) }
        #expect(templates.count >= 10)
        for (name, text) in templates where !markupExtensions.contains(where: name.hasSuffix) {
            #expect(text.hasPrefix("{{%CONTENT_TYPE: TEXT}}"), "\(name) lacks the TEXT pragma")
        }
    }

    @Test func builtInCataloguesHaveTheSameKeys() {
        var diagnostics = Diagnostics()
        let catalogue = StringsCatalogue.load(projectDirectory: URL(fileURLWithPath: "/nonexistent"), languages: ["fr", "en"], into: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        #expect(Set(catalogue.strings(for: "fr").keys) == Set(catalogue.strings(for: "en").keys))
        #expect(catalogue.strings(for: "fr")["pay_button"] == "Payer avec Alma")
    }

    @Test func languageWithoutCatalogueListsTheMissingKeys() throws {
        let project = try TemporaryProject(config: config(replacing: "  languages: [fr, en]", with: "  languages: [fr, en, it]")
            .replacingOccurrences(of: "{ fr: Lampe, en: Lamp }", with: "Lampada"))
        try project.write("Content/strings/it.yml", "language_name: Italiano\npay_buton: Paga con Alma\n")
        let diagnostics = project.builder.check().diagnostics
        let missing = try #require(diagnostics.errors.first { $0.location.file == "Content/strings/it.yml" })
        #expect(missing.message.contains("the 'it' strings lack"))
        #expect(missing.message.contains("pay_button"))
        #expect(!missing.message.contains("language_name"))
        let typo = try #require(diagnostics.warnings.first { $0.location.file == "Content/strings/it.yml" })
        #expect(typo.location == SourceLocation(file: "Content/strings/it.yml", line: 2, column: 1))
        #expect(typo.hint == "did you mean 'pay_button'?")
    }

    @Test func projectStringsOverrideBuiltInOnes() throws {
        let project = try TemporaryProject(["Content/strings/fr.yml": "pay_button: Régler en plusieurs fois\n"])
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors)
        let checkout = try #require(result.files.first { $0.path == "fr/checkout.html" }).contents
        #expect(checkout.contains("<span class=\"label\">Régler en plusieurs fois · 50,99\u{00A0}€</span>"))
    }

    @Test func amountsFollowTheLanguage() {
        let money = MoneyFormatter()
        #expect(money.format(minorUnits: 5099, currency: "eur", language: "fr") == "50,99\u{A0}€")
        #expect(money.format(minorUnits: 5099, currency: "eur", language: "en") == "€50.99")
        #expect(money.format(minorUnits: 200000, currency: "eur", language: "en") == "€2,000.00")
    }

    @Test func testModeMarkOnlyForTestKeys() throws {
        let live = try TemporaryProject(config: config(replacing: "pk_test_", with: "pk_live_"))
        let liveCheckout = try #require(live.builder.check().files.first { $0.path == "en/checkout.html" }).contents
        #expect(!liveCheckout.contains("class=\"test-mode\""))
        let test = try TemporaryProject()
        let testCheckout = try #require(test.builder.check().files.first { $0.path == "en/checkout.html" }).contents
        #expect(testCheckout.contains("<p class=\"test-mode\" role=\"note\">Test mode: no real payment is taken.</p>"))
    }

    @Test func paymentPagesLoadTheConfiguredStripeRelease() throws {
        let project = try TemporaryProject(config: config(replacing: "2026-10-28.endive", with: "2025-03-31.basil"))
        let files = project.builder.check().files
        for path in ["fr/checkout.html", "en/return.html"] {
            let page = try #require(files.first { $0.path == path }).contents
            #expect(page.contains("<script src=\"https://js.stripe.com/basil/stripe.js\" defer></script>"))
            #expect(page.contains("http-equiv=\"Content-Security-Policy\""))
        }
    }
}

@Suite struct SecretScannerTests {
    @Test func findsKeysWithTheirPositions() {
        let text = "ok sk_test_ prefix\n  key: rk_live_" + String(repeating: "a", count: 10) + "\nwhsec_short"
        let findings = SecretScanner().findings(in: text)
        #expect(findings == [SecretScanner.Finding(prefix: "rk_live_", line: 2, column: 8)])
    }

    @Test func nineCharactersAreNotAKey() {
        #expect(SecretScanner().findings(in: "sk_live_123456789").isEmpty)
        #expect(SecretScanner().findings(in: "sk_live_" + "1234567890").count == 1)
    }

    /// The scanner jumps from underscore to underscore; this reference tries
    /// every byte. Both must find the same keys at the same places in text
    /// made of prefixes, their pieces, key characters, newlines and accents.
    @Test func findsWhatAByteByByteSearchFinds() {
        let pieces = ["sk_", "rk_", "live_", "test_", "whsec_", "sk_live_", "rk_test_", "whsec", "_", "a1B2c3D4e5", "XYZ", "é", "\n", " ", "s", "k"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(SecretScanner().findings(in: text) == Self.referenceFindings(in: text), "\(text.debugDescription)")
        }
    }

    static func referenceFindings(in text: String) -> [SecretScanner.Finding] {
        let bytes = Array(text.utf8)
        var found: [SecretScanner.Finding] = []
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
            if let prefix = SecretScanner.prefixes.first(where: { bytes[index...].starts(with: $0.utf8) }) {
                var end = index + prefix.utf8.count
                while end < bytes.count, bytes[end] < 128, Character(UnicodeScalar(bytes[end])).isLetter || Character(UnicodeScalar(bytes[end])).isNumber { end += 1 }
                if end - index - prefix.utf8.count >= SecretScanner.minimumKeyLength {
                    found.append(SecretScanner.Finding(prefix: prefix, line: line, column: index - lineStart + 1))
                    index = end
                    continue
                }
            }
            index += 1
        }
        return found
    }
}

/// The sidebar is rendered once per folder; the reader's own link is marked afterwards.
@Suite struct InsertionTests {
    @Test func textGoesAfterTheFirstMarkerOnly() {
        let nav = "<li><a href=\"été.html\">Été</a></li><li><a href=\"été.html\">Encore</a></li>"
        #expect(nav.inserting(" aria-current=\"page\"", afterFirst: "<a href=\"été.html\"")
            == "<li><a href=\"été.html\" aria-current=\"page\">Été</a></li><li><a href=\"été.html\">Encore</a></li>")
        #expect(nav.inserting("X", afterFirst: "<a href=\"autre.html\"") == nav)
        #expect(nav.inserting("X", afterFirst: "") == nav)
        #expect("<a<a<ab".inserting("X", afterFirst: "<ab") == "<a<a<abX")
        #expect("ab".inserting("X", afterFirst: "abc") == "ab")
        #expect("".inserting("X", afterFirst: "a") == "")
    }
}

/// Page contexts hold `TemplateText` where they held strings, for speed: any
/// template must render it exactly as it rendered the string.
@Suite struct TemplateTextTests {
    /// Each way a template can use a value: escaped, unescaped, as a section,
    /// inverted, as the section's own value, transformed, in a list, dotted.
    static let uses = [
        "{{value}}", "{{{value}}}", "{{&value}}", "{{#value}}[{{.}}]{{/value}}", "{{^value}}none{{/value}}",
        "{{uppercased(value)}}", "{{lowercased(value)}}", "{{#list}}{{value}};{{/list}}", "{{group.value}}",
        "{{#value}}{{#group}}{{value}}{{/group}}{{/value}}",
    ]
    static let values = ["Été <b>\"gras\"</b> & 'co'", "", "e\u{301}\"\u{301}<", "plain"]

    @Test(arguments: uses)
    func rendersAsTheStringItHolds(template: String) throws {
        let project = try TemporaryProject(["Templates/probe.html": template])
        var diagnostics = Diagnostics()
        let templates = TemplateSet.load(projectDirectory: project.directory, into: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        for value in Self.values {
            func context(_ wrapped: Any) -> [String: Any] {
                ["value": wrapped, "list": [["value": wrapped], ["value": wrapped]], "group": ["value": wrapped]]
            }
            let expected = templates.render("probe.html", context(value))
            #expect(expected != nil)
            #expect(templates.render("probe.html", context(TemplateText(value))) == expected, "\(template) with \(value.debugDescription)")
        }
    }

    /// Numbers and flags skip the casts too (`Sources/Mustache/README.md`):
    /// they must print and decide sections as their text and truth do.
    @Test func numbersAndFlagsRenderAsBefore() throws {
        let project = try TemporaryProject(["Templates/probe.html": "{{n}}|{{{n}}}|{{#n}}[{{.}}]{{/n}}|{{#yes}}Y{{/yes}}{{^yes}}-{{/yes}}|{{#no}}N{{/no}}{{^no}}-{{/no}}"])
        var diagnostics = Diagnostics()
        let templates = TemplateSet.load(projectDirectory: project.directory, into: &diagnostics)
        #expect(templates.render("probe.html", ["n": -42, "yes": true, "no": false] as [String: Any]) == "-42|-42|[-42]|Y|-")
        #expect(templates.render("probe.html", ["n": 0, "yes": false, "no": true] as [String: Any]) == "0|0|[0]|-|N")
    }
}

/// The guide pages' contexts give Mustache typed values (`MustacheValue`);
/// every way a template can read one must render exactly as the same value
/// read through `child(named:)` does.
@Suite struct TypedTemplateValueTests {
    /// A context with a value of every case, typed.
    struct Probe: TypedTemplateContext {
        enum Key: String, CaseIterable {
            case text, missing, number, zero, yes, no, parent, list, empty, other
        }

        func typedValue(of key: Key) -> MustacheValue? {
            switch key {
            case .text: .text(TemplateText("Été <b>\"gras\"</b> & 'co'"))
            case .missing: nil
            case .number: .number(-42)
            case .zero: .number(0)
            case .yes: .flag(true)
            case .no: .flag(false)
            case .parent: .parent(["a": TemplateText("<A>"), "b": TemplateText("B")])
            case .list: .list([Item(name: "one"), Item(name: "two"), Item(name: "three")], value: [Item(name: "one"), Item(name: "two"), Item(name: "three")])
            case .empty: .list([Item](), value: [Item]())
            case .other: .other(["x", "y"])
            }
        }
    }

    struct Item: TemplateContext {
        enum Key: String, CaseIterable { case name }
        var name: String
        func value(of key: Key) -> Any? { TemplateText(name) }
    }

    /// The same values, read as `Any` through `child(named:)` only.
    struct Untyped: MustacheParent {
        let probe = Probe()
        func child(named name: String) -> Any? { probe.child(named: name) }
    }

    static let uses = [
        "{{text}}|{{{text}}}|{{&text}}|{{#text}}[{{.}}]{{/text}}|{{^text}}none{{/text}}|{{uppercased(text)}}",
        "{{missing}}|{{#missing}}yes{{/missing}}|{{^missing}}none{{/missing}}",
        "{{number}}|{{{number}}}|{{#number}}[{{.}}]{{/number}}|{{^number}}none{{/number}}|{{#zero}}[{{.}}]{{/zero}}",
        "{{yes}}|{{{no}}}|{{#yes}}Y{{/yes}}|{{^yes}}-{{/yes}}|{{#no}}N{{/no}}|{{^no}}-{{/no}}",
        "{{parent.a}}|{{{parent.a}}}|{{#parent}}{{a}}{{b}}{{text}}{{/parent}}|{{^parent}}none{{/parent}}|{{parent.missing}}|{{parent.a.b}}",
        "{{#list}}{{name}}{{#first()}}^{{/first()}}{{#last()}}${{/last()}}{{index()}}{{text}};{{/list}}|{{^list}}none{{/list}}",
        "{{#empty}}item{{/empty}}|{{^empty}}none{{/empty}}",
        "{{#other}}<{{.}}>{{/other}}|{{^other}}none{{/other}}|{{text.renderText}}",
    ]

    @Test(arguments: uses)
    func rendersAsTheUntypedValue(template: String) throws {
        let project = try TemporaryProject(["Templates/probe.html": template])
        var diagnostics = Diagnostics()
        let templates = TemplateSet.load(projectDirectory: project.directory, into: &diagnostics)
        let expected = try #require(templates.render("probe.html", Untyped()))
        #expect(templates.render("probe.html", Probe()) == expected)
        #expect(!expected.isEmpty)
    }
}
