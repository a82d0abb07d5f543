/// The shared scanner for every language but HTML/XML. At each position it tries,
/// in order: comment, string, variable, number, word; anything else is plain text.
/// Each attempt looks ahead a bounded distance or consumes what it scans, so the
/// whole pass is linear. Unterminated strings and comments run to the end of the
/// input (or of the line, for single-line strings).
struct CodeScanner {
    private let language: HighlightLanguage
    private let source: HighlightSource
    private var writer: HighlightWriter
    private var position = 0

    init(_ code: String, language: HighlightLanguage) {
        self.language = language
        source = HighlightSource(code)
        writer = HighlightWriter(source)
    }

    mutating func html() -> String {
        while position < source.count {
            if scanComment() || scanString() || scanVariable() || scanNumber() || scanWord() { continue }
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

    // MARK: Strings

    /// A string opening at the current position; `prefixStart` is where a Python
    /// prefix such as `f` began, so it is coloured with the string.
    private mutating func scanString(prefixStart: Int? = nil) -> Bool {
        if language.quotesNeedBoundary, let previous = source[position - 1], isWordBody(previous) { return false }
        guard let rule = language.strings.first(where: { source.matches($0.open, at: position) }) else { return false }
        var pieceStart = prefixStart ?? position
        var index = position + rule.open.count
        var closed = false
        var interpolated = false
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
            // Interpolation splits the string into pieces around each variable,
            // so spans never nest.
            if rule.interpolates, let end = variableEnd(at: index) {
                writer.token(.string, pieceStart..<index)
                writer.token(.variable, index..<end)
                pieceStart = end
                index = end
                interpolated = true
                continue
            }
            index += 1
        }
        index = min(index, source.count)
        let isKey = closed && !interpolated && language.keysBeforeColon && colonFollows(index, needsSpaceAfter: false)
        writer.token(isKey ? .attribute : .string, pieceStart..<index)
        position = index
        return true
    }

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
            guard source[index] == "$", let first = source[index + 1], isIdentifierStart(first) else { return nil }
            return source.end(from: index + 1, while: isIdentifierBody)
        case .ruby:
            guard source[index] == "@" else { return nil }
            let nameStart = source[index + 1] == "@" ? index + 2 : index + 1
            guard let first = source[nameStart], isIdentifierStart(first) else { return nil }
            return source.end(from: nameStart, while: isIdentifierBody)
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
        guard let first = source[position], isWordStart(first) else { return false }
        let start = position
        let wordEnd = source.end(from: position + 1, while: isWordBody)
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

    private func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
        switch language.words {
        case .identifier, .yaml: isIdentifierStart(scalar)
        case .shell: isWordBody(scalar) && !scalar.isASCIIDigit
        }
    }

    private func isWordBody(_ scalar: Unicode.Scalar) -> Bool {
        switch language.words {
        case .identifier: isIdentifierBody(scalar)
        case .yaml: isIdentifierBody(scalar) || scalar == "-" || scalar == "." || scalar == "/"
        case .shell: !scalar.isWhitespace && !"|&;()<>\"'`$\\=".unicodeScalars.contains(scalar)
        }
    }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isLetter || scalar == "_"
    }

    private func isIdentifierBody(_ scalar: Unicode.Scalar) -> Bool {
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
