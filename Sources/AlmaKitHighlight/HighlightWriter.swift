import AlmaKitCore

/// Builds the highlighted HTML. Scanners report only their tokens, in order; whatever
/// lies between tokens is written as plain text. Every scalar of the source is thus
/// written exactly once, which is what makes the output round-trip to the input.
struct HighlightWriter {
    private let source: HighlightSource
    /// Everything before this index has been written.
    private var written = 0
    /// UTF-8; text is escaped straight into it, with no string per token.
    private var html: [UInt8] = []

    init(_ source: HighlightSource) {
        self.source = source
        html.reserveCapacity(source.count * 2)
    }

    mutating func token(_ kind: HighlightTokenKind, _ range: Range<Int>) {
        let range = clamped(range)
        guard !range.isEmpty else { return }
        writePlain(upTo: range.lowerBound)
        html.append(contentsOf: "<span class=\"tok-".utf8)
        html.append(contentsOf: kind.rawValue.utf8)
        html.append(contentsOf: "\">".utf8)
        source.appendUTF8(range, to: &html, escaping: true)
        html.append(contentsOf: "</span>".utf8)
        written = range.upperBound
    }

    /// Writes `fragment`, already highlighted HTML for `range` (a script inside HTML).
    mutating func embedded(_ fragment: String, covering range: Range<Int>) {
        let range = clamped(range)
        writePlain(upTo: range.lowerBound)
        html.append(contentsOf: fragment.utf8)
        written = range.upperBound
    }

    mutating func finish() -> String {
        writePlain(upTo: source.count)
        return String(decoding: html, as: UTF8.self)
    }

    private mutating func writePlain(upTo end: Int) {
        guard end > written else { return }
        source.appendUTF8(written..<end, to: &html, escaping: true)
        written = end
    }

    /// Scanners never go backwards; if one ever did, dropping the overlap keeps the
    /// output a faithful copy of the input instead of repeating text.
    private func clamped(_ range: Range<Int>) -> Range<Int> {
        assert(range.lowerBound >= written, "tokens must come in order")
        let lower = min(max(range.lowerBound, written), source.count)
        return lower..<min(max(range.upperBound, lower), source.count)
    }
}
