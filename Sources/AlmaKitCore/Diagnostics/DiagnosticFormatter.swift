import Foundation

/// Prints diagnostics the way compilers do, so editors and terminals link
/// straight to the line: `file:line:col: error: message`.
public struct DiagnosticFormatter: Sendable {
    public init() {}

    /// - Parameter colored: ANSI colours for a terminal; never in a pipe or a file.
    public func text(_ diagnostic: Diagnostic, colored: Bool = false) -> String {
        let location = diagnostic.location
        var position = location.file
        if location.line > 0 {
            position += ":\(location.line)"
            if location.column > 0 { position += ":\(location.column)" }
        }
        let severity = diagnostic.severity.rawValue
        guard colored else {
            return "\(position): \(severity): \(diagnostic.message)" + (diagnostic.hint.map { "\n  hint: \($0)" } ?? "")
        }
        let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        let bold = "\u{1B}[1m", reset = "\u{1B}[0m"
        return "\(bold)\(position):\(reset) \(color)\(severity):\(reset) \(bold)\(diagnostic.message)\(reset)"
            + (diagnostic.hint.map { "\n  \u{1B}[36mhint:\(reset) \($0)" } ?? "")
    }

    /// GitHub Actions workflow commands, so that problems show inline on a
    /// pull request: `::error file=…,line=…,col=…,title=…::message`.
    public func github(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        var properties = ["file=\(Self.githubProperty(location.file))"]
        if location.line > 0 { properties.append("line=\(location.line)") }
        if location.column > 0 { properties.append("col=\(location.column)") }
        properties.append("title=\(Self.githubProperty("almakit \(diagnostic.severity.rawValue) [\(diagnostic.id)]"))")
        let message = diagnostic.message + (diagnostic.hint.map { "\nhint: \($0)" } ?? "")
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(Self.githubData(message))"
    }

    /// Escaping from GitHub's toolkit (`escapeData`, `escapeProperty`).
    static func githubData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func githubProperty(_ text: String) -> String {
        githubData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// One JSON document for CI tools: `{"diagnostics": [...], "errors": N, "warnings": N}`.
    /// Each location's `file` is absolute, with `project_file`, the path
    /// inside the project, beside it.
    public func json(_ diagnostics: Diagnostics, paths: DiagnosticPaths) -> String {
        struct Location: Encodable {
            let file: String
            let project_file: String
            let line: Int
            let column: Int
        }
        struct Item: Encodable {
            let id: String
            let location: Location
            let severity: Diagnostic.Severity
            let message: String
            let hint: String?
        }
        struct Report: Encodable {
            let diagnostics: [Item]
            let errors: Int
            let warnings: Int
        }
        let report = Report(
            diagnostics: diagnostics.sorted.map { diagnostic in
                let location = diagnostic.location
                return Item(
                    id: diagnostic.id,
                    location: Location(file: paths.absolute(location.file), project_file: location.file, line: location.line, column: location.column),
                    severity: diagnostic.severity, message: diagnostic.message, hint: diagnostic.hint)
            },
            errors: diagnostics.errors.count,
            warnings: diagnostics.warnings.count
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
