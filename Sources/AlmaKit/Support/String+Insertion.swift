extension String {
    /// `text` inserted right after the first occurrence of `marker`, found by
    /// bytes; the string as it is when `marker` is absent.
    func inserting(_ text: String, afterFirst marker: String) -> String {
        let haystack = Array(utf8), needle = Array(marker.utf8)
        guard !needle.isEmpty, haystack.count >= needle.count else { return self }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                let end = index + needle.count
                return String(decoding: haystack[..<end], as: UTF8.self) + text + String(decoding: haystack[end...], as: UTF8.self)
            }
            index += 1
        }
        return self
    }
}
