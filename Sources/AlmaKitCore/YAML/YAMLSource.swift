import Foundation
import Yams

/// Parses YAML text into a node tree that keeps positions, turning syntax
/// errors into diagnostics.
package struct YAMLSource {
    let file: String
    /// Added to every line, for YAML that starts further down a file (front matter).
    var lineOffset = 0

    package init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    package func parse(_ text: String, into diagnostics: inout Diagnostics) -> Node? {
        do {
            // UTF-8 named here: otherwise Yams reads the process environment
            // on every parse to choose, which costs more than a page's YAML.
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(describe(error, text: text))
            return nil
        } catch {
            diagnostics.append(.error(id: "yaml.unreadable", at: SourceLocation(file: file), "cannot read YAML: \(error)"))
            return nil
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return location(of: mark)
    }

    func location(of mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where `key` is written a second time at the indentation of its first
    /// appearance: Yams names a duplicate key but not its position.
    private func secondOccurrence(of key: String, in text: String) -> SourceLocation? {
        var firstIndent: Int?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            guard rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") else { continue }
            if let firstIndent {
                if indent == firstIndent { return SourceLocation(file: file, line: index + 1 + lineOffset, column: indent + 1) }
            } else {
                firstIndent = indent
            }
        }
        return nil
    }

    /// `name: 'L'Atelier'` ends the quoted text at the apostrophe: the error
    /// Yams gives says nothing of quotes. Looked for on the error's line and the one before.
    private func apostropheHint(near mark: Mark, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in [mark.line - 1, mark.line - 2] where lines.indices.contains(index) {
            let line = lines[index]
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("'"), value.filter({ $0 == "'" }).count > 2, !value.contains("''") {
                return "inside single quotes an apostrophe is written twice ('L''Atelier'); or quote the value with double quotes (\"L'Atelier\")"
            }
        }
        return nil
    }

    private func describe(_ error: YamlError, text: String) -> Diagnostic {
        let hint = "check the indentation and quote values that contain ':' or '#'"
        switch error {
        case .scanner(_, let problem, let mark, _),
            .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .error(id: "yaml.syntax", at: location(of: mark), "invalid YAML: \(problem)", hint: apostropheHint(near: mark, in: text) ?? hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let position = secondOccurrence(of: key, in: text) ?? location(of: context.mark)
            return .error(id: "yaml.duplicate-key", at: position, "the key '\(key)' appears twice in the same mapping",
                          hint: "keep one '\(key)'; YAML would silently use only one of them")
        case .reader(let problem, _, _, _):
            return .error(id: "yaml.unreadable", at: SourceLocation(file: file), "cannot read YAML: \(problem)", hint: "save the file as UTF-8")
        default:
            return .error(id: "yaml.syntax", at: SourceLocation(file: file), "invalid YAML: \(error)", hint: hint)
        }
    }
}
