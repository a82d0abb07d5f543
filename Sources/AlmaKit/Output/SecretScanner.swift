/// Finds key-shaped secrets in output. A guide may name the bare prefixes
/// (`sk_test_`); a prefix followed by ten or more key characters is a key.
public struct SecretScanner: Sendable {
    static let prefixes = ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"]
    static let minimumKeyLength = 10

    public init() {}

    /// - Parameter folder: how the output folder is named in messages (`dist`).
    public func scan(_ files: [OutputFile], folder: String) -> [Diagnostic] {
        files.flatMap { file in
            findings(in: file.contents).map { finding in
                Diagnostic.error(
                    at: SourceLocation(file: "\(folder)/\(file.path)", line: finding.line, column: finding.column),
                    "the output would contain a secret key (\(finding.prefix)…)",
                    hint: "remove the key from the Markdown, template or configuration it comes from; secrets belong only in the server's environment. Roll the key in the Stripe Dashboard if it was ever shared")
            }
        }
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
        guard Self.prefixes.contains(where: text.contains) else { return [] }
        var found: [Finding] = []
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if let prefix = Self.prefixes.first(where: { matches($0, in: bytes, at: index) }) {
                let keyStart = index + prefix.utf8.count
                var keyEnd = keyStart
                while keyEnd < bytes.count, isKeyCharacter(bytes[keyEnd]) { keyEnd += 1 }
                if keyEnd - keyStart >= Self.minimumKeyLength {
                    found.append(Finding(prefix: prefix, line: line, column: index - lineStart + 1))
                    index = keyEnd
                    continue
                }
            }
            index += 1
        }
        return found
    }

    private func matches(_ prefix: String, in bytes: [UInt8], at index: Int) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard index + prefixBytes.count <= bytes.count else { return false }
        return bytes[index..<(index + prefixBytes.count)].elementsEqual(prefixBytes)
    }

    private func isKeyCharacter(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
