import Foundation
import Testing

/// Compares output with a golden file in `Tests/AlmaKitTests/Golden/`.
/// `ALMAKIT_RECORD_GOLDEN=1` rewrites the golden files instead, on purpose only.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["ALMAKIT_RECORD_GOLDEN"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appending(path: name)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); record it with ALMAKIT_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            Issue.record("\(name) differs from its golden file at line \(first + 1):\n  got:  \(got)\n  want: \(want)", sourceLocation: sourceLocation)
        }
    }

    /// Compares bytes: a file copied as it is (an image) has no lines to show.
    static func check(_ actual: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appending(path: name)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(name); record it with ALMAKIT_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record("\(name) differs from its golden file (\(actual.count) bytes, golden \(expected.count))", sourceLocation: sourceLocation)
        }
    }

    /// Names of the golden files below a folder, relative to the golden folder.
    static func files(under subfolder: String) -> Set<String> {
        let root = folder.appending(path: subfolder)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var names = Set<String>()
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            names.insert(subfolder + "/" + url.path.dropFirst(root.path.count + 1))
        }
        return names
    }
}
