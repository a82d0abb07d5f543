import AlmaKitCore

/// `_headers`: the security headers, for the static hosts that read the file.
struct StaticHostHeaders: TemplateContext {
    enum Key: String, CaseIterable {
        case headers
        case basePath = "base_path"
    }

    var headers: [HeaderContext]
    /// Where the site sits on its host, ending in `/`: the rules' paths start there.
    var basePath: String

    func value(of key: Key) -> Any? {
        switch key {
        case .headers: headers
        case .basePath: basePath
        }
    }

    static func shape(of key: Key) -> TemplateShape {
        switch key {
        case .headers: HeaderContext.shape
        case .basePath: .value
        }
    }
}
