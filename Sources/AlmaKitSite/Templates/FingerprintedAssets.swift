import AlmaKitCore

/// The stylesheet and scripts every page loads, each also written under a
/// name that carries a hash of its contents (`assets/hashed/site.3e726d76191a.css`).
/// The pages load those copies, which `_headers` lets browsers and CDNs keep
/// for a year: a changed file is a new name, so no visitor ever gets a stale
/// one. The plain names stay, for a project's own templates that use them.
struct FingerprintedAssets: Sendable {
    /// Where the copies go; `_headers` gives this folder its long cache lifetime.
    static let folder = "assets/hashed/"
    /// The files the built-in templates load, by the name a template uses.
    static let stylesheet = "assets/site.css", clientScript = "client.js", guideScript = "guide.js"

    /// Plain path -> fingerprinted path, for every file that rendered.
    private(set) var paths: [String: String] = [:]
    /// Each file that rendered, under its plain name and its fingerprinted one.
    private(set) var files: [OutputFile] = []

    /// - Parameter rendered: each plain file's contents, nil for one that renders to nothing.
    init(_ rendered: [String: String?]) {
        for (path, contents) in rendered.sorted(by: { $0.key < $1.key }) {
            guard let contents else { continue }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let dot = name.lastIndex(of: ".") ?? name.endIndex
            let hashed = Self.folder + name[..<dot] + "." + ContentHash.of(text: contents) + name[dot...]
            paths[path] = hashed
            files += [OutputFile(path: path, contents: contents), OutputFile(path: hashed, contents: contents)]
        }
    }

    /// Where a page loads `path` from: its fingerprinted copy when it has one.
    func path(of path: String) -> String {
        paths[path] ?? path
    }
}

/// `{{assets.site_css}}` and its siblings: where a page loads each file
/// from, relative to the site's root.
struct AssetPaths: TemplateContext {
    enum Key: String, CaseIterable {
        case siteCSS = "site_css"
        case clientJS = "client_js"
        case guideJS = "guide_js"
    }

    let assets: FingerprintedAssets

    func value(of key: Key) -> Any? {
        switch key {
        case .siteCSS: TemplateText(assets.path(of: FingerprintedAssets.stylesheet))
        case .clientJS: TemplateText(assets.path(of: FingerprintedAssets.clientScript))
        case .guideJS: TemplateText(assets.path(of: FingerprintedAssets.guideScript))
        }
    }
}
