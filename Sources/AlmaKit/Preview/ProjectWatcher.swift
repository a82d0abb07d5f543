import AlmaKitCore
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

    public init(projectDirectory: URL, configFile: URL) {
        self.projectDirectory = projectDirectory
        self.configFile = configFile
    }

    public func fingerprint() -> Fingerprint {
        var files: [String: FileStamp] = [:]
        files[configFile.path] = FileStamp(of: configFile)
        for folder in ["Content", "Templates"] {
            let root = projectDirectory.appending(path: folder)
            for relative in ProjectFiles.list(in: root) {
                let url = root.appending(path: relative)
                files[url.path] = FileStamp(of: url)
            }
        }
        return Fingerprint(files: files)
    }
}

extension ProjectWatcher {
    /// Whether a build reads `file`: the configuration, or a file that is
    /// not hidden under `Content/` or `Templates/` (as `ProjectFiles` lists them).
    public func isInput(_ file: URL) -> Bool {
        let path = file.standardizedFileURL.path
        if path == configFile.standardizedFileURL.path { return true }
        for folder in ["Content", "Templates"] {
            let root = projectDirectory.appending(path: folder).standardizedFileURL.path + "/"
            if path + "/" == root { return true }
            guard path.hasPrefix(root) else { continue }
            return !path.dropFirst(root.count).split(separator: "/").contains(where: ProjectFiles.isHidden)
        }
        return false
    }
}
