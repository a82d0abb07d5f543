import AlmaKitCore
import Foundation

/// What `almakit serve` watches: the configuration, `Content/` (guides and
/// strings), `Templates/` and the products' images, wherever the
/// configuration puts them. A change is any file added, removed, resized
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
        for image in productImages() {
            files[image.path] = FileStamp(of: image)
        }
        return Fingerprint(files: files)
    }

    /// The images the configuration names, as it is now: read again each
    /// time, since an edit may name another. Nothing when it cannot be read.
    public func productImages() -> [URL] {
        guard let text = try? String(contentsOf: configFile, encoding: .utf8) else { return [] }
        var ignored = Diagnostics()
        let config = ConfigLoader().load(text, file: configFile.lastPathComponent, into: &ignored)
        return (config?.products ?? []).compactMap { $0.image }.map { projectDirectory.appending(path: $0).standardizedFileURL }
    }
}

extension ProjectWatcher {
    /// Whether a build reads `file`: the configuration, a product's image, or
    /// a file that is not hidden under `Content/` or `Templates/` (as
    /// `ProjectFiles` lists them).
    /// - Parameter images: `productImages()`, read once for a batch of changes
    ///   rather than the configuration parsed again for every file.
    public func isInput(_ file: URL, images: [URL]) -> Bool {
        let path = file.standardizedFileURL.path
        if path == configFile.standardizedFileURL.path { return true }
        if images.contains(where: { $0.path == path }) { return true }
        for folder in ["Content", "Templates"] {
            let root = projectDirectory.appending(path: folder).standardizedFileURL.path + "/"
            if path + "/" == root { return true }
            guard path.hasPrefix(root) else { continue }
            return !path.dropFirst(root.count).split(separator: "/").contains(where: ProjectFiles.isHidden)
        }
        return false
    }
}
