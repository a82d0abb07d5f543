import AlmaKitCore

/// The scanner for HTML and XML, whose grammar is about tags rather than tokens:
/// comments, tag names, attribute names and values; text between tags stays plain.
/// The body of a `<script>` is highlighted as JavaScript, and a `<style>` body is
/// left alone so a `<` in it cannot start a tag.
struct MarkupScanner {
    private let source: HighlightSource
    private var writer: HighlightWriter
    private var position = 0

    private static let commentOpen = Array("<!--".unicodeScalars)
    private static let commentClose = Array("-->".unicodeScalars)

    init(_ code: String) {
        source = HighlightSource(code)
        writer = HighlightWriter(source)
    }

    mutating func html() -> String {
        while position < source.count {
            if source.matches(Self.commentOpen, at: position) {
                let bodyStart = position + Self.commentOpen.count
                let end = source.firstIndex(of: Self.commentClose, from: bodyStart).map { $0 + Self.commentClose.count }
                emit(.comment, upTo: end ?? source.count)
            } else if let nameStart = tagNameStart() {
                scanTag(nameStart: nameStart)
            } else {
                position += 1
            }
        }
        return writer.finish()
    }

    /// Where the name starts if a tag opens here: `<a`, `</a`, `<!DOCTYPE`, `<?xml`.
    /// A `<` not followed by a letter (`a < b`) is text.
    private func tagNameStart() -> Int? {
        guard source[position] == "<" else { return nil }
        var nameStart = position + 1
        if let marker = source[nameStart], "/!?".unicodeScalars.contains(marker) { nameStart += 1 }
        guard let first = source[nameStart], first.isLetter else { return nil }
        return nameStart
    }

    private mutating func scanTag(nameStart: Int) {
        let isClosingTag = source[position + 1] == "/"
        position = nameStart
        let nameEnd = source.end(from: nameStart, while: isNameBody)
        let name = source.string(nameStart..<nameEnd).lowercased()
        emit(.tag, upTo: nameEnd)
        while let scalar = source[position] {
            if scalar == ">" {
                let selfClosing = source[position - 1] == "/"
                position += 1
                if !isClosingTag, !selfClosing, name == "script" || name == "style" { scanRawText(closingTag: name) }
                return
            } else if scalar == "\"" || scalar == "'" {
                let close = source.firstIndex(of: [scalar], from: position + 1).map { $0 + 1 }
                emit(.string, upTo: close ?? source.count)
            } else if scalar == "=" {
                position += 1
                scanUnquotedValue()
            } else if isNameBody(scalar) || scalar == "@" {
                emit(.attribute, upTo: source.end(from: position + 1) { isNameBody($0) || $0 == "@" })
            } else {
                position += 1
            }
        }
    }

    /// `name=value` without quotes: the value runs to whitespace or `>`.
    private mutating func scanUnquotedValue() {
        position = source.end(from: position) { $0 == " " || $0 == "\t" }
        guard let first = source[position], first != "\"", first != "'", first != ">", !first.isWhitespace else { return }
        emit(.string, upTo: source.end(from: position) { !$0.isWhitespace && $0 != ">" })
    }

    /// A script or style body, which in HTML ends only at its closing tag.
    private mutating func scanRawText(closingTag name: String) {
        let closing = Array("</\(name)".unicodeScalars)
        let end = source.firstIndex(of: closing, from: position, ignoringCase: true) ?? source.count
        if name == "script", end > position,
           let script = SyntaxHighlighter.highlight(source.string(position..<end), language: "javascript") {
            writer.embedded(script, covering: position..<end)
        }
        position = end
    }

    private func isNameBody(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isLetter || scalar.isASCIIDigit || "-_:.".unicodeScalars.contains(scalar)
    }

    private mutating func emit(_ kind: HighlightTokenKind, upTo end: Int) {
        writer.token(kind, position..<end)
        position = end
    }

}
