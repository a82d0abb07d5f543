import AlmaKitCore

/// `_headers`: the security headers, for the static hosts that read the file.
struct StaticHostHeaders: TemplateContext {
    enum Key: String, CaseIterable {
        case headers
        case basePath = "base_path"
        case fingerprintedFolder = "fingerprinted_folder"
        case immutableCaching = "immutable_caching"
    }

    var headers: [HeaderContext]
    /// Where the site sits on its host, ending in `/`: the rules' paths start there.
    var basePath: String
    /// Where the files whose names carry their hash are, under the base path.
    var fingerprintedFolder: String
    /// What those files are cached with: for a year, never revalidated.
    var immutableCaching: HeaderContext

    func value(of key: Key) -> Any? {
        switch key {
        case .headers: headers
        case .basePath: basePath
        case .fingerprintedFolder: fingerprintedFolder
        case .immutableCaching: immutableCaching
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .headers, .immutableCaching: HeaderContext.shape
        case .basePath, .fingerprintedFolder: .value
        }
    }
}
