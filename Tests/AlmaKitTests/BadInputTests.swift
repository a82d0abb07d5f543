import Foundation
import Testing
@testable import AlmaKit
@testable import AlmaKitCore

/// The catalogue of bad inputs: each breaks a valid project once, and the
/// build must fail with exit code 1, print the exact diagnostic (file, line,
/// column, message), and leave the previous `dist/` as it was.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Relative path -> new contents (nil removes the file); raw bytes allowed.
        var files: [String: Data?]
        /// The start of the diagnostic line, up to and including the message's first words.
        var expected: String
        var testDescription: String { name }

        init(_ name: String, _ files: [String: String?], _ expected: String) {
            self.name = name
            self.files = files.mapValues { $0.map { Data($0.utf8) } }
            self.expected = expected
        }

        init(_ name: String, bytes files: [String: Data], _ expected: String) {
            self.name = name
            self.files = files.mapValues { $0 }
            self.expected = expected
        }
    }

    static func config(_ old: String, _ new: String) -> [String: String?] {
        ["almakit.yml": TemporaryProject.validConfig.replacingOccurrences(of: old, with: new)]
    }

    static func page(_ text: String) -> [String: String?] {
        ["Content/en/guide.md": text]
    }

    // Key-shaped strings are assembled here so that none sits in the repository.
    static let liveKey = "sk_live_" + "51Hzzzzzzzzzzzzzzzzzzzz"
    static let restrictedKey = "rk_test_" + "51Hyyyyyyyyyyyyyyyyyyyy"
    static let webhookSecret = "whsec_" + "xxxxxxxxxxxxxxxxxxxxxx"

    static let cases: [Case] = [
        Case("empty configuration", ["almakit.yml": ""], "almakit.yml: error: the configuration is empty"),
        Case("configuration not a mapping", ["almakit.yml": "- fr\n- en\n"], "almakit.yml:1:1: error: '' must be a mapping"),
        Case("YAML syntax error", ["almakit.yml": "site:\n  title: [Shop\n"], "almakit.yml:3:1: error: invalid YAML"),
        Case("tab indentation", config("  title: Test Shop", "\ttitle: Test Shop"), "almakit.yml:2:1: error: invalid YAML: found character that cannot start any token"),
        Case("duplicate key", config("  amount: 5099", "  amount: 5099\n  amount: 6000"), "almakit.yml:11:3: error: the key 'amount' appears twice"),
        Case("wrong type", config("  languages: [fr, en]", "  languages: fr"), "almakit.yml:4:14: error:"),
        Case("amount as a float", config("  amount: 5099", "  amount: 50.99"), "almakit.yml:10:11: error: 'merchant.amount' must be a whole number, not '50.99'"),
        Case("amount as a string", config("  amount: 5099", "  amount: \"5099\""), "almakit.yml:10:11: error: 'merchant.amount' must be a whole number, not the text \"5099\""),
        Case("amount 4999", config("  amount: 5099", "  amount: 4999"), "almakit.yml:10:11: error:"),
        Case("amount 200001", config("  amount: 5099", "  amount: 200001"), "almakit.yml:10:11: error:"),
        Case("currency EUR", config("  currency: eur", "  currency: EUR"), "almakit.yml:9:13: error: Alma takes 'eur' only, not 'EUR'"),
        Case("currency usd", config("  currency: eur", "  currency: usd"), "almakit.yml:9:13: error: Alma takes 'eur' only, not 'usd'"),
        Case("country US", config("  country: FR", "  country: US"), "almakit.yml:8:12: error: Alma is not available in 'US'"),
        Case("http return URL on a public host", config("  amount: 5099", "  amount: 5099\n  return_url: http://shop.example.test/r.html"), "almakit.yml:11:15: error:"),
        Case("javascript: return URL", config("  amount: 5099", "  amount: 5099\n  return_url: javascript:alert(1)"), "almakit.yml:11:15: error: 'merchant.return_url' must be an absolute address"),
        Case("relative return URL", config("  amount: 5099", "  amount: 5099\n  return_url: return.html"), "almakit.yml:11:15: error: 'merchant.return_url' must be an absolute address"),
        Case("unknown language", config("  languages: [fr, en]", "  languages: [fr, zz]"), "almakit.yml:4:19: error: 'zz' is not a language code"),
        Case("language listed twice", config("  languages: [fr, en]", "  languages: [fr, en, fr]"), "almakit.yml:4:23: error: language 'fr' is listed twice"),
        Case("live secret key as publishable key", config("pk_test_1234567890abcdef", liveKey), "almakit.yml:7:20: error: 'merchant.publishable_key' holds a secret key (sk_live_…)"),
        Case("restricted key in the title", config("  title: Test Shop", "  title: \(restrictedKey)"), "almakit.yml:2:10: error: almakit.yml holds a secret key (rk_test_…)"),
        Case("webhook secret in a comment", config("stripe:", "# \(webhookSecret)\nstripe:"), "almakit.yml:13:3: error: almakit.yml holds a secret key (whsec_…)"),

        Case("unterminated front matter", page("---\ntitle: Guide\nText.\n"), "Content/en/guide.md:1:1: error: the front matter opened here is never closed"),
        Case("front matter not YAML", page("---\ntitle: [Guide\n---\nText.\n"), "Content/en/guide.md:3:1: error: invalid YAML"),
        Case("front matter wrong type", page("---\ntitle: Guide\norder: first\n---\nText.\n"), "Content/en/guide.md:3:8: error: 'order' must be a whole number, not 'first'"),
        Case("slug climbing out", page("---\ntitle: Guide\nslug: ../../etc\n---\nText.\n"), "Content/en/guide.md:3:7: error: slug '../../etc' can't be a file name"),
        Case("slug with a slash", page("---\ntitle: Guide\nslug: a/b\n---\nText.\n"), "Content/en/guide.md:3:7: error: slug 'a/b' can't be a file name"),
        Case("slug with a backslash", page("---\ntitle: Guide\nslug: 'a\\b'\n---\nText.\n"), "Content/en/guide.md:3:7: error: slug 'a\\b' can't be a file name"),
        Case("slug with NUL", page("---\ntitle: Guide\nslug: \"a\\0b\"\n---\nText.\n"), "Content/en/guide.md:3:7: error: slug 'a\\u{0}b' can't be a file name"),
        Case("slug with a leading dot", page("---\ntitle: Guide\nslug: .env\n---\nText.\n"), "Content/en/guide.md:3:7: error: slug '.env' can't be a file name"),
        Case("two pages, one output", ["Content/en/other.md": "---\ntitle: Other\nslug: guide\n---\nText.\n"], "Content/en/other.md:1:1: error: this page and Content/en/guide.md would both be written to en/guide.html"),

        Case("invalid UTF-8", bytes: ["Content/en/guide.md": Data("---\ntitle: Guide\n---\nCaf".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8)],
             "Content/en/guide.md:4:4: error: the file is not UTF-8 text"),
        Case("page too large", bytes: ["Content/en/guide.md": Data("---\ntitle: Guide\n---\n".utf8) + Data(repeating: UInt8(ascii: "a"), count: 5 * 1024 * 1024)],
             "Content/en/guide.md: error: the page is 5 MB; AlmaKit renders pages of up to 4 MB"),
    ]

    func almakit(_ arguments: [String], in directory: URL) throws -> ExternalTool.Output {
        try AlmakitBinary.run(arguments, in: directory)
    }

    @Test(arguments: cases)
    func badInputFailsWithItsDiagnosticAndTouchesNothing(_ bad: Case) throws {
        let project = try TemporaryProject()
        #expect(try almakit(["build"], in: project.directory).status == 0)
        let before = try AlmakitBinary.snapshot(project.directory.appending(path: "dist"))
        #expect(!before.isEmpty)

        for (path, data) in bad.files {
            let url = project.directory.appending(path: path)
            if let data { try data.write(to: url) } else { try FileManager.default.removeItem(at: url) }
        }
        let run = try almakit(["build"], in: project.directory)
        #expect(run.status == 1, "\(bad.name): \(run.stdout)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(bad.expected) }, "\(bad.name): expected '\(bad.expected)' in\n\(run.stderr)")
        #expect(try AlmakitBinary.snapshot(project.directory.appending(path: "dist")) == before, "\(bad.name) changed dist/")
        for key in [Self.liveKey, Self.restrictedKey, Self.webhookSecret] {
            #expect(!run.stderr.contains(key) && !run.stdout.contains(key), "\(bad.name) printed a secret")
        }
    }

    @Test(arguments: [5000, 200000])
    func alma_sBoundsAreAccepted(amount: Int) throws {
        let (_, diagnostics) = diagnose(config: TemporaryProject.validConfig.replacingOccurrences(of: "amount: 5099", with: "amount: \(amount)"))
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors)")
    }

    @Test func crlfPagesRenderLikeLFPages() throws {
        let text = "---\ntitle: Guide\n---\n## Step one\n\nSome *text* and a [link](index.md).\n\n```sh\necho ok\n```\n"
        let unix = try TemporaryProject(pages: TemporaryProject.minimalPages.merging(["Content/en/guide.md": text]) { $1 })
        let windows = try TemporaryProject(pages: TemporaryProject.minimalPages.merging(["Content/en/guide.md": text.replacingOccurrences(of: "\n", with: "\r\n")]) { $1 })
        let expected = try #require(unix.builder.check().files.first { $0.path == "en/guide.html" })
        let actual = try #require(windows.builder.check().files.first { $0.path == "en/guide.html" })
        #expect(actual.contents == expected.contents)
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let project = try TemporaryProject(pages: TemporaryProject.minimalPages.merging(["Content/en/guide.md": "\u{FEFF}---\ntitle: Guide\n---\nText.\n"]) { $1 })
        let result = project.builder.check()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
    }

    @Test func symbolicLinksMustStayInsideTheProject() throws {
        let outside = try TemporaryProject(pages: ["Content/en/secret.md": "---\ntitle: Secret\n---\nOutside.\n"])
        let project = try TemporaryProject()
        let links = project.directory.appending(path: "Content/en")
        try FileManager.default.createSymbolicLink(at: links.appending(path: "away.md"), withDestinationURL: outside.directory.appending(path: "Content/en/secret.md"))
        try FileManager.default.createSymbolicLink(atPath: links.appending(path: "loop.md").path, withDestinationPath: "loop.md")
        try FileManager.default.createSymbolicLink(atPath: links.appending(path: "same.md").path, withDestinationPath: "guide.md")
        let errors = project.builder.check().diagnostics.errors
        #expect(errors.contains { $0.location.file == "Content/en/away.md" && $0.message.hasPrefix("this symbolic link leads outside the project") })
        #expect(errors.contains { $0.location.file == "Content/en/loop.md" && $0.message.hasPrefix("this symbolic link leads nowhere") })
        #expect(!errors.contains { $0.location.file == "Content/en/same.md" }, "a link inside the project is followed")
    }

    @Test func outputFolderThatCannotBeWrittenLeavesNothingBehind() throws {
        // /proc refuses new folders even to root, who ignores file permissions.
        let project = try TemporaryProject()
        let run = try almakit(["build", "--out", "/proc/almakit-cannot-write"], in: project.directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("/proc/almakit-cannot-write: error: cannot write the output"))
        // The servers, staged before the site, are taken back with it.
        #expect(!FileManager.default.fileExists(atPath: project.directory.appending(path: "server").path))
        let left = try FileManager.default.contentsOfDirectory(atPath: project.directory.path).filter { $0.contains("almakit-new") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func aSiteThatCannotBeWrittenLeavesTheServersAsTheyWere() throws {
        let project = try TemporaryProject()
        #expect(try almakit(["build"], in: project.directory).status == 0)
        let before = try project.read("server/python/app.py")
        try project.write("almakit.yml", TemporaryProject.validConfig.replacingOccurrences(of: "amount: 5099", with: "amount: 6099"))
        let run = try almakit(["build", "--out", "/proc/almakit-cannot-write"], in: project.directory)
        #expect(run.status == 1)
        #expect(try project.read("server/python/app.py") == before, "the servers would charge what the site does not show")
        let staged = FileManager.default.enumerator(atPath: project.directory.appending(path: "server").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".almakit-new") } ?? []
        #expect(staged.isEmpty, "\(staged)")
    }

    @Test(arguments: ["/", "..", "."])
    func outputFolderMayNotHoldTheProject(out: String) throws {
        let project = try TemporaryProject()
        let run = try almakit(["build", "--out", out], in: project.directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains(out == "." ? "error: the output folder would replace the project itself" : "error: the output folder contains the project"))
        #expect(FileManager.default.fileExists(atPath: project.directory.appending(path: "almakit.yml").path))
    }
}
