import Foundation
import Testing
@testable import AlmaKitCore

/// Nothing committed looks like a real secret: not the example site, not a
/// golden file, not a test (tests assemble key-shaped strings at run time).
@Suite struct RepositorySecretsTests {
    static let skipped: Set<String> = [".git", "dist", "node_modules"]

    @Test func noCommittedFileHoldsAKeyShapedSecret() throws {
        var scanned = 0
        var findings: [String] = []
        let root = Repository.root
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let name = url.lastPathComponent
            if Self.skipped.contains(name) || name.hasPrefix(".build") {
                enumerator?.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            scanned += 1
            for finding in SecretScanner().findings(in: text) {
                findings.append("\(url.path.dropFirst(root.path.count + 1)):\(finding.line):\(finding.column) \(finding.prefix)")
            }
        }
        #expect(scanned > 100)
        #expect(findings.isEmpty, "\(findings)")
    }
}
