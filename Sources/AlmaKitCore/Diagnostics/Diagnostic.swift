/// A problem found in a project, collected rather than thrown so that one
/// bad page never hides the next.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// What kind of problem this is, stable across wordings and languages
    /// (`config.merchant.amount.out-of-range`): what CI annotations and
    /// tests match, while the message is free to improve.
    public var id: String
    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// - Parameters:
    ///   - severity: errors stop the build, warnings do not.
    ///   - id: the kind of problem, dot-separated from the general to the particular.
    ///   - location: where the problem is.
    ///   - message: what is wrong, in one sentence.
    ///   - hint: how to fix it.
    public init(_ severity: Severity, id: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.id = id
        self.location = location
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public static func error(id: String, at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, id: id, at: location, message, hint: hint)
    }

    public static func warning(id: String, at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, id: id, at: location, message, hint: hint)
    }

    /// `text` with control characters written as `\u{…}`, to quote a bad
    /// value without letting it break the terminal line it is printed on.
    public static func printable(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }
}
