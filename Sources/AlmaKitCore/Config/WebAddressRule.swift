import Foundation

/// Addresses the site links to must be absolute and encrypted, except on the
/// developer's own machine.
enum WebAddressRule {
    static let hint = "use an absolute https:// address (http:// is allowed for localhost and 127.0.0.1 only)"
    private static let localHosts: Set<String> = ["localhost", "127.0.0.1"]

    /// What is wrong with `address`, as the end of a sentence; nil when it is fine.
    static func problem(with address: String) -> String? {
        guard let components = URLComponents(string: address),
              let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else { return "must be an absolute address, not '\(address)'" }
        switch scheme {
        case "https":
            return nil
        case "http":
            return localHosts.contains(host.lowercased()) ? nil : "must use https:// (http:// only on localhost), not '\(address)'"
        default:
            return "must be an https:// address, not '\(address)'"
        }
    }
}
