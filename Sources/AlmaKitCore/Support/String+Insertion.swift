import Foundation

extension String {
    /// `text` inserted right after the first occurrence of `marker`, found by
    /// bytes; the string as it is when `marker` is absent.
    package func inserting(_ text: String, afterFirst marker: String) -> String {
        var haystack = self, needle = marker
        // (The standard library's `firstRange(of:)` looks up generic metadata
        // under a lock on every call: it took a quarter of a build's time.)
        let end: Int? = haystack.withUTF8 { bytes in
            needle.withUTF8 { marker in
                guard let base = bytes.baseAddress, let first = marker.first, marker.count <= bytes.count else { return nil }
                var from = 0
                while from <= bytes.count - marker.count,
                      let hit = memchr(base + from, Int32(first), bytes.count - marker.count + 1 - from) {
                    let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + start, marker.baseAddress!, marker.count) == 0 { return start + marker.count }
                    from = start + 1
                }
                return nil
            }
        }
        guard let end else { return self }
        // `end` follows a whole marker, so it falls between scalars.
        let index = utf8.index(startIndex, offsetBy: end)
        return String(self[..<index]) + text + String(self[index...])
    }
}
