import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// Templates read typed contexts: every name a built-in template reads must
/// be one its context answers, and a project's template that reads another
/// is told so, where it is written.
@Suite struct TemplateContextTests {
    /// The built-in templates, parsed, as the build registers them.
    static let builtIn = BuiltinTemplates.files
        .filter { !$0.key.hasPrefix(TemplateSet.stringsFolder) }
        .mapValues(TemplateTag.parse)

    private func unknownNames(_ templates: [String: String]) -> [TemplateNameCheck.UnknownName] {
        let parsed = Self.builtIn.merging(templates.mapValues(TemplateTag.parse)) { $1 }
        return TemplateNameCheck(templates: parsed, strings: StringsCatalogue.requiredKeys).unknownNames()
    }

    @Test func everyNameOfTheBuiltInTemplatesResolves() {
        let unknown = unknownNames([:])
        #expect(unknown.isEmpty, "\(unknown.map { "\($0.template):\($0.line):\($0.column) \($0.name)" })")
    }

    /// A template the check never reaches would go unchecked: each is
    /// rendered with a known context, or included by one that is.
    @Test func everyBuiltInTemplateIsChecked() {
        var reached = Set<String>()
        func reach(_ name: String) {
            guard reached.insert(name).inserted, let tags = Self.builtIn[name] else { return }
            func visit(_ tags: [TemplateTag]) {
                for tag in tags {
                    switch tag {
                    case .partial(let name): reach(name)
                    case .parent(let name, let blocks): reach(name); blocks.values.forEach(visit)
                    case .section(_, _, _, let inner), .block(_, let inner): visit(inner)
                    case .name: break
                    }
                }
            }
            visit(tags)
        }
        Self.builtIn.keys.filter { TemplateNameCheck.contextShape(of: $0) != nil }.forEach(reach)
        let unchecked = Set(Self.builtIn.keys).subtracting(reached).filter { !$0.hasPrefix("init/") }
        #expect(unchecked.isEmpty, "\(unchecked.sorted())")
    }

    @Test func namesResolveInsideSectionsThenOutwards() {
        let unknown = unknownNames(["page.html": """
            {{#toc}}{{title}} {{levle}} {{site_title}} {{t.on_this_page}}{{/toc}}
            {{#previous}}{{href}} {{previous.hre}}{{/previous}}{{^next}}{{hreflang}}{{/next}}
            {{t.on_this_pag}} {{uppercased(titel)}} {{.}} {{#alternates}}{{.hreflang}} {{.lang}}{{/alternates}}
            """])
        let found = unknown.map { "\($0.line):\($0.column) \($0.name) -> \($0.suggestion ?? "-")" }
        #expect(found == [
            "1:19 levle -> level",
            "2:23 previous.hre -> previous.href",
            "2:61 hreflang -> -",
            "3:1 t.on_this_pag -> t.on_this_page",
            "3:19 titel -> title",
            "3:76 .lang -> -",
        ])
    }

    /// Partials and parents are read with the including template's context:
    /// `layout.html` is checked as each page draws it.
    @Test func partialsAreCheckedWithTheIncludingContext() {
        let unknown = unknownNames(["layout.html": "{{nav_html}}{{content}}"])
        #expect(unknown.map(\.name) == ["content"], "guide pages have content; home.html, landing.html and 404.html draw layout.html too")
        #expect(unknownNames(["payment-layout.html": "{{stripe_js}}{{nav_html}}{{content}}"]).map(\.name) == ["content"])
    }

    @Test func aProjectTemplateReadingAnUnknownNameIsAnError() throws {
        let page = try #require(BuiltinTemplates.files["page.html"])
        #expect(page.contains("<h1>{{title}}</h1>"))
        let project = try TemporaryProject(["Templates/page.html": page.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{titel}}</h1>")])
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(projectDirectory: project.directory, into: &diagnostics)
        let lines = page.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("<h1>{{title}}</h1>") }) + 1
        let column = try #require(lines[line - 1].range(of: "{{title}}")).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        #expect(diagnostics.all.count == 1, "\(diagnostics.all)")
        let error = try #require(diagnostics.errors.first)
        #expect(error.id == "template.unknown-name")
        #expect(error.location == SourceLocation(file: "Templates/page.html", line: line, column: column))
        #expect(error.message.contains("'titel'"))
        #expect(error.hint == "did you mean 'title'?")
    }

    @Test func theBuiltInTemplatesAloneRaiseNothing() throws {
        let project = try TemporaryProject(["Templates/assets/extra.css": "body {}\n", "Templates/nav-items.html": "{{#nav}}{{title}}{{/nav}}\n"])
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(projectDirectory: project.directory, into: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
    }

    /// The guides' placeholders, the payment pages and the servers read one set of merchant values.
    @Test func placeholdersKeepTheirValues() throws {
        let (loaded, _) = diagnose(config: TemporaryProject.validConfig)
        let config = try #require(loaded)
        #expect(MerchantPlaceholders.values(config, language: "fr") == [
            "amount": "50,99\u{A0}€",
            "amount_minor": "5099",
            "currency": "eur",
            "merchant_name": "Test Shop",
            "product_name": "Lampe",
            "publishable_key": "pk_test_1234567890abcdef",
            "api_version": "2026-10-28.endive",
            "api_release": "endive",
            "stripe_js_url": "https://js.stripe.com/endive/stripe.js",
            "restriction_parameter": "allowed_payment_method_types",
            "client_secret_path": "/secret",
            "checkout_path": "/checkout",
            "webhook_path": "/webhook",
            "port": "4242",
            "price.product": "50,99\u{A0}€",
            "amount_minor.product": "5099",
            "product_name.product": "Lampe",
        ])
        let server = ServerContext(config: config, siteFolder: "../../dist")
        for key in ["api_version", "api_release", "currency", "client_secret_path", "webhook_path", "restriction_parameter"] {
            #expect(server.child(named: key) as? String == MerchantPlaceholders.values(config, language: "en")[key], "\(key)")
        }
        #expect(server.child(named: "port") as? Int == 4242)
    }

    /// The restriction parameter follows from the version's date, supported or not.
    @Test(arguments: [("2025-03-31.basil", "payment_method_types"), ("2026-10-28.endive", "allowed_payment_method_types"),
                      ("2024-06-20.acacia", "payment_method_types"), ("2027-01-01.future", "allowed_payment_method_types")])
    func restrictionFollowsTheVersionsDate(version: String, parameter: String) throws {
        let (loaded, _) = diagnose(config: config(replacing: "2026-10-28.endive", with: version))
        let config = try #require(loaded)
        #expect(MerchantPlaceholders.values(config, language: "en")["restriction_parameter"] == parameter)
        #expect(ServerContext(config: config, siteFolder: ".").child(named: "restriction_parameter") as? String == parameter)
    }
}
