/// A short fingerprint of a page's text, written into its translations'
/// `translated_from` so that `almakit check` can tell when the source has
/// moved on. FNV-1a over what a translator translates (title, description,
/// body), line endings normalized: the same text gives the same hash on every
/// machine, and edits that need no translation (order, slug) change nothing.
public enum ContentHash {
    static let length = 12

    public static func of(_ page: Page) -> String {
        page.contentHash ?? of(text: [page.frontMatter.title, page.frontMatter.description, page.body].joined(separator: "\n"))
    }

    static func of(text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        // Files are read with "\r\n" already turned into "\n"; only text
        // from elsewhere pays for the replacement.
        let unix = text.containsUTF8(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        // Straight over the stored bytes when the string has them in one piece.
        if unix.utf8.withContiguousStorageIfAvailable(feed) == nil { feed(unix.utf8) }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(length))
    }

    static func isWellFormed(_ text: String) -> Bool {
        text.count == length && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
