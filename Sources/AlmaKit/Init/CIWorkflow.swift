import AlmaKitCore
import AlmaKitSite
import Foundation

/// The GitHub Actions workflow `almakit init` writes: it builds `almakit`
/// from `repository` at `ref` (once per commit, then from the cache), checks
/// and builds the site, and publishes `dist/` to GitHub Pages from the
/// default branch.
public struct CIWorkflow: Sendable {
    public static let path = ".github/workflows/site.yml"
    /// The container the site job runs in. The cached `almakit` binary links
    /// against its Swift runtime, so the image is part of the cache key.
    static let image = "swift:6.3-bookworm"

    /// Where AlmaKit's source lives, as `git fetch` takes it.
    public let repository: String
    /// The tag, branch or commit of AlmaKit to build.
    public let ref: String

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case repositoryNotHTTPS(String)
        case invalidRef(String)

        public var description: String {
            switch self {
            case .repositoryNotHTTPS(let url):
                "'\(url)' is not an address a CI runner can fetch from: give AlmaKit's repository as https://…"
            case .invalidRef(let ref):
                "'\(ref)' is not a tag, branch or commit name: use letters, digits and . _ / -"
            }
        }
    }

    /// - Parameters:
    ///   - repository: AlmaKit's git repository, as a runner reaches it.
    ///   - ref: what to build there; by default this AlmaKit's own tag, so CI
    ///     runs the version that wrote the workflow.
    public init(repository: String, ref: String = AlmaKitVersion.tag) throws(Problem) {
        // Both values end up in YAML and in shell commands: a closed set of
        // characters keeps either from ever being read as code.
        guard Self.isHTTPS(repository) else { throw .repositoryNotHTTPS(repository) }
        guard Self.isRefName(ref) else { throw .invalidRef(ref) }
        self.repository = repository
        self.ref = ref
    }

    func render(with templates: TemplateSet) -> String {
        templates.render("init/workflow.yml", [
            "version": AlmaKitVersion.current,
            "image": Self.image,
            "repository": repository,
            "ref": ref,
        ]) ?? ""
    }

    /// An `https://` address: a hosted runner has no SSH key, and a token
    /// (the ALMAKIT_TOKEN secret) is all a private repository then needs.
    private static func isHTTPS(_ url: String) -> Bool {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~:/@%+-")
        guard url.unicodeScalars.allSatisfy(allowed.contains), url.lowercased().hasPrefix("https://") else { return false }
        return URL(string: url)?.host?.isEmpty == false
    }

    private static func isRefName(_ ref: String) -> Bool {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-")
        return !ref.isEmpty && ref.unicodeScalars.allSatisfy(allowed.contains)
            && !ref.hasPrefix("-") && !ref.hasPrefix("/") && !ref.hasPrefix(".")
            && !ref.hasSuffix("/") && !ref.hasSuffix(".") && !ref.hasSuffix(".lock") && !ref.contains("..") && !ref.contains("//")
    }
}
