/// The problems of one run, in the order they were found.
public struct Diagnostics: Sendable, Equatable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf others: [Diagnostic]) {
        all.append(contentsOf: others)
    }

    /// Turns every warning into an error: `--strict`.
    public mutating func promoteWarnings() {
        all = all.map { diagnostic in
            var promoted = diagnostic
            promoted.severity = .error
            return promoted
        }
    }

    /// Sorted by file, then position, so output is stable across parallel runs.
    public var sorted: [Diagnostic] {
        all.sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.message)
                < ($1.location.file, $1.location.line, $1.location.column, $1.message)
        }
    }
}
