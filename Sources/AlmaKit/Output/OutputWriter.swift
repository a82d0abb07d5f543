import Foundation

/// Writes a built site so that the output folder is either the previous
/// build or the new one, never a mix: files go to a temporary sibling folder
/// that then takes the output folder's place.
public struct OutputWriter: Sendable {
    /// Marks a folder as written by AlmaKit, the only kind it will replace.
    public static let marker = ".almakit-output"
    static let markerText = "This folder is written by `almakit build` and replaced on every build.\n"

    let destination: URL
    let projectDirectory: URL

    /// - Parameters:
    ///   - destination: the output folder (`dist/`).
    ///   - projectDirectory: the site project, which the output must never replace.
    public init(destination: URL, projectDirectory: URL) {
        self.destination = destination.standardizedFileURL
        self.projectDirectory = projectDirectory.standardizedFileURL
    }

    private var name: String { destination.path }

    /// Why the destination can't be written, if it can't.
    public func destinationProblem() -> Diagnostic? {
        let path = destination.resolvingSymlinksInPath().path
        let project = projectDirectory.resolvingSymlinksInPath().path
        if path == project {
            return .error(
                at: SourceLocation(file: name),
                "the output folder would replace the project itself",
                hint: "choose a folder inside the project, such as the default 'dist'")
        }
        if path == "/" || project.hasPrefix(path + "/") {
            return .error(
                at: SourceLocation(file: name),
                "the output folder contains the project: building would replace the project with the site",
                hint: "choose a folder inside the project, such as the default 'dist'")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .error(at: SourceLocation(file: name), "the output path is a file, not a folder", hint: "remove it or choose another --out")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !contents.isEmpty, !contents.contains(Self.marker) {
            return .error(
                at: SourceLocation(file: name),
                "the output folder is not empty and was not written by AlmaKit",
                hint: "AlmaKit replaces its output folder on every build; choose an empty or new folder")
        }
        return nil
    }

    /// Writes `files`, then swaps them in. On failure the previous output is left as it was.
    public func write(_ files: [OutputFile]) -> Diagnostic? {
        if let problem = destinationProblem() { return problem }
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appending(path: ".\(destination.lastPathComponent).almakit-new-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appending(path: ".\(destination.lastPathComponent).almakit-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files + [OutputFile(path: Self.marker, contents: Self.markerText)] {
                let url = staging.appending(path: file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            if manager.fileExists(atPath: destination.path) {
                try? manager.removeItem(at: retired)
                try manager.moveItem(at: destination, to: retired)
                do {
                    try manager.moveItem(at: staging, to: destination)
                } catch {
                    try? manager.moveItem(at: retired, to: destination)
                    throw error
                }
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: destination)
            }
            return nil
        } catch {
            try? manager.removeItem(at: staging)
            return .error(
                at: SourceLocation(file: name),
                "cannot write the output: \(error.localizedDescription)",
                hint: "check that the folder and its parent are writable; the previous output was left untouched")
        }
    }
}
