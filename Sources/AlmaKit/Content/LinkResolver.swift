/// Checks the links of one page against the `LinkIndex` and works out what
/// each `.md` link becomes in the built site.
struct LinkResolver {
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
        let origin = Origin(output: page.outputPath, outputFolder: Self.folder(of: page.outputPath), sourceFolder: Self.folder(of: page.sourcePath))
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
            guard let source = Self.normalize(path.hasPrefix("/") ? "Content" + path : origin.sourceFolder + "/" + path) else {
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
            guard var output = Self.normalize(joined) else {
                return .broken(id: "link.leaves-site", "link to '\(path)' leaves the site", hint: "link to a page the site builds")
            }
            if path.hasSuffix("/") { output += output.isEmpty ? "index.html" : "/index.html" }
            guard index.hasOutput(output) else {
                // From a page in a folder, `return.html` means the folder's own: point at the language's.
                let language = pageFolder.split(separator: "/").first.map(String.init) ?? ""
                let inLanguage = "\(language)/\(output.split(separator: "/").last ?? "")"
                let hint = index.hasOutput(inLanguage)
                    ? "did you mean '\(Self.relativePath(from: pageFolder, to: inLanguage))'? links are relative to this page's folder"
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
            let relative = Self.relativePath(from: pageFolder, to: targetOutput)
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
        let relative = Self.relativePath(from: pageFolder, to: target)
        return .fine(keptFragment.map { "\(relative)#\($0)" } ?? relative)
    }

    /// A file the page names: one copied from `Content/` (relative to the
    /// page's source, or from `Content/` when it starts with `/`), or one the
    /// build writes (`/client.js`). Its address is written relative to the page.
    private func checkFile(_ destination: String, path: String, from origin: Origin) -> Outcome {
        let file = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(file[0]).removingPercentEncoding ?? String(file[0])
        let absolute = name.hasPrefix("/")
        let source = Self.normalize(absolute ? "Content" + name : origin.sourceFolder + "/" + name)
        guard let source, source.hasPrefix("Content/") else {
            return .broken(id: "link.leaves-site", "link to '\(path)' leaves the site", hint: "link to a file inside Content/, or to one the build writes")
        }
        let copied = index.filesBySource[source]
        let written = Self.normalize(absolute ? name : origin.outputFolder + "/" + name).flatMap { index.hasOutput($0) ? $0 : nil }
        guard let output = copied ?? written else {
            let fileName = { (path: String) in String(path.split(separator: "/").last ?? "") }
            let siblings = index.filesBySource.keys.filter { Self.folder(of: $0) == Self.folder(of: source) }.map(fileName).sorted()
            let nearest = Suggestion.nearest(to: fileName(source), among: siblings)
            return .broken(id: "link.missing-file", "'\(path)' has no target: \(source) does not exist",
                           hint: nearest.map { "did you mean '\($0)'?" }
                               ?? "put the file beside the page, or in Content/\(ContentFiles.sharedFolder)/ for every language; paths are relative to the page's folder")
        }
        let relative = Self.relativePath(from: origin.outputFolder, to: output)
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

    struct Link {
        var destination: String
        var line: Int
        var column: Int
    }

    static func links(in node: MarkdownNode) -> [Link] {
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

    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    private static let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")

    /// Resolves `.` and `..`; nil when the path climbs above its root.
    /// Empty segments (`a//b`, a leading or trailing `/`) are dropped.
    static func normalize(_ path: String) -> String? {
        let bytes = Array(path.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        // Where each kept segment starts in `output`, for `..` to drop it.
        var starts: [Int] = []
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != slash { end += 1 }
            let length = end - index
            if length == 2, bytes[index] == dot, bytes[index + 1] == dot {
                guard let last = starts.popLast() else { return nil }
                output.removeSubrange(max(last - 1, 0)...)
            } else if length > 0, !(length == 1 && bytes[index] == dot) {
                if !output.isEmpty { output.append(slash) }
                starts.append(output.count)
                output.append(contentsOf: bytes[index..<end])
            }
            index = end + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The relative URL from a page in `folder` to the site path `target`
    /// (both normalized): `..` for each of the folder's segments that the
    /// target's folders do not share, then the rest of the target.
    static func relativePath(from folder: String, to target: String) -> String {
        let from = Array(folder.utf8), to = Array(target.utf8)
        // Shared leading segments sit at the same offsets in both paths. A
        // target's segment counts only when a `/` follows: its file is never shared.
        var shared = 0, rest = 0
        while shared < from.count {
            let start = shared == 0 ? 0 : shared + 1
            var end = start
            while end < from.count, from[end] != slash { end += 1 }
            guard end < to.count, to[end] == slash, from[start..<end] == to[start..<end] else { break }
            shared = end
            rest = end + 1
        }
        let unshared = shared == 0 ? from[...] : from[min(shared + 1, from.count)...]
        let ups = unshared.isEmpty ? 0 : 1 + unshared.lazy.filter { $0 == slash }.count
        var output: [UInt8] = []
        output.reserveCapacity(ups * 3 + to.count - rest)
        for _ in 0..<ups { output.append(contentsOf: "../".utf8) }
        output.append(contentsOf: to[rest...])
        return String(decoding: output, as: UTF8.self)
    }
}
