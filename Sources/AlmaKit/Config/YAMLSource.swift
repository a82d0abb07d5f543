import Yams

/// Parses YAML text into a node tree that keeps positions, turning syntax
/// errors into diagnostics.
struct YAMLSource {
    let file: String
    /// Added to every line, for YAML that starts further down a file (front matter).
    var lineOffset = 0

    func parse(_ text: String, into diagnostics: inout Diagnostics) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(describe(error))
            return nil
        } catch {
            diagnostics.append(.error(at: SourceLocation(file: file), "cannot read YAML: \(error)"))
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

    private func describe(_ error: YamlError) -> Diagnostic {
        let hint = "check the indentation and quote values that contain ':' or '#'"
        switch error {
        case .scanner(_, let problem, let mark, _),
            .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .error(at: location(of: mark), "invalid YAML: \(problem)", hint: hint)
        case .reader(let problem, _, _, _):
            return .error(at: SourceLocation(file: file), "cannot read YAML: \(problem)", hint: "save the file as UTF-8")
        default:
            return .error(at: SourceLocation(file: file), "invalid YAML: \(error)", hint: hint)
        }
    }
}
