/// Checks the links of one page against the `LinkIndex` and works out what
/// each `.md` link becomes in the built site.
struct LinkResolver {
    let index: LinkIndex
    /// Moves a resolved target into another language: a page standing in for
    /// a missing translation links to its own language's pages, not its source's.
    var retarget: (String) -> String = { $0 }

    struct Result {
        var targets: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
    }

    func resolve(_ page: Page, tree: MarkdownNode, headingIDs: Set<String>) -> Result {
        var result = Result()
        // Worked out once per page, not once per link.
        let origin = Origin(outputFolder: Self.folder(of: page.outputPath), sourceFolder: Self.folder(of: page.sourcePath))
        for link in Self.links(in: tree) {
            let location = SourceLocation(file: page.sourcePath, line: link.line + page.bodyLineOffset, column: link.column)
            switch check(link.destination, from: origin, headingIDs: headingIDs) {
            case .external:
                break
            case .fine(let rewritten):
                if rewritten != link.destination { result.targets[link.destination] = rewritten }
            case .broken(let message, let hint):
                result.diagnostics.append(.error(at: location, message, hint: hint))
            }
        }
        return result
    }

    private enum Outcome {
        case external
        case fine(String)
        case broken(String, hint: String)
    }

    /// Where the page being checked sits: in the site, and in `Content/`.
    private struct Origin {
        var outputFolder: String
        var sourceFolder: String
    }

    private func check(_ destination: String, from origin: Origin, headingIDs: Set<String>) -> Outcome {
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") { return .external }
        let (path, fragment) = Self.split(destination)
        if path.isEmpty {
            guard let fragment, !headingIDs.contains(fragment) else { return .fine(destination) }
            return .broken("no heading on this page has the anchor '#\(fragment)'", hint: nearestAnchor(fragment, in: headingIDs))
        }

        let pageFolder = origin.outputFolder
        let targetOutput: String
        if path.hasSuffix(".md") {
            guard let source = Self.normalize(path.hasPrefix("/") ? "Content" + path : origin.sourceFolder + "/" + path) else {
                return .broken("link to '\(path)' leaves the site", hint: "link to a page inside Content/")
            }
            if index.drafts.contains(source) {
                return .broken("link to '\(path)' points to a draft, which is not published", hint: "remove 'draft: true' from \(source) or drop the link")
            }
            guard let output = index.outputBySource[source] else {
                return .broken("link to '\(path)' has no target: \(source) does not exist", hint: "check the file name; links are relative to this page's folder")
            }
            targetOutput = output
        } else if path.hasSuffix(".html") || path.hasSuffix("/") {
            let joined = path.hasPrefix("/") ? String(path.dropFirst()) : pageFolder.isEmpty ? path : pageFolder + "/" + path
            guard var output = Self.normalize(joined) else {
                return .broken("link to '\(path)' leaves the site", hint: "link to a page the site builds")
            }
            if path.hasSuffix("/") { output += output.isEmpty ? "index.html" : "/index.html" }
            guard index.hasOutput(output) else {
                return .broken("link to '\(path)' has no target: the build writes no \(output)", hint: "link to a page's .md file, or to checkout.html or return.html")
            }
            targetOutput = output
        } else {
            // Images and downloads are not checked here.
            return .external
        }

        if let fragment, let anchors = index.anchors(of: targetOutput), !anchors.contains(fragment) {
            return .broken("\(targetOutput) has no anchor '#\(fragment)'", hint: nearestAnchor(fragment, in: anchors))
        }
        let target = retarget(targetOutput)
        // A translation's headings have other anchors: keep the fragment only where it exists.
        let keptFragment = target == targetOutput || index.anchors(of: target)?.contains(fragment ?? "") == true ? fragment : nil
        let relative = Self.relativePath(from: pageFolder, to: target)
        return .fine(keptFragment.map { "\(relative)#\($0)" } ?? relative)
    }

    private func nearestAnchor(_ fragment: String, in anchors: Set<String>) -> String {
        if let nearest = Suggestion.nearest(to: fragment, among: anchors.sorted()) {
            return "did you mean '#\(nearest)'?"
        }
        return "anchors come from headings: lower case, without accents, words joined by '-'"
    }

    struct Link {
        var destination: String
        var line: Int
        var column: Int
    }

    static func links(in node: MarkdownNode) -> [Link] {
        var links: [Link] = []
        if case .link(let destination, _) = node.kind {
            links.append(Link(destination: destination, line: node.line, column: node.column))
        }
        for child in node.children { links += Self.links(in: child) }
        return links
    }

    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Resolves `.` and `..`; nil when the path climbs above its root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The relative URL from a page in `folder` to the site path `target`.
    static func relativePath(from folder: String, to target: String) -> String {
        // Most links stay in their folder's tree: no need to split anything.
        if !folder.isEmpty, target.hasPrefix(folder), target.utf8.dropFirst(folder.utf8.count).first == UInt8(ascii: "/") {
            let rest = target.utf8.dropFirst(folder.utf8.count + 1)
            if !rest.contains(UInt8(ascii: "/")) { return String(Substring(rest)) }
        }
        let from = folder.split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/")
    }
}
