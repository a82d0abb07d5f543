import AlmaKitCore

/// The tags of a Mustache template as a tree, with where each name is
/// written: what the template check walks. swift-mustache keeps its tokens
/// to itself, so this reads the text again; it runs on templates Mustache
/// has parsed already, and reads what it does not understand as text.
enum TemplateTag: Sendable {
    /// `{{name}}`, `{{{name}}}`, `{{&name}}`, or a transform's argument: `{{uppercased(name)}}`.
    case name(String, at: Position)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(String, at: Position, inverted: Bool, [TemplateTag])
    /// `{{> name}}`: another template, read with this one's context.
    case partial(String)
    /// `{{< name}}…{{/name}}`: another template, with the blocks defined inside in place of its own.
    case parent(String, blocks: [String: [TemplateTag]])
    /// `{{$name}}…{{/name}}` in a template a child may fill.
    case block(String, [TemplateTag])

    struct Position: Sendable {
        var line: Int
        var column: Int
    }

    /// The tags of `text`, in order, sections holding theirs.
    static func parse(_ text: String) -> [TemplateTag] {
        var scanner = Scanner(Array(text))
        return scanner.readTags(until: nil)
    }

    private struct Scanner {
        let characters: [Character]
        var index = 0
        var line = 1
        var column = 1
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]

        init(_ characters: [Character]) {
            self.characters = characters
        }

        /// Tags up to the `{{/closing}}` tag, or to the end of the text.
        mutating func readTags(until closing: String?) -> [TemplateTag] {
            var tags: [TemplateTag] = []
            while let position = nextTag() {
                let sigil = characters[index]
                switch sigil {
                case "!":
                    _ = content()
                case "=":
                    setDelimiters(content())
                case "%":
                    _ = content()
                case "/":
                    // A section's closing tag repeats its transforms: `{{/first(x)}}`.
                    let name = argument(of: trimmed(content().dropFirst()))
                    if name == closing { return tags }
                case "#", "^":
                    let name = argument(of: trimmed(content().dropFirst()))
                    let inner = readTags(until: name)
                    tags.append(.section(name, at: position, inverted: sigil == "^", inner))
                case ">":
                    tags.append(.partial(trimmed(content().dropFirst())))
                case "<":
                    let name = argument(of: trimmed(content().dropFirst()))
                    var blocks: [String: [TemplateTag]] = [:]
                    for case .block(let block, let inner) in readTags(until: name) { blocks[block] = inner }
                    tags.append(.parent(name, blocks: blocks))
                case "$":
                    let name = argument(of: trimmed(content().dropFirst()))
                    tags.append(.block(name, readTags(until: name)))
                case "{" where open == ["{", "{"]:
                    let name = argument(of: trimmed(content().dropFirst()))
                    if index < characters.count, characters[index] == "}" { advance() }
                    tags.append(.name(name, at: position))
                case "&":
                    tags.append(.name(argument(of: trimmed(content().dropFirst())), at: position))
                default:
                    tags.append(.name(argument(of: trimmed(content())), at: position))
                }
            }
            return tags
        }

        /// Moves past the next opening delimiter; the position of the tag, or nil at the end.
        mutating func nextTag() -> Position? {
            while index < characters.count {
                if matches(open) {
                    let position = Position(line: line, column: column)
                    for _ in open { advance() }
                    return index < characters.count ? position : nil
                }
                advance()
            }
            return nil
        }

        /// The tag's text up to its closing delimiter, which it moves past.
        mutating func content() -> Substring {
            var text: [Character] = []
            while index < characters.count, !matches(close) {
                text.append(characters[index])
                advance()
            }
            for _ in close where index < characters.count { advance() }
            return Substring(String(text))
        }

        mutating func setDelimiters(_ content: Substring) {
            let parts = content.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
            guard parts.count == 2 else { return }
            open = Array(parts[0])
            close = Array(parts[1])
        }

        func matches(_ delimiter: [Character]) -> Bool {
            index + delimiter.count <= characters.count && characters[index..<index + delimiter.count].elementsEqual(delimiter)
        }

        mutating func advance() {
            if characters[index] == "\n" || characters[index] == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }

        func trimmed(_ text: Substring) -> String {
            String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        }

        /// The name a transform reads: `title` in `uppercased(title)`, and in `a(b(title))`.
        func argument(of name: String) -> String {
            guard let open = name.lastIndex(of: "(") else { return name }
            return String(name[name.index(after: open)...].prefix { $0 != ")" })
        }
    }
}
