extension String {
    /// `text` inserted right after the first occurrence of `marker`, found by
    /// bytes; the string as it is when `marker` is absent.
    func inserting(_ text: String, afterFirst marker: String) -> String {
        guard !marker.isEmpty, let end = utf8.firstRange(of: marker.utf8)?.upperBound else { return self }
        // `end` follows a whole marker, so it falls between scalars.
        return String(self[..<end]) + text + String(self[end...])
    }
}
