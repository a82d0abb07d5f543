import Foundation
import Testing

/// The real `almakit` binary, built beside the test bundle (`scripts/test` builds it first).
enum AlmakitBinary {
    static var url: URL? {
        let candidates = [
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appending(path: "almakit"),
            Repository.root.appending(path: ".build/debug/almakit"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ arguments: [String], in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> ExternalTool.Output {
        let binary = try #require(url, "build almakit first: swift build --product almakit", sourceLocation: sourceLocation)
        return try ExternalTool.execute(binary, arguments, in: directory)
    }

    /// Every file below `folder`, by relative path, with its contents: to
    /// prove that a failed build changed nothing.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
