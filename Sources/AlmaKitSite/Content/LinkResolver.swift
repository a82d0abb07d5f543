import AlmaKitCore
import AlmaKitMarkdown
import Foundation

/// Checks the links of one page against the `LinkIndex` and works out what
/// each `.md` link becomes in the built site.
package struct LinkResolver {
    let index: LinkIndex
    /// Moves a resolved target into another language: a page standing in for
    /// a missing translation links to its own language's pages, not its source's.
    /// Such a page needs every page's anchors to decide which fragments to keep.
    var retarget: ((String) -> String)?
    /// Leaves anchors in other pages to `Problems.completed(with:)`: a page can
    /// then be rendered before the other pages' headings are known.
    var defersAnchors = false

    struct Result: Sendable {
        var targets: [String: String] = [:]
        var problems = Problems()
    }

    /// A page's broken links, some possibly not checked yet.
    struct Problems: Sendable {
        var found: [Diagnostic] = []
        /// Fragments pointing into other pages, each with where its problem
        /// would go in `found`, to keep the links' order.
        var pendingAnchors: [(position: Int, location: SourceLocation, target: String, fragment: String)] = []

        /// Every problem, the pending anchors checked against `index`, which
        /// must know every page's anchors.
        func completed(with index: LinkIndex) -> [Diagnostic] {
            guard !pendingAnchors.isEmpty else { return found }
            var all: [Diagnostic] = []
            var pending = pendingAnchors[...]
            for position in 0...found.count {
                while let next = pending.first, next.position == position {
                    pending = pending.dropFirst()
                    if let anchors = index.anchors(of: next.target), !anchors.contains(next.fragment) {
                        all.append(LinkResolver.missingAnchor(next.fragment, in: next.target, anchors: anchors, at: next.location))
                    }
                }
                if position < found.count { all.append(found[position]) }
            }
            return all
        }
    }

    func resolve(_ page: Page, tree: MarkdownNode, headingIDs: Set<String>) -> Result {
        var result = Result()
        // Worked out once per page, not once per link.
        let origin = Origin(output: page.outputPath, outputFolder: SitePaths.folder(of: page.outputPath), sourceFolder: SitePaths.folder(of: page.sourcePath))
        for link in Self.links(in: tree) {
            let location = SourceLocation(file: page.sourcePath, line: link.line + page.bodyLineOffset, column: link.column)
            switch check(link.destination, from: origin, headingIDs: headingIDs) {
            case .external:
                break
            case .fine(let rewritten, let pendingAnchor):
                if rewritten != link.destination { result.targets[link.destination] = rewritten }
                if let (target, fragment) = pendingAnchor {
                    result.problems.pendingAnchors.append((result.problems.found.count, location, target, fragment))
                }
            case .broken(let id, let message, let hint):
                result.problems.found.append(.error(id: id, at: location, message, hint: hint))
            }
        }
        return result
    }

    private enum Outcome {
        case external
        /// The link as written in HTML, and the anchor to check later, if deferred.
        case fine(String, pendingAnchor: (target: String, fragment: String)? = nil)
        case broken(id: String, String, hint: String)
    }

    /// Where the page being checked sits: in the site, and in `Content/`.
    private struct Origin {
        var output: String
        var outputFolder: String
        var sourceFolder: String
    }

    static func missingAnchor(_ fragment: String, in target: String, anchors: Set<String>, at location: SourceLocation) -> Diagnostic {
        let (message, hint) = missingAnchor(fragment, in: target, anchors: anchors)
        return .error(id: "link.missing-anchor", at: location, message, hint: hint)
    }

    /// What a link to `#fragment` in `target` is told when `target` has only `anchors`,
    /// whether it is checked at once or after every page is rendered.
    private static func missingAnchor(_ fragment: String, in target: String, anchors: Set<String>) -> (message: String, hint: String) {
        ("\(target) has no anchor '#\(fragment)'", nearestAnchor(fragment, in: anchors))
    }

    private func check(_ destination: String, from origin: Origin, headingIDs: Set<String>) -> Outcome {
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") { return .external }
        let (path, fragment) = Self.split(destination)
        if path.isEmpty {
            guard let fragment, !headingIDs.contains(fragment) else { return .fine(destination) }
            return .broken(id: "link.missing-anchor", "no heading on this page has the anchor '#\(fragment)'", hint: Self.nearestAnchor(fragment, in: headingIDs))
        }

        let pageFolder = origin.outputFolder
        let targetOutput: String
        if path.hasSuffix(".md") {
            guard let source = SitePaths.normalize(path.hasPrefix("/") ? "Content" + path : origin.sourceFolder + "/" + path) else {
                return .broken(id: "link.leaves-site", "link to '\(path)' leaves the site", hint: "link to a page inside Content/")
            }
            if index.drafts.contains(source) {
                return .broken(id: "link.to-draft", "link to '\(path)' points to a draft, which is not published", hint: "remove 'draft: true' from \(source) or drop the link")
            }
            guard let output = index.outputBySource[source] else {
                return .broken(id: "link.missing-page", "link to '\(path)' has no target: \(source) does not exist", hint: "check the file name; links are relative to this page's folder")
            }
            targetOutput = output
        } else if path.hasSuffix(".html") || path.hasSuffix("/") {
            let joined = path.hasPrefix("/") ? String(path.dropFirst()) : pageFolder.isEmpty ? path : pageFolder + "/" + path
            guard var output = SitePaths.normalize(joined) else {
                return .broken(id: "link.leaves-site", "link to '\(path)' leaves the site", hint: "link to a page the site builds")
            }
            if path.hasSuffix("/") { output += output.isEmpty ? "index.html" : "/index.html" }
            guard index.hasOutput(output) else {
                // From a page in a folder, `return.html` means the folder's own: point at the language's.
                let language = pageFolder.split(separator: "/").first.map(String.init) ?? ""
                let inLanguage = "\(language)/\(output.split(separator: "/").last ?? "")"
                let hint = index.hasOutput(inLanguage)
                    ? "did you mean '\(SitePaths.relativePath(from: pageFolder, to: inLanguage))'? links are relative to this page's folder"
                    : "link to a page's .md file, or to checkout.html or return.html"
                return .broken(id: "link.missing-page", "link to '\(path)' has no target: the build writes no \(output)", hint: hint)
            }
            targetOutput = output
        } else {
            // An image or a download is never moved into another language:
            // a stand-in shows its source's image, from the source's folder.
            return checkFile(destination, path: path, from: origin)
        }

        guard let retarget else {
            let relative = SitePaths.relativePath(from: pageFolder, to: targetOutput)
            guard let fragment else { return .fine(relative) }
            if targetOutput == origin.output {
                guard headingIDs.contains(fragment) else {
                    let (message, hint) = Self.missingAnchor(fragment, in: targetOutput, anchors: headingIDs)
                    return .broken(id: "link.missing-anchor", message, hint: hint)
                }
            } else if defersAnchors {
                return .fine("\(relative)#\(fragment)", pendingAnchor: (targetOutput, fragment))
            } else if let anchors = index.anchors(of: targetOutput), !anchors.contains(fragment) {
                let (message, hint) = Self.missingAnchor(fragment, in: targetOutput, anchors: anchors)
                return .broken(id: "link.missing-anchor", message, hint: hint)
            }
            return .fine("\(relative)#\(fragment)")
        }
        // A stand-in's links were checked on its source; a translation's
        // headings have other anchors: keep the fragment only where it exists.
        let target = retarget(targetOutput)
        let keptFragment = target == targetOutput || index.anchors(of: target)?.contains(fragment ?? "") == true ? fragment : nil
        let relative = SitePaths.relativePath(from: pageFolder, to: target)
        return .fine(keptFragment.map { "\(relative)#\($0)" } ?? relative)
    }

    /// A file the page names: one copied from `Content/` (relative to the
    /// page's source, or from `Content/` when it starts with `/`), or one the
    /// build writes (`/client.js`). Its address is written relative to the page.
    private func checkFile(_ destination: String, path: String, from origin: Origin) -> Outcome {
        let file = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(file[0]).removingPercentEncoding ?? String(file[0])
        let absolute = name.hasPrefix("/")
        let source = SitePaths.normalize(absolute ? "Content" + name : origin.sourceFolder + "/" + name)
        guard let source, source.hasPrefix("Content/") else {
            return .broken(id: "link.leaves-site", "link to '\(path)' leaves the site", hint: "link to a file inside Content/, or to one the build writes")
        }
        let copied = index.filesBySource[source]
        let written = SitePaths.normalize(absolute ? name : origin.outputFolder + "/" + name).flatMap { index.hasOutput($0) ? $0 : nil }
        guard let output = copied ?? written else {
            let fileName = { (path: String) in String(path.split(separator: "/").last ?? "") }
            let siblings = index.filesBySource.keys.filter { SitePaths.folder(of: $0) == SitePaths.folder(of: source) }.map(fileName).sorted()
            let nearest = Suggestion.nearest(to: fileName(source), among: siblings)
            return .broken(id: "link.missing-file", "'\(path)' has no target: \(source) does not exist",
                           hint: nearest.map { "did you mean '\($0)'?" }
                               ?? "put the file beside the page, or in Content/\(ContentFiles.sharedFolder)/ for every language; paths are relative to the page's folder")
        }
        let relative = SitePaths.relativePath(from: origin.outputFolder, to: output)
        guard relative != name else { return .fine(destination) }
        let query = file.count > 1 ? "?" + file[1] : ""
        let fragment = Self.split(destination).fragment.map { "#" + $0 } ?? ""
        return .fine(relative + query + fragment)
    }

    private static func nearestAnchor(_ fragment: String, in anchors: Set<String>) -> String {
        if let nearest = Suggestion.nearest(to: fragment, among: anchors.sorted()) {
            return "did you mean '#\(nearest)'?"
        }
        return "anchors come from headings: lower case, without accents, words joined by '-'"
    }

    package struct Link {
        package var destination: String
        package var line: Int
        package var column: Int
    }

    package static func links(in node: MarkdownNode) -> [Link] {
        var links: [Link] = []
        collectLinks(in: node, into: &links)
        return links
    }

    private static func collectLinks(in node: MarkdownNode, into links: inout [Link]) {
        switch node.kind {
        case .link(let destination, _), .image(let destination, _):
            links.append(Link(destination: destination, line: node.line, column: node.column))
        default:
            break
        }
        for child in node.children { collectLinks(in: child, into: &links) }
    }

    // The helpers below work on UTF-8 bytes: every separator they look for
    // is ASCII, and Character-level searches cost more than the rest of a
    // link's check.

    static func hasScheme(_ destination: String) -> Bool {
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, isASCIILetter(first) else { return false }
        return scheme.allSatisfy { isASCIILetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.utf8.index(after: hash)...]))
    }
}
