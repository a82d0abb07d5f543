import Foundation

/// `site.base_url` taken apart: the pages sit under its path on the host,
/// while the servers answer their routes (`/secret`, `/checkout`) at the
/// origin's root, where the pages' forms and requests find them.
package struct SiteAddress: Sendable {
    /// `https://shop.example.fr`, or with its port: what absolute addresses
    /// to a server's routes start with.
    package let origin: String
    /// `/`, or `/boutique/`: where the site sits on its host, ending in `/`.
    package let basePath: String

    package init(baseURL: String) {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard let components = URLComponents(string: baseURL), let scheme = components.scheme, let host = components.host else {
            // Validation refuses such an address; `check` still renders the servers.
            (origin, basePath) = (trimmed, "/")
            return
        }
        origin = "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
        let path = components.path
        basePath = path.isEmpty || path == "/" ? "/" : (path.hasSuffix("/") ? path : path + "/")
    }
}
