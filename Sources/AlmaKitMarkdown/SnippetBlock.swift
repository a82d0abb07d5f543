import AlmaKitCore
import Foundation

/// A fenced code block whose info string is `almakit snippet NAME`: the guide
/// asks for a piece of the generated servers instead of showing its own code.
package enum SnippetBlock {
    static let prefix = ["almakit", "snippet"]

    /// The snippet name, or nil when the info string is an ordinary one.
    /// An `almakit snippet` block without a name gives "".
    package static func name(inInfo info: String) -> String? {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.starts(with: prefix) else { return nil }
        return words.count > 2 ? words[2] : ""
    }

    /// Code blocks whose info string looks like a snippet request but is not
    /// one (`almakit-snippet webhook`, `almakit snipet webhook`): their first
    /// word starts with `almakit`, or is `almakit` followed by a near miss.
    package static func misspelt(in document: MarkdownNode) -> [(info: String, line: Int, column: Int)] {
        var found: [(info: String, line: Int, column: Int)] = []
        document.forEachBlock { block in
            guard case .codeBlock(let info, _) = block.kind, name(inInfo: info) == nil else { return }
            let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
            guard let first = words.first, first.hasPrefix(prefix[0]) else { return }
            found.append((info.trimmingCharacters(in: .whitespaces), block.line, block.column))
        }
        return found
    }

    /// Every snippet block in a tree, with its position.
    package static func blocks(in document: MarkdownNode) -> [(name: String, line: Int, column: Int)] {
        var found: [(name: String, line: Int, column: Int)] = []
        document.forEachBlock { block in
            if case .codeBlock(let info, _) = block.kind, let name = name(inInfo: info) {
                found.append((name, block.line, block.column))
            }
        }
        return found
    }
}
