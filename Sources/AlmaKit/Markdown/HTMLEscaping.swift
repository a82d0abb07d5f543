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
    static func templateValue(_ string: String) -> String {
        escape(string, apostrophe: true)
    }

    /// Works on UTF-8 bytes: the five characters are ASCII, and no byte of a
    /// multi-byte UTF-8 sequence is ASCII, so this is escaping by scalar.
    private static func escape(_ string: String, apostrophe: Bool) -> String {
        var string = string
        return string.withUTF8 { bytes in
            func special(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "\"") || (apostrophe && byte == UInt8(ascii: "'"))
            }
            guard bytes.contains(where: special) else { return String(decoding: bytes, as: UTF8.self) }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'") where apostrophe: escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        }
    }

    /// Percent-encodes what may not stand in a URL and escapes `&` and `'`, as libcmark does.
    public static func href(_ url: String) -> String {
        var escaped = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped += "&amp;"
            case UInt8(ascii: "'"): escaped += "&#x27;"
            default:
                if hrefSafe.contains(byte) {
                    escaped.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    escaped += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
        }
        return escaped
    }

    private static let hrefSafe: Set<UInt8> = {
        var safe = Set<UInt8>()
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { safe.insert(byte) }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { safe.insert(byte) }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { safe.insert(byte) }
        for character in "-_.+!*(),%#@?=;:/$~" { safe.insert(character.asciiValue!) }
        return safe
    }()
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
