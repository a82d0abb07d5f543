import Foundation
@testable import AlmaKit
@testable import AlmaKitCore
@testable import AlmaKitSite

/// A site project written into a fresh temporary folder, removed on deinit.
final class TemporaryProject {
    let directory: URL

    static let validConfig = """
        site:
          title: Test Shop
          base_url: https://shop.example.test
          languages: [fr, en]
        merchant:
          name: Test Shop
          publishable_key: pk_test_1234567890abcdef
          country: FR
          currency: eur
          amount: 5099
          product:
            name: { fr: Lampe, en: Lamp }
        stripe:
          api_version: 2026-10-28.endive
        """

    static let minimalPages = [
        "Content/fr/index.md": "---\ntitle: Accueil\norder: 1\n---\nBonjour. Voir [le guide](guide.md).\n",
        "Content/fr/guide.md": "---\ntitle: Guide\norder: 2\n---\n## Étape un\n\nTexte.\n",
        "Content/en/index.md": "---\ntitle: Home\norder: 1\n---\nHello. See [the guide](guide.md).\n",
        "Content/en/guide.md": "---\ntitle: Guide\norder: 2\n---\n## Step one\n\nText.\n",
    ]

    /// - Parameter files: relative path -> contents; `almakit.yml` and pages default to a valid site.
    init(_ files: [String: String] = [:], config: String? = validConfig, pages: [String: String] = minimalPages) throws {
        directory = FileManager.default.temporaryDirectory
            .appending(path: "almakit-test-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var all = pages
        if let config { all["almakit.yml"] = config }
        for (path, contents) in files { all[path] = contents }
        for (path, contents) in all { try write(path, contents) }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ path: String, _ contents: String) throws {
        let url = directory.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: directory.appending(path: path), encoding: .utf8)
    }

    var builder: SiteBuilder { SiteBuilder(options: BuildOptions(projectDirectory: directory)) }

    /// A page as `ContentLoader` would read it from `path` (`Content/<lang>/<key>.md`).
    static func page(_ text: String, path: String) -> Page? {
        var diagnostics = Diagnostics()
        let parts = path.split(separator: "/").map(String.init)
        return Page.read(text, language: parts[1], sourcePath: path,
                         sourceKey: parts[2...].joined(separator: "/").replacingOccurrences(of: ".md", with: ""), into: &diagnostics)
    }
}

/// The repository this test file lives in.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
