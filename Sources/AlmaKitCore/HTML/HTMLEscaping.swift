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

    /// `text(_:)`, appended to `html` without an intermediate string.
    package static func appendText(_ string: String, to html: inout String) {
        escape(string, apostrophe: false, into: &html)
    }

    /// Most values have nothing to escape and come back as they are: no
    /// copy, and no check that the copy is valid UTF-8, which building the
    /// result from bytes asked for every value.
    private static func escape(_ string: String, apostrophe: Bool) -> String {
        guard string.utf8.contains(where: { entity(for: $0, apostrophe: apostrophe) != nil }) else { return string }
        var escaped = ""
        escaped.reserveCapacity(string.utf8.count + 32)
        escape(string, apostrophe: apostrophe, into: &escaped)
        return escaped
    }

    /// Works on UTF-8 code units: the five characters are ASCII, and no byte
    /// of a multi-byte UTF-8 sequence is ASCII, so this is escaping by
    /// scalar. The runs between special characters are appended whole, as
    /// slices of `string` that start and end beside an ASCII byte.
    private static func escape(_ string: String, apostrophe: Bool, into escaped: inout String) {
        var bytes = string
        bytes.withUTF8 { bytes in
            let utf8 = string.utf8
            // Offsets become indices in constant time: the string is native UTF-8 (`withUTF8`).
            func run(_ start: Int, _ end: Int) -> Substring {
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            var runStart = 0
            for index in bytes.indices {
                guard let replacement = entity(for: bytes[index], apostrophe: apostrophe) else { continue }
                escaped.append(contentsOf: run(runStart, index))
                escaped.append(replacement.description)
                runStart = index + 1
            }
            escaped.append(contentsOf: run(runStart, bytes.count))
        }
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
