import Foundation

/// Finds key-shaped secrets in output. A guide may name the bare prefixes
/// (`sk_test_`); a prefix followed by ten or more key characters is a key.
public struct SecretScanner: Sendable {
    static let prefixes = ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"]
    static let minimumKeyLength = 10

    public init() {}

    /// - Parameter folder: how the output folder is named in messages (`dist`).
    public func scan(_ files: [OutputFile], folder: String) -> [Diagnostic] {
        Parallel.map(files) { scan($0, folder: folder) }.flatMap { $0 }
    }

    /// - Parameter folder: how the output folder is named in messages (`dist`).
    public func scan(_ file: OutputFile, folder: String) -> [Diagnostic] {
        findings(in: file.contents).map { finding in
            Diagnostic.error(id: "secret.in-output",
                at: SourceLocation(file: "\(folder)/\(file.path)", line: finding.line, column: finding.column),
                "the output would contain a secret key (\(finding.prefix)…)",
                hint: "remove the key from the Markdown, template or configuration it comes from; secrets belong only in the server's environment. Roll the key in the Stripe Dashboard if it was ever shared")
        }
    }

    /// Files copied as they are (a PDF, a text download, an SVG): a key in one
    /// is published as surely as in a page. Each is read a chunk at a time, so
    /// that a large download is never held whole; chunks overlap by more than
    /// a key's length, and a key found twice in an overlap is reported once.
    public func scan(_ copies: [CopiedFile]) -> [Diagnostic] {
        Parallel.map(copies) { copy in
            var found: [Diagnostic] = []
            guard let handle = try? FileHandle(forReadingFrom: copy.source) else { return found }
            defer { try? handle.close() }
            let chunkSize = 1 << 20, overlap = 256
            var carried = Data(), line = 1, reported = Set<[Int]>()
            while let chunk = try? handle.read(upToCount: chunkSize), !chunk.isEmpty {
                let window = carried + chunk
                // Lossless for what matters: every key character is ASCII.
                for finding in findings(in: String(decoding: window, as: UTF8.self)) where reported.insert([line + finding.line - 1, finding.column]).inserted {
                    found.append(Diagnostic.error(id: "secret.in-copied-file",
                        at: SourceLocation(file: copy.sourcePath, line: line + finding.line - 1, column: finding.column),
                        "this file would publish a secret key (\(finding.prefix)…)",
                        hint: "remove the key from the file; secrets belong only in the server's environment. Roll the key in the Stripe Dashboard if it was ever shared"))
                }
                carried = window.suffix(overlap)
                line += window.dropLast(carried.count).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
            return found
        }.flatMap { $0 }
    }

    /// Secrets written anywhere in the configuration, comments included: the
    /// file is committed, so a key there has leaked already. Positions that
    /// already carry an error (a secret as the publishable key) are skipped.
    public func scanConfiguration(_ text: String, file: String, reported: [Diagnostic]) -> [Diagnostic] {
        let taken = Set(reported.map { "\($0.location.line):\($0.location.column)" })
        return findings(in: text).filter { !taken.contains("\($0.line):\($0.column)") }.map { finding in
            Diagnostic.error(id: "secret.in-configuration",
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
            guard let base = bytes.baseAddress else { return [] }
            var found: [Finding] = []
            // Lines are counted only up to a finding, which is rare.
            var line = 1, lineStart = 0, counted = 0
            // No prefix may start inside a key already found.
            var keyEnd = 0
            var searchFrom = 0
            // Every prefix's first '_' is its third byte (sk_, rk_) or its
            // sixth (whsec_): memchr finds the underscores, and only the bytes
            // before each are compared with the prefixes.
            while searchFrom < bytes.count, let hit = memchr(base + searchFrom, Int32(UInt8(ascii: "_")), bytes.count - searchFrom) {
                let underscore = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                searchFrom = underscore + 1
                for start in [underscore - 5, underscore - 2] where start >= keyEnd {
                    guard let prefix = Self.prefixBytes.first(where: { matches($0, in: bytes, at: start) }) else { continue }
                    var end = start + prefix.count
                    while end < bytes.count, isKeyCharacter(bytes[end]) { end += 1 }
                    guard end - start - prefix.count >= Self.minimumKeyLength else { continue }
                    while counted < start {
                        if bytes[counted] == UInt8(ascii: "\n") {
                            line += 1
                            lineStart = counted + 1
                        }
                        counted += 1
                    }
                    found.append(Finding(prefix: String(decoding: prefix, as: UTF8.self), line: line, column: start - lineStart + 1))
                    keyEnd = end
                    searchFrom = max(searchFrom, end)
                    break
                }
            }
            return found
        }
    }

    private static let prefixBytes = prefixes.map { Array($0.utf8) }

    private func matches(_ prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index >= 0, index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    private func isKeyCharacter(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
