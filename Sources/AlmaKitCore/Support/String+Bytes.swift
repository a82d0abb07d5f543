import Foundation

extension String {
    /// Whether the text's UTF-8 holds `byte`. Native strings are searched
    /// with memchr, many times faster than a generic `contains` over `utf8`,
    /// which every page's text goes through.
    package func containsUTF8(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        } ?? utf8.contains(byte)
    }

    /// The text with Windows line endings read as Unix ones: "\r\n" is one
    /// Swift Character, so splitting on "\n" would not see those lines. Text
    /// without a "\r" pays for nothing but the search.
    package var withUnixLineEndings: String {
        containsUTF8(UInt8(ascii: "\r")) ? replacingOccurrences(of: "\r\n", with: "\n") : self
    }

    /// Whether `byte` appears twice in a row, as in `{{`.
    package func containsUTF8Twice(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            var from = 0
            while from < bytes.count - 1, let hit = memchr(base + from, Int32(byte), bytes.count - from) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if index + 1 < bytes.count, bytes[index + 1] == byte { return true }
                from = index + 1
            }
            return false
        } ?? zip(utf8, utf8.dropFirst()).contains { $0 == byte && $1 == byte }
    }
}
