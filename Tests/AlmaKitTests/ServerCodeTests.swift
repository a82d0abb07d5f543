import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// The servers' code as data: which library and parameter go with each API
/// version, the pieces the guides embed, and the values written into code.
@Suite struct ServerCodeTests {
    /// The paths are written into code in eight languages and into Go's
    /// route patterns: anything but plain path characters is refused.
    @Test(arguments: ["/se{cret}", "/pay$ment", "/a\\\"b", "secret", "/a b", "/#{x}"])
    func endpointPathMustBePlain(path: String) {
        let text = TemporaryProject.validConfig + "\nserver:\n  client_secret_path: \"\(path)\"\n"
        let (_, diagnostics) = diagnose(config: text)
        let errors = diagnostics.errors.filter { $0.message.contains("'server.client_secret_path' must be a path") }
        #expect(errors.count == 1, "\(diagnostics.errors)")
        #expect(errors.first?.location == AlmaKitCore.SourceLocation(file: "almakit.yml", line: 16, column: 23))
    }

    @Test func plainEndpointPathIsAccepted() {
        let text = TemporaryProject.validConfig + "\nserver:\n  client_secret_path: /api/v1/alma-secret_2.json~\n"
        #expect(!diagnose(config: text).1.hasErrors)
    }

    /// Up to dahlia the restriction is payment_method_types; endive refuses it.
    @Test func eachVersionRestrictsAlmaWithTheParameterItAccepts() throws {
        let basil = try #require(SupportedAPIVersion.find(StripeAPIVersion("2025-03-31.basil")!))
        let endive = try #require(SupportedAPIVersion.find(StripeAPIVersion("2026-10-28.endive")!))
        #expect(basil.restriction == .paymentMethodTypes)
        #expect(endive.restriction == .allowedPaymentMethodTypes)
        #expect(basil.libraries.goModule.hasSuffix("/v82"))
        #expect(endive.libraries.goModule.hasSuffix("/v87"))
    }

    @Test(arguments: ["2025-03-31.basil", "2026-10-28.endive"])
    func everyServerSendsTheRestrictionOfItsVersion(version: String) throws {
        let project = try TemporaryProject(config: TemporaryProject.validConfig.replacingOccurrences(of: "2026-10-28.endive", with: version))
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let basil = version.hasSuffix("basil")
        let (sent, refused) = basil
            ? ("payment_method_types", "allowed_payment_method_types")
            : ("allowed_payment_method_types", "payment_method_types")
        for language in ServerLanguage.allCases {
            let main = try #require(result.serverFiles.first { $0.path == "\(language.rawValue)/\(language.mainFile)" }).contents
            #expect(main.contains(version), "\(language) does not name \(version)")
            #expect(sends(sent, in: main, language: language), "\(language) does not send \(sent)")
            #expect(!sends(refused, in: main, language: language), "\(language) sends \(refused)")
        }
    }

    /// Whether a server's code restricts the PaymentIntent with `parameter`,
    /// written the way its language writes it.
    private func sends(_ parameter: String, in code: String, language: ServerLanguage) -> Bool {
        let typed = parameter.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let pattern = switch language {
        case .curl: "\(parameter)[]=alma"
        case .ruby: "\(parameter): [\"alma\"]"
        case .python: "\"\(parameter)\": [\"alma\"]"
        case .node: "\(parameter): ['alma']"
        case .php: "'\(parameter)' => ['alma']"
        case .go: "\(typed): stripe.StringSlice([]string{\"alma\"})"
        case .dotnet: "\(typed) = new List<string> { \"alma\" }"
        case .java: ".add\(typed.dropLast())("
        }
        // Preceded by a letter or '_', the pattern is part of a longer name.
        return code.ranges(of: pattern).contains { range in
            range.lowerBound == code.startIndex
                || !code[code.index(before: range.lowerBound)].isLetter && code[code.index(before: range.lowerBound)] != "_"
        }
    }

    /// A guide's snippet is the very code the server runs: each panel's
    /// lines appear, in order and unchanged but for indentation, in the server.
    @Test func snippetsAreCutFromTheServersTheyDescribe() throws {
        let project = try TemporaryProject(pages: TemporaryProject.minimalPages.merging([
            "Content/en/code.md": "---\ntitle: Code\n---\n```almakit snippet webhook\n```\n",
            "Content/fr/code.md": "---\ntitle: Code\n---\n```almakit snippet webhook\n```\n",
        ]) { $1 })
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let page = try #require(result.files.first { $0.path == "en/code.html" }).contents
        for language in ServerLanguage.allCases where language != .curl {
            let panel = try #require(panelCode(in: page, language: language), "no \(language) panel")
            let server = try #require(result.serverFiles.first { $0.path == "\(language.rawValue)/\(language.mainFile)" })
            let trimmed = { (text: String) in text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            let serverLines = trimmed(server.contents)
            let panelLines = trimmed(HighlightedCode.plain(panel))
            let start = try #require(serverLines.firstIndex(of: panelLines[0]), "\(language): first line not in the server")
            #expect(Array(serverLines[start..<min(start + panelLines.count, serverLines.count)]) == panelLines, "\(language)")
        }
        #expect(panelCode(in: page, language: .curl) == nil, "cURL has no webhook")
    }

    @Test func unknownSnippetIsAnErrorAtItsBlock() throws {
        let project = try TemporaryProject(pages: TemporaryProject.minimalPages.merging([
            "Content/en/guide.md": "---\ntitle: Guide\n---\nText.\n\n```almakit snippet refund\n```\n",
        ]) { $1 })
        let errors = project.builder.check().diagnostics.errors
        let error = try #require(errors.first { $0.message.contains("unknown snippet 'refund'") }, "\(errors)")
        #expect(error.location == AlmaKitCore.SourceLocation(file: "Content/en/guide.md", line: 6, column: 1))
        #expect(error.hint?.contains("create-payment-intent") == true)
    }

    private func panelCode(in html: String, language: ServerLanguage) -> String? {
        guard let section = html.range(of: "<section class=\"snippet\" data-language=\"\(language.rawValue)\">"),
              let codeStart = html.range(of: "<code class=\"language-\(language.highlightName)\">", range: section.upperBound..<html.endIndex),
              let codeEnd = html.range(of: "</code>", range: codeStart.upperBound..<html.endIndex)
        else { return nil }
        return String(html[codeStart.upperBound..<codeEnd.lowerBound])
    }

}
