import AlmaKitCore

/// A short fingerprint of a page's text, written into its translations'
/// `translated_from` so that `almakit check` can tell when the source has
/// moved on. FNV-1a over what a translator translates (title, description,
/// body), line endings normalized: the same text gives the same hash on every
/// machine, and edits that need no translation (order, slug) change nothing.
public enum ContentHash {
    static let length = 12

    public static func of(_ page: Page) -> String {
        page.contentHash ?? of(parts: [page.frontMatter.title, page.frontMatter.description, page.body])
    }

    /// The hash of `parts` joined by newlines, without copying them into one string.
    static func of(parts: [String]) -> String {
        // A "\r" could pair with a joining "\n": normalize the joined text then.
        if parts.contains(where: { $0.containsUTF8(UInt8(ascii: "\r")) }) { return of(text: parts.joined(separator: "\n")) }
        var hash = FNV1a()
        for (position, part) in parts.enumerated() {
            if position > 0 { hash.feed(CollectionOfOne(UInt8(ascii: "\n"))) }
            hash.feed(part)
        }
        return hash.hex
    }

    static func of(text: String) -> String {
        // Files are read with "\r\n" already turned into "\n"; only text
        // from elsewhere pays for the replacement.
        let unix = text.withUnixLineEndings
        var hash = FNV1a()
        hash.feed(unix)
        return hash.hex
    }

    private struct FNV1a {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01b3
            }
        }

        /// Straight over the stored bytes when the string has them in one piece.
        mutating func feed(_ text: String) {
            if text.utf8.withContiguousStorageIfAvailable({ feed($0) }) == nil { feed(text.utf8) }
        }

        var hex: String {
            let hex = String(value, radix: 16)
            return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(length))
        }
    }

    static func isWellFormed(_ text: String) -> Bool {
        text.count == length && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
