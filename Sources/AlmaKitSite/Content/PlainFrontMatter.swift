/// Front matter written as plain `key: value` lines, read without Yams.
///
/// Nearly every page's front matter is a few such lines, and composing them
/// with Yams (parser, node tree, tags, duplicate check) cost about as much
/// as rendering the page's templates. This reads them directly, but only
/// where the answer is certainly the one Yams gives: each line a known key
/// at the start of the line, a colon, spaces and a one-line plain value
/// (no quotes, no indicator first, no `: ` or ` #` inside); blank lines and
/// whole-line comments. Anything else returns nil and the page is read by
/// Yams, which reports what there is to report: the fast path never makes a
/// diagnostic of its own (see `FrontMatterReader.readPlain`).
/// `PlainFrontMatterTests` checks it against Yams, positions included.
struct PlainFrontMatter {
    /// A value as Yams would give it: its text, and its mark (1-based line
    /// in the YAML, 1-based column in Unicode scalars).
    struct Value: Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    /// The values by key; nil when the YAML is not of the plain form above.
    static func values(_ yaml: String, keys: [String]) -> [String: Value]? {
        var yaml = yaml
        return yaml.withUTF8 { values(in: $0, keys: keys) }
    }

    private static func values(in bytes: UnsafeBufferPointer<UInt8>, keys: [String]) -> [String: Value]? {
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        var values: [String: Value] = [:]
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            lineNumber += 1
            guard readLine(bytes, start, end, lineNumber, keys, &values) else { return nil }
            start = end + 1
        }
        // No key at all: Yams reports an empty front matter.
        return values.isEmpty ? nil : values
    }

    /// One line: blank, a comment, or `key: value`. False when it is none of them.
    private static func readLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ lineNumber: Int,
                                 _ keys: [String], _ values: inout [String: Value]) -> Bool {
        var index = start
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        if index == end { return true }
        // A comment only at the line's start: an indented line may continue the value above.
        if bytes[start] == UInt8(ascii: "#") { return true }
        guard index == start else { return false }

        while index < end, isKeyByte(bytes[index]) { index += 1 }
        let keyEnd = index
        // `key:` then a space: `key:value` is one scalar, and `key:` alone a null.
        guard keyEnd > start, keyEnd + 1 < end, bytes[keyEnd] == UInt8(ascii: ":"), bytes[keyEnd + 1] == UInt8(ascii: " ") else { return false }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<keyEnd]), as: UTF8.self)
        // An unknown or repeated key is Yams's and `YAMLMapping`'s to report.
        guard keys.contains(key), values[key] == nil else { return false }

        index = keyEnd + 1
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        var valueEnd = end
        while valueEnd > index, bytes[valueEnd - 1] == UInt8(ascii: " ") { valueEnd -= 1 }
        guard valueEnd > index, isPlainValue(bytes, index, valueEnd) else { return false }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<valueEnd]), as: UTF8.self)
        // YAML's spellings of null: a required key would be missing, an optional one absent.
        guard !["~", "null", "Null", "NULL"].contains(text) else { return false }
        // Everything before the value is ASCII: its column is its byte offset.
        values[key] = Value(text: text, line: lineNumber, column: index - start + 1)
        return true
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// A plain scalar that ends on its line and means its own text: no
    /// indicator first (quotes, `-`, `[`, `&`, `!`, `|`, `>`...), no `: ` or
    /// final `:` (a mapping), no ` #` (a comment).
    private static func isPlainValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        if "-?:,[]{}#&*!|>'\"%@`".utf8.contains(bytes[start]) { return false }
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: ":"):
                if index + 1 == end || bytes[index + 1] == UInt8(ascii: " ") { return false }
            case UInt8(ascii: "#"):
                if bytes[index - 1] == UInt8(ascii: " ") { return false }
            default:
                break
            }
        }
        return true
    }

    /// No byte that libyaml reads other than as itself inside a plain
    /// scalar: no tab or other control character (a carriage return
    /// included), no DEL, and outside ASCII only the printable characters
    /// that are not line breaks (not U+0080-U+009F, U+2028, U+2029, U+FEFF,
    /// U+FFFE, U+FFFF). Invalid UTF-8 is left to Yams too.
    private static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (byte < 0x20 && byte != UInt8(ascii: "\n")) || byte == 0x7F { return false }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
            guard length > 0, index + length <= bytes.count else { return false }
            var scalar = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for next in 1..<length {
                let continuation = bytes[index + next]
                guard continuation & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            let printable = (0xA0...0xD7FF).contains(scalar) || (0xE000...0xFFFD).contains(scalar) || (0x10000...0x10FFFF).contains(scalar)
            // Overlong forms are invalid UTF-8: the smallest scalar of each length.
            let shortest = length == 2 ? scalar >= 0x80 : length == 3 ? scalar >= 0x800 : scalar >= 0x10000
            guard printable, shortest, scalar != 0x2028, scalar != 0x2029, scalar != 0xFEFF else { return false }
            index += length
        }
        return true
    }
}
