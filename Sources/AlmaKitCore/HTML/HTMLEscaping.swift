/// Escaping for text and attribute values in HTML, and for URLs in `href`.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"`, which is enough for text and double-quoted attributes.
    /// It works on Unicode scalars, not characters: a `"` followed by a
    /// combining mark is one Swift `Character` but still ends an attribute
    /// for an HTML parser.
    public static func text(_ string: String) -> String {
        escape(string, apostrophe: false)
    }

    /// `text(_:)` plus `'`: what Mustache's `{{value}}` writes, safe in either kind of quotes.
    package static func templateValue(_ string: String) -> String {
        escape(string, apostrophe: true)
    }

    /// `text(_:)`, appended to UTF-8 `bytes` without an intermediate string.
    package static func appendText(_ string: String, to bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { escape($0, apostrophe: false, into: &bytes) }
    }

    /// Most values have nothing to escape: they come back as they are, with
    /// no copy and no check that a copy is valid UTF-8.
    private static func escape(_ string: String, apostrophe: Bool) -> String {
        var string = string
        let escaped: String? = string.withUTF8 { bytes in
            guard bytes.contains(where: { entity(for: $0, apostrophe: apostrophe) != nil }) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 32)
            escape(bytes, apostrophe: apostrophe, into: &escaped)
            return String(decoding: escaped, as: UTF8.self)
        }
        return escaped ?? string
    }

    /// Works on UTF-8 bytes: the five characters are ASCII, and no byte of a
    /// multi-byte UTF-8 sequence is ASCII, so this is escaping by scalar.
    /// Runs without a special character are copied whole.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, apostrophe: Bool, into escaped: inout [UInt8]) {
        var runStart = 0
        for (index, byte) in bytes.enumerated() {
            guard let replacement = entity(for: byte, apostrophe: apostrophe) else { continue }
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            escaped.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
        }
        escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// What an ASCII byte is written as in HTML text, when it is one of the
    /// characters escaped; nil for any other byte.
    package static func entity(for byte: UInt8, apostrophe: Bool) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'") where apostrophe: "&#39;"
        default: nil
        }
    }

    /// Percent-encodes what may not stand in a URL and escapes `&` and `'`, as libcmark does.
    public static func href(_ url: String) -> String {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(url.utf8.count + 8)
        let hexDigits = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "'"): escaped.append(contentsOf: "&#x27;".utf8)
            default:
                if hrefSafe[Int(byte)] {
                    escaped.append(byte)
                } else {
                    escaped.append(contentsOf: [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
                }
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Whether each byte may stand as it is in a URL, by its value.
    private static let hrefSafe: [Bool] = {
        var safe = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { safe[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { safe[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { safe[Int(byte)] = true }
        for byte in "-_.+!*(),%#@?=;:/$~".utf8 { safe[Int(byte)] = true }
        return safe
    }()
}
