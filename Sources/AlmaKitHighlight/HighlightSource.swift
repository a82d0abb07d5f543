import AlmaKitCore

/// The text being highlighted, held as Unicode scalars so that positions are plain
/// integers and every look-ahead is O(1). Scanners only ever move forward, which
/// keeps highlighting linear in the input size.
struct HighlightSource {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        // Code is mostly ASCII, whose bytes are its scalars: no decoding.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
            bytes.allSatisfy { $0 < 0x80 } ? bytes.map { Unicode.Scalar($0) } : nil
        } ?? nil
        scalars = ascii ?? Array(text.unicodeScalars)
    }

    var count: Int { scalars.count }

    /// The scalar at `index`, or nil outside the text (so callers can peek freely).
    subscript(index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    func matches(_ marker: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + marker.count <= scalars.count else { return false }
        for offset in marker.indices where scalars[index + offset] != marker[offset] { return false }
        return true
    }

    /// ASCII case-insensitive match, for HTML's `</SCRIPT`.
    func matchesIgnoringCase(_ marker: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + marker.count <= scalars.count else { return false }
        for offset in marker.indices where scalars[index + offset].asciiLowercased != marker[offset].asciiLowercased {
            return false
        }
        return true
    }

    /// The first index at or after `start` where `marker` begins, or nil.
    func firstIndex(of marker: [Unicode.Scalar], from start: Int, ignoringCase: Bool = false) -> Int? {
        var index = start
        while index + marker.count <= scalars.count {
            if ignoringCase ? matchesIgnoringCase(marker, at: index) : matches(marker, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The first index at or after `start` whose scalar fails `predicate` (or the end of the text).
    func end(from start: Int, while predicate: (Unicode.Scalar) -> Bool) -> Int {
        var index = start
        while let scalar = self[index], predicate(scalar) { index += 1 }
        return index
    }

    /// The index of the line break ending the line that holds `start` (or the end of the text).
    func endOfLine(from start: Int) -> Int {
        var index = start
        while let scalar = self[index], !scalar.isLineBreak { index += 1 }
        return index
    }

    /// Written straight into the string's storage: every word of a code
    /// block is looked up as a string, and most are short enough to need
    /// no storage of their own, where an array of bytes in between did.
    func string(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count * 4) { buffer in
            var count = 0
            for scalar in scalars[range] {
                if scalar.isASCII {
                    buffer[count] = UInt8(scalar.value)
                    count += 1
                } else {
                    for byte in UTF8.encode(scalar)! {
                        buffer[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }

    /// The scalars in `range` as UTF-8, with `&`, `<`, `>` and `"` escaped
    /// when `escaping`: what `HTMLEscaping.text(_:)` makes of them.
    func appendUTF8(_ range: Range<Int>, to bytes: inout [UInt8], escaping: Bool = false) {
        for scalar in scalars[range] {
            guard scalar.isASCII else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
                continue
            }
            let byte = UInt8(scalar.value)
            if escaping, let entity = HTMLEscaping.entity(for: byte, apostrophe: false) {
                bytes.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            } else {
                bytes.append(byte)
            }
        }
    }
}

extension Unicode.Scalar {
    var isLineBreak: Bool { self == "\n" || self == "\r" }
    // ASCII answers first: code is mostly ASCII, and Unicode properties
    // are looked up in tables.
    var isWhitespace: Bool {
        value < 0x80 ? self == " " || self == "\t" || self == "\n" || self == "\r" || value == 0x0B || value == 0x0C : properties.isWhitespace
    }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    /// Letters of any script count, so `café` or `naïve` stay one word.
    var isLetter: Bool {
        value < 0x80 ? ("a"..."z").contains(self) || ("A"..."Z").contains(self) : properties.isAlphabetic
    }

    var asciiLowercased: Unicode.Scalar {
        ("A"..."Z").contains(self) ? Unicode.Scalar(value + 32)! : self
    }
}
