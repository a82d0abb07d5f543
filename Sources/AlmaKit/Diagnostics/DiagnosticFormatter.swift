import Foundation

/// Prints diagnostics the way compilers do, so editors and terminals link
/// straight to the line: `file:line:col: error: message`.
public struct DiagnosticFormatter: Sendable {
    public init() {}

    public func text(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        var position = location.file
        if location.line > 0 {
            position += ":\(location.line)"
            if location.column > 0 { position += ":\(location.column)" }
        }
        var text = "\(position): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        if let hint = diagnostic.hint {
            text += "\n  hint: \(hint)"
        }
        return text
    }

    /// One JSON document for CI tools: `{"diagnostics": [...], "errors": N, "warnings": N}`.
    public func json(_ diagnostics: Diagnostics) -> String {
        struct Report: Encodable {
            let diagnostics: [Diagnostic]
            let errors: Int
            let warnings: Int
        }
        let report = Report(
            diagnostics: diagnostics.sorted,
            errors: diagnostics.errors.count,
            warnings: diagnostics.warnings.count
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
