import AlmaKitCore

/// What the shared `CodeScanner` needs to know about one language. Each field
/// switches on one small, separate rule; the languages themselves are in
/// HighlightLanguages.swift.
struct HighlightLanguage: Sendable {
    /// A run of text between an opening and a closing marker: a string or a block comment.
    struct Delimited: Sendable {
        enum Escape: Sendable {
            case none
            /// `\x` never ends the run.
            case backslash
            /// The closing marker written twice stands for itself (`''` in YAML, `""` in C# `@"…"`).
            case doubledClose
        }

        let open: [Unicode.Scalar]
        let close: [Unicode.Scalar]
        let escape: Escape
        /// When false, a line break ends the run even without its closing marker, so one
        /// stray quote in JavaScript colours a line, not the rest of the block.
        let multiline: Bool
        /// Whether `$variables` inside are highlighted as variables (shell and PHP "…").
        let interpolates: Bool
        /// Whether `$(…)` inside is a command, scanned as code with strings of its own
        /// (shell "…"), so that `"$(curl -d "a=1")"` is not read as two strings.
        let substitutesCommands: Bool

        init(_ open: String, _ close: String? = nil, escape: Escape = .backslash,
             multiline: Bool = false, interpolates: Bool = false, substitutesCommands: Bool = false) {
            self.open = Array(open.unicodeScalars)
            self.close = Array((close ?? open).unicodeScalars)
            self.escape = escape
            self.multiline = multiline
            self.interpolates = interpolates
            self.substitutesCommands = substitutesCommands
        }

        static func blockComment(_ open: String, _ close: String) -> Delimited {
            Delimited(open, close, escape: .none, multiline: true)
        }
    }

    /// Which scalars make up a word (a keyword, identifier or key).
    enum Words: Sendable {
        /// Letters, digits and `_`, not starting with a digit.
        case identifier
        /// Anything up to a shell metacharacter, so `--data-raw`, `./done.sh` or a URL
        /// are single words and never mistaken for keywords.
        case shell
        /// Identifiers plus `-`, `.` and `/`, as in `api-version:` or `stripe.key:`.
        case yaml
    }

    /// How the language marks variables.
    enum Variables: Sendable {
        case none
        /// `$name`, `${…}`, `$1`, `$?` and the other special parameters.
        case shell
        /// `$name`
        case php
        /// `@name` and `@@name`
        case ruby
    }

    let keywords: Set<String>
    let lineComments: [[Unicode.Scalar]]
    let blockComments: [Delimited]
    /// Longest opening marker first, so `"""` wins over `"` and `@"` over `@`.
    let strings: [Delimited]
    /// Words (lower case; matched ignoring case) that belong to a string opening right
    /// after them: Python's `f"…"`, `Rb'…'`.
    let stringPrefixes: Set<String>
    /// The length of the longest of `stringPrefixes`, 0 when there are none.
    let longestStringPrefix: Int
    let words: Words
    let variables: Variables
    /// A line comment marker counts only at the start of a line or after whitespace
    /// (`#` in shell and YAML, where `a#b` or `url#frag` is not a comment).
    let commentsNeedSpaceBefore: Bool
    /// A quote opens a string only when not right after a letter or digit, so that
    /// YAML's `title: it's fine` is plain text rather than an endless string.
    let quotesNeedBoundary: Bool
    /// A word or string followed by `:` is a key (YAML, JSON).
    let keysBeforeColon: Bool
    /// `\x` outside strings is literal (shell), so `\"` does not open a string.
    let backslashEscapesOutsideStrings: Bool

    init(keywords: String,
         lineComments: [String] = [],
         blockComments: [Delimited] = [],
         strings: [Delimited] = [],
         stringPrefixes: String = "",
         words: Words = .identifier,
         variables: Variables = .none,
         commentsNeedSpaceBefore: Bool = false,
         quotesNeedBoundary: Bool = false,
         keysBeforeColon: Bool = false,
         backslashEscapesOutsideStrings: Bool = false) {
        self.keywords = Set(keywords.split(whereSeparator: \.isWhitespace).map(String.init))
        self.lineComments = lineComments.map { Array($0.unicodeScalars) }
        self.blockComments = blockComments
        self.strings = strings.sorted { $0.open.count > $1.open.count }
        self.stringPrefixes = Set(stringPrefixes.split(whereSeparator: \.isWhitespace).map(String.init))
        longestStringPrefix = self.stringPrefixes.map(\.count).max() ?? 0
        self.words = words
        self.variables = variables
        self.commentsNeedSpaceBefore = commentsNeedSpaceBefore
        self.quotesNeedBoundary = quotesNeedBoundary
        self.keysBeforeColon = keysBeforeColon
        self.backslashEscapesOutsideStrings = backslashEscapesOutsideStrings
    }
}
