/// A fenced code block whose info string is `almakit snippet NAME`: the guide
/// asks for a piece of the generated servers instead of showing its own code.
enum SnippetBlock {
    static let prefix = ["almakit", "snippet"]

    /// The snippet name, or nil when the info string is an ordinary one.
    /// An `almakit snippet` block without a name gives "".
    static func name(inInfo info: String) -> String? {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.starts(with: prefix) else { return nil }
        return words.count > 2 ? words[2] : ""
    }

    /// Every snippet block in a tree, with its position.
    static func blocks(in document: MarkdownNode) -> [(name: String, line: Int, column: Int)] {
        var found: [(name: String, line: Int, column: Int)] = []
        document.forEachBlock { block in
            if case .codeBlock(let info, _) = block.kind, let name = name(inInfo: info) {
                found.append((name, block.line, block.column))
            }
        }
        return found
    }
}
