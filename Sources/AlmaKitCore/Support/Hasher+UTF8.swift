extension Hasher {
    /// A string's bytes, without the Unicode normalization `combine(String)`
    /// pays for: for cache keys, the same bytes are what matter.
    package mutating func combineUTF8(_ string: String) {
        var string = string
        string.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
        combine(string.utf8.count)
    }
}
