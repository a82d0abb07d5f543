/// Finds key-shaped secrets in output. A guide may name the bare prefixes
/// (`sk_test_`); a prefix followed by ten or more key characters is a key.
public struct SecretScanner: Sendable {
    static let prefixes = ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"]
    static let minimumKeyLength = 10

    public init() {}

    /// - Parameter folder: how the output folder is named in messages (`dist`).
    public func scan(_ files: [OutputFile], folder: String) -> [Diagnostic] {
        Parallel.map(files) { file in
            findings(in: file.contents).map { finding in
                Diagnostic.error(
                    at: SourceLocation(file: "\(folder)/\(file.path)", line: finding.line, column: finding.column),
                    "the output would contain a secret key (\(finding.prefix)…)",
                    hint: "remove the key from the Markdown, template or configuration it comes from; secrets belong only in the server's environment. Roll the key in the Stripe Dashboard if it was ever shared")
            }
        }.flatMap { $0 }
    }

    /// Secrets written anywhere in the configuration, comments included: the
    /// file is committed, so a key there has leaked already. Positions that
    /// already carry an error (a secret as the publishable key) are skipped.
    public func scanConfiguration(_ text: String, file: String, reported: [Diagnostic]) -> [Diagnostic] {
        let taken = Set(reported.map { "\($0.location.line):\($0.location.column)" })
        return findings(in: text).filter { !taken.contains("\($0.line):\($0.column)") }.map { finding in
            Diagnostic.error(
                at: SourceLocation(file: file, line: finding.line, column: finding.column),
                "\(file) holds a secret key (\(finding.prefix)…), in a file that is committed and read by every build",
                hint: "delete it; secret keys live only in the server's environment (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET). Roll the key in the Stripe Dashboard: it has been shared")
        }
    }

    struct Finding: Equatable {
        var prefix: String
        var line: Int
        var column: Int
    }

    func findings(in text: String) -> [Finding] {
        var text = text
        return text.withUTF8 { bytes in
            // Every prefix has '_' at its second, third or sixth byte: look for
            // an underscore first, the prefixes only around it.
            guard bytes.contains(UInt8(ascii: "_")) else { return [] }
            var found: [Finding] = []
            var line = 1
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                } else if byte == UInt8(ascii: "s") || byte == UInt8(ascii: "r") || byte == UInt8(ascii: "w"),
                          let prefix = Self.prefixBytes.first(where: { matches($0, in: bytes, at: index) }) {
                    let keyStart = index + prefix.count
                    var keyEnd = keyStart
                    while keyEnd < bytes.count, isKeyCharacter(bytes[keyEnd]) { keyEnd += 1 }
                    if keyEnd - keyStart >= Self.minimumKeyLength {
                        found.append(Finding(prefix: String(decoding: prefix, as: UTF8.self), line: line, column: index - lineStart + 1))
                        index = keyEnd
                        continue
                    }
                }
                index += 1
            }
            return found
        }
    }

    private static let prefixBytes = prefixes.map { Array($0.utf8) }

    private func matches(_ prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    private func isKeyCharacter(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
