import Foundation

/// What `almakit serve` watches: the configuration, `Content/` (guides and
/// strings) and `Templates/`. A change is any file added, removed, resized
/// or touched; polling a few hundred `stat` calls is cheap and works the
/// same on every file system.
public struct ProjectWatcher: Sendable {
    public let projectDirectory: URL
    public let configFile: URL

    public struct Fingerprint: Equatable, Sendable {
        fileprivate var files: [String: FileStamp]
    }

    fileprivate struct FileStamp: Equatable, Sendable {
        var modified: Date
        var size: Int
    }

    public init(projectDirectory: URL, configFile: URL) {
        self.projectDirectory = projectDirectory
        self.configFile = configFile
    }

    public func fingerprint() -> Fingerprint {
        var files: [String: FileStamp] = [:]
        files[configFile.path] = stamp(configFile)
        for folder in ["Content", "Templates"] {
            let root = projectDirectory.appending(path: folder)
            for relative in ProjectFiles.list(in: root) {
                let url = root.appending(path: relative)
                files[url.path] = stamp(url)
            }
        }
        return Fingerprint(files: files)
    }

    private func stamp(_ url: URL) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return nil }
        return FileStamp(modified: attributes[.modificationDate] as? Date ?? .distantPast,
                         size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
    }
}
