import AlmaKitCore

/// The shared scanner for every language but HTML/XML. At each position it tries,
/// in order: comment, string, variable, number, word; anything else is plain text.
/// Each attempt looks ahead a bounded distance or consumes what it scans, so the
/// whole pass is linear. Unterminated strings and comments run to the end of the
/// input (or of the line, for single-line strings).
struct CodeScanner {
    /// A shell `$(…)` opened inside a string: code until its closing parenthesis,
    /// after which the string goes on.
    private struct Substitution {
        let string: HighlightLanguage.Delimited
        /// Parentheses opened inside the substitution and not yet closed.
        var depth = 0
    }

    private let language: HighlightLanguage
    private let source: HighlightSource
    private var writer: HighlightWriter
    private var position = 0
    /// Innermost last: `"$(date "+$(id)")"` nests two.
    private var substitutions: [Substitution] = []

    init(_ code: String, language: HighlightLanguage) {
        self.language = language
        source = HighlightSource(code)
        writer = HighlightWriter(source)
    }

    mutating func html() -> String {
        while position < source.count {
            if scanSubstitutionParenthesis() || scanComment() || scanString() || scanVariable() || scanNumber() || scanWord() { continue }
            let skipsTwo = language.backslashEscapesOutsideStrings && source[position] == "\\"
            position = min(position + (skipsTwo ? 2 : 1), source.count)
        }
        return writer.finish()
    }

    // MARK: Comments

    private mutating func scanComment() -> Bool {
        if lineCommentStarts() {
            let end = source.endOfLine(from: position)
            emit(.comment, upTo: end)
            return true
        }
        guard let block = language.blockComments.first(where: { source.matches($0.open, at: position) }) else {
            return false
        }
        let bodyStart = position + block.open.count
        let end = source.firstIndex(of: block.close, from: bodyStart).map { $0 + block.close.count } ?? source.count
        emit(.comment, upTo: end)
        return true
    }

    private func lineCommentStarts() -> Bool {
        guard language.lineComments.contains(where: { source.matches($0, at: position) }) else { return false }
        guard language.commentsNeedSpaceBefore, let previous = source[position - 1] else { return true }
        return previous.isWhitespace
    }

    // MARK: Command substitution

    /// Counts parentheses inside an open substitution; the one that closes it resumes
    /// the string the substitution was opened in.
    private mutating func scanSubstitutionParenthesis() -> Bool {
        guard let innermost = substitutions.indices.last else { return false }
        switch source[position] {
        case "(":
            substitutions[innermost].depth += 1
        case ")" where substitutions[innermost].depth > 0:
            substitutions[innermost].depth -= 1
        case ")":
            let string = substitutions.removeLast().string
            position += 1
            scanStringBody(string, pieceStart: position, from: position, resumed: true)
            return true
        default:
            return false
        }
        position += 1
        return true
    }

    // MARK: Strings

    /// A string opening at the current position; `prefixStart` is where a Python
    /// prefix such as `f` began, so it is coloured with the string.
    private mutating func scanString(prefixStart: Int? = nil) -> Bool {
        if language.quotesNeedBoundary, let previous = source[position - 1], Self.isWordBody(previous, words: language.words) { return false }
        guard let rule = language.strings.first(where: { source.matches($0.open, at: position) }) else { return false }
        scanStringBody(rule, pieceStart: prefixStart ?? position, from: position + rule.open.count, resumed: false)
        return true
    }

    /// Scans a string's text from `start` up to its closing marker. A command
    /// substitution inside ends the scan for now; `resumed` says the string was
    /// split that way before, so it cannot be a key.
    private mutating func scanStringBody(_ rule: HighlightLanguage.Delimited, pieceStart: Int, from start: Int, resumed: Bool) {
        var pieceStart = pieceStart
        var index = start
        var closed = false
        var inPieces = resumed
        while index < source.count {
            let scalar = source.scalars[index]
            if rule.escape == .backslash, scalar == "\\" {
                index += 2
                continue
            }
            if source.matches(rule.close, at: index) {
                if rule.escape == .doubledClose, source.matches(rule.close, at: index + rule.close.count) {
                    index += 2 * rule.close.count
                    continue
                }
                index += rule.close.count
                closed = true
                break
            }
            if !rule.multiline, scalar.isLineBreak { break }
            if rule.substitutesCommands, source.matches(Self.substitutionOpen, at: index) {
                writer.token(.string, pieceStart..<index)
                substitutions.append(Substitution(string: rule))
                position = index + Self.substitutionOpen.count
                return
            }
            // Interpolation splits the string into pieces around each variable,
            // so spans never nest.
            if rule.interpolates, let end = variableEnd(at: index) {
                writer.token(.string, pieceStart..<index)
                writer.token(.variable, index..<end)
                pieceStart = end
                index = end
                inPieces = true
                continue
            }
            index += 1
        }
        index = min(index, source.count)
        let isKey = closed && !inPieces && language.keysBeforeColon && colonFollows(index, needsSpaceAfter: false)
        writer.token(isKey ? .attribute : .string, pieceStart..<index)
        position = index
    }

    private static let substitutionOpen = Array("$(".unicodeScalars)

    // MARK: Variables

    private mutating func scanVariable() -> Bool {
        guard let end = variableEnd(at: position) else { return false }
        emit(.variable, upTo: end)
        return true
    }

    /// Where a variable starting at `index` ends, or nil when none starts there.
    private func variableEnd(at index: Int) -> Int? {
        switch language.variables {
        case .none:
            return nil
        case .php:
            guard source[index] == "$", let first = source[index + 1], Self.isIdentifierStart(first) else { return nil }
            return source.end(from: index + 1, while: Self.isIdentifierBody)
        case .ruby:
            guard source[index] == "@" else { return nil }
            let nameStart = source[index + 1] == "@" ? index + 2 : index + 1
            guard let first = source[nameStart], Self.isIdentifierStart(first) else { return nil }
            return source.end(from: nameStart, while: Self.isIdentifierBody)
        case .shell:
            guard source[index] == "$", let next = source[index + 1] else { return nil }
            if next == "{" {
                // `${…}` ends at its brace; an unclosed one at the end of the line.
                var end = index + 2
                while let scalar = source[end], scalar != "}", !scalar.isLineBreak { end += 1 }
                return source[end] == "}" ? end + 1 : end
            }
            if next == "_" || next.isASCIIAlphanumeric {
                return source.end(from: index + 1) { $0 == "_" || $0.isASCIIAlphanumeric }
            }
            return "@*#?$!-".unicodeScalars.contains(next) ? index + 2 : nil
        }
    }

    // MARK: Numbers

    /// Decimal, hex/binary/octal, floats and exponents, with `_` separators and any
    /// type suffix (`10L`, `1.5f`, `100n`). Words consume their own digits, so a digit
    /// seen here always starts a number.
    private mutating func scanNumber() -> Bool {
        guard let first = source[position], first.isASCIIDigit else { return false }
        let isDigitOrUnderscore: (Unicode.Scalar) -> Bool = { $0.isASCIIDigit || $0 == "_" }
        var index: Int
        if first == "0", let marker = source[position + 1], "xXbBoO".unicodeScalars.contains(marker),
           let digit = source[position + 2], digit.isHexDigit {
            index = source.end(from: position + 2) { $0.isHexDigit || $0 == "_" }
        } else {
            index = source.end(from: position, while: isDigitOrUnderscore)
            // `1.5` is a float, but `1..10` and `5.times` are not.
            if source[index] == ".", let next = source[index + 1], next.isASCIIDigit {
                index = source.end(from: index + 1, while: isDigitOrUnderscore)
            }
            if let e = source[index], e == "e" || e == "E" {
                let signed = source[index + 1] == "+" || source[index + 1] == "-"
                let digitIndex = index + (signed ? 2 : 1)
                if let digit = source[digitIndex], digit.isASCIIDigit {
                    index = source.end(from: digitIndex, while: isDigitOrUnderscore)
                }
            }
        }
        index = source.end(from: index) { $0 == "_" || $0.isASCIIAlphanumeric }
        emit(.number, upTo: index)
        return true
    }

    // MARK: Words

    private mutating func scanWord() -> Bool {
        let words = language.words
        guard let first = source[position], Self.isWordStart(first, words: words) else { return false }
        let start = position
        // Static predicates: a method of `self` passed as a closure would
        // copy the whole scanner, its arrays and strings, for every word.
        let wordEnd = source.end(from: position + 1) { Self.isWordBody($0, words: words) }
        let word = source.string(start..<wordEnd)
        // String prefixes (`r"`, `fr'`) are short: most words need no lowercasing.
        if wordEnd - start <= language.longestStringPrefix, language.stringPrefixes.contains(word.lowercased()),
           language.strings.contains(where: { source.matches($0.open, at: wordEnd) }) {
            position = wordEnd
            return scanString(prefixStart: start)
        }
        if language.keysBeforeColon, colonFollows(wordEnd, needsSpaceAfter: true) {
            emit(.attribute, upTo: wordEnd)
        } else if language.keywords.contains(word), source[start - 1] != "." {
            // After a `.` it is a member name (`obj.class`, `promise.then`), not a keyword.
            emit(.keyword, upTo: wordEnd)
        } else {
            position = wordEnd
        }
        return true
    }

    private static func isWordStart(_ scalar: Unicode.Scalar, words: HighlightLanguage.Words) -> Bool {
        switch words {
        case .identifier, .yaml: isIdentifierStart(scalar)
        case .shell: isWordBody(scalar, words: words) && !scalar.isASCIIDigit
        }
    }

    private static func isWordBody(_ scalar: Unicode.Scalar, words: HighlightLanguage.Words) -> Bool {
        switch words {
        case .identifier: isIdentifierBody(scalar)
        case .yaml: isIdentifierBody(scalar) || scalar == "-" || scalar == "." || scalar == "/"
        case .shell: !scalar.isWhitespace && !Self.endsShellWord(scalar)
        }
    }

    /// A switch, not `"|&;...".unicodeScalars.contains`: that decodes the
    /// string again for every character of every shell block (a tenth of
    /// the time spent highlighting).
    private static func endsShellWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "|", "&", ";", "(", ")", "<", ">", "\"", "'", "`", "$", "\\", "=": true
        default: false
        }
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isLetter || scalar == "_"
    }

    private static func isIdentifierBody(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isLetter || scalar == "_" || scalar.isASCIIDigit
    }

    /// Whether a `:` follows `index` after optional spaces. A bare word also needs
    /// whitespace (or the end) after the colon, so YAML's `url: https://x` has one key.
    private func colonFollows(_ index: Int, needsSpaceAfter: Bool) -> Bool {
        let colon = source.end(from: index) { $0 == " " || $0 == "\t" }
        guard source[colon] == ":" else { return false }
        guard needsSpaceAfter, let after = source[colon + 1] else { return true }
        return after.isWhitespace
    }

    // MARK: Helpers

    private mutating func emit(_ kind: HighlightTokenKind, upTo end: Int) {
        writer.token(kind, position..<end)
        position = end
    }

}
