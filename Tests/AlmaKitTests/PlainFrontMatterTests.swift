import Foundation
import Testing
@testable import AlmaKitCore
@testable import AlmaKitSite

/// The front matter fast path (`PlainFrontMatter`) against Yams: for every
/// YAML below, reading it gives the values and diagnostics (positions
/// included) that Yams alone gives, and the fast path is taken exactly
/// where it is expected to be, so that it cannot quietly stop working.
@Suite struct PlainFrontMatterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var yaml: String
        /// Whether the fast path should read it, rather than defer to Yams.
        var plain: Bool
        var testDescription: String { "\(plain ? "plain" : "Yams"): \(yaml.debugDescription)" }
    }

    static let hash = String(repeating: "0123456789abcdef", count: 4).prefix(ContentHash.length)

    static let cases: [Case] = [
        // Read by the fast path.
        Case(yaml: "title: Guide", plain: true),
        Case(yaml: "title: Guide 1 et banque version\ndescription: Résumé recevoir pour complète pays.\norder: 1", plain: true),
        Case(yaml: "title:    Lots of spaces   \norder: 0042\ndraft: true", plain: true),
        Case(yaml: "title: Draft\ndraft: false\nslug: paiement-alma_2", plain: true),
        Case(yaml: "title: a:b, c#d l'été (50 %) 100€ 😀\ndescription: x-y? z! *w*", plain: true),
        Case(yaml: "# a comment\ntitle: Guide\n\n   \n#another\ndescription: d", plain: true),
        Case(yaml: "title: Paid\ntranslation_key: accept-payment\ntranslated_from: \(hash)\nupdated: 2026-02-28", plain: true),
        Case(yaml: "title: T\ntranslated_from:     \(hash)   ", plain: true),
        Case(yaml: "title: 123\ndescription: true\nslug: null-page", plain: true),
        Case(yaml: "title: Guide\norder: -3", plain: false),
        Case(yaml: "title: Guide\norder: +7", plain: true),
        Case(yaml: "title: Guide\n", plain: true),
        Case(yaml: "title: Ünïcödé — “quotes” inside\u{00A0}", plain: true),

        // Deferred to Yams, which reads them the same or reports them.
        Case(yaml: "title: 'Quoted'", plain: false),
        Case(yaml: "title: \"Double \\u00e9\"", plain: false),
        Case(yaml: "title: 'L'Atelier'", plain: false),
        Case(yaml: "title: Guide # trailing comment", plain: false),
        Case(yaml: "title: Paiement : guide", plain: false),
        Case(yaml: "title: ends with colon:", plain: false),
        Case(yaml: "title: Guide\ntitle: Again", plain: false),
        Case(yaml: "title: Guide\ntitel: typo", plain: false),
        Case(yaml: "title: [Guide", plain: false),
        Case(yaml: "title: [a, b]", plain: false),
        Case(yaml: "title:\n  - a\n  - b", plain: false),
        Case(yaml: "title: Guide\ndescription:\n  nested: map", plain: false),
        Case(yaml: "title: a long\n  title continued", plain: false),
        Case(yaml: "title: >\n  folded\n  text", plain: false),
        Case(yaml: "title: |\n  literal", plain: false),
        Case(yaml: "title: &anchor Guide\ndescription: *anchor", plain: false),
        Case(yaml: "title: !!str 12", plain: false),
        Case(yaml: "title: -dash", plain: false),
        Case(yaml: "title: Guide\ndraft: yes", plain: false),
        Case(yaml: "title: Guide\ndraft: True", plain: false),
        Case(yaml: "title: Guide\ndraft: maybe", plain: false),
        Case(yaml: "title: Guide\norder: first", plain: false),
        Case(yaml: "title: Guide\norder: 1.5", plain: false),
        Case(yaml: "title: Guide\norder: 0x1F", plain: false),
        Case(yaml: "title: Guide\nslug: Not A Slug", plain: false),
        Case(yaml: "title: Guide\ntranslation_key: two words", plain: false),
        Case(yaml: "title: Guide\ntranslated_from: nothex", plain: false),
        Case(yaml: "title: Guide\nupdated: 2026-02-30", plain: false),
        Case(yaml: "title: Guide\nupdated: 26-2-3", plain: false),
        Case(yaml: "title: ~", plain: false),
        Case(yaml: "title: null", plain: false),
        Case(yaml: "title:", plain: false),
        Case(yaml: "title:Guide", plain: false),
        Case(yaml: "description: no title", plain: false),
        Case(yaml: "", plain: false),
        Case(yaml: "# only a comment", plain: false),
        Case(yaml: " title: indented", plain: false),
        Case(yaml: "title: tab\there", plain: false),
        Case(yaml: "title:\tGuide", plain: false),
        Case(yaml: "title: Guide\r\norder: 2\r", plain: false),
        Case(yaml: "title: line\u{2028}separator", plain: false),
        Case(yaml: "title: nel\u{85}here", plain: false),
        Case(yaml: "title: bom\u{FEFF}", plain: false),
        Case(yaml: "title: bell\u{07}", plain: false),
        Case(yaml: "%YAML 1.2\ntitle: Guide", plain: false),
        Case(yaml: "just a scalar", plain: false),
        Case(yaml: "Title: Guide", plain: false),
        Case(yaml: "title: Guide\n? complex\n: key", plain: false),
        Case(yaml: "title: \u{00A0}", plain: false),
    ]

    @Test(arguments: cases)
    func readsAsYamsDoes(_ example: Case) {
        let reader = FrontMatterReader(file: "Content/en/guide.md")
        var yamsDiagnostics = Diagnostics()
        let yams = reader.readWithYams(example.yaml, into: &yamsDiagnostics)

        let fast = PlainFrontMatter.values(example.yaml, keys: FrontMatter.keys).flatMap(reader.readPlain)
        #expect((fast != nil) == example.plain)
        if let fast {
            // The fast path answers only where Yams has nothing to say.
            #expect(yamsDiagnostics.all.isEmpty)
            #expect(Self.describe(fast) == Self.describe(yams))
        }

        var diagnostics = Diagnostics()
        let read = reader.read(FrontMatterSplit("---\n\(example.yaml)\n---\nText.\n"), into: &diagnostics)
        #expect(Self.describe(read) == Self.describe(yams))
        #expect(diagnostics == yamsDiagnostics)
    }

    /// Values with Yams's own marks: the fast path's lines and columns are Yams's.
    @Test func positionsAreYamsMarks() throws {
        let yaml = "# c\n\ntitle:   Été à Paris \norder: 3\ntranslated_from:  \(Self.hash)\nupdated: 2026-01-02"
        let values = try #require(PlainFrontMatter.values(yaml, keys: FrontMatter.keys))
        var diagnostics = Diagnostics()
        let source = YAMLSource(file: "f")
        let node = try #require(source.parse(yaml, into: &diagnostics))
        let mapping = try #require(YAMLMapping(node, path: "", source: source, into: &diagnostics))
        #expect(Set(values.keys) == Set(mapping.keys))
        for key in mapping.keys {
            let mine = try #require(values[key])
            let location = mapping.location(ofValue: key)
            #expect(mine.text == mapping.string(key, required: true, into: &diagnostics))
            #expect(mine.line == location.line)
            #expect(mine.column == location.column)
        }
        #expect(diagnostics.all.isEmpty)
    }

    /// A build's worth of pages goes through the fast path: the bench
    /// corpus's form of front matter is plain.
    @Test func typicalFrontMatterIsPlain() {
        let yaml = "title: Guide 12 et banque version\ndescription: Résumé recevoir pour complète pays afficher titre.\norder: 12"
        #expect(PlainFrontMatter.values(yaml, keys: FrontMatter.keys) != nil)
    }

    static func describe(_ frontMatter: FrontMatter?) -> String {
        guard let f = frontMatter else { return "nil" }
        return [f.title, f.description, "\(f.order as Any)", "\(f.slug as Any)", "\(f.draft)", "\(f.translationKey as Any)",
                "\(f.translatedFrom.map { "\($0.hash)@\($0.location)" } as Any)", "\(f.updated as Any)"].joined(separator: " | ")
    }
}
