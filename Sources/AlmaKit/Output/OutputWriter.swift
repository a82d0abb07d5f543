import AlmaKitCore
import Foundation

/// Guards the published folder: a build writes into a `StagingFolder` that
/// takes the folder's place only when complete, so the folder is either the
/// previous build or the new one, never a mix, and never anything but a
/// folder AlmaKit wrote.
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
            return .error(id: "output.is-the-project",
                at: SourceLocation(file: name),
                "the output folder would replace the project itself",
                hint: "choose a folder inside the project, such as the default 'dist'")
        }
        if path == "/" || project.hasPrefix(path + "/") {
            return .error(id: "output.contains-the-project",
                at: SourceLocation(file: name),
                "the output folder contains the project: building would replace the project with the site",
                hint: "choose a folder inside the project, such as the default 'dist'")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .error(id: "output.is-a-file", at: SourceLocation(file: name), "the output path is a file, not a folder", hint: "remove it or choose another --out")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !contents.isEmpty, !contents.contains(Self.marker) {
            return .error(id: "output.foreign-folder",
                at: SourceLocation(file: name),
                "the output folder is not empty and was not written by AlmaKit",
                hint: "AlmaKit replaces its output folder on every build; choose an empty or new folder")
        }
        return nil
    }

    /// A new, empty staging folder beside the destination, for this build's files.
    func stage() -> Result<StagingFolder, DiagnosticError> {
        if let problem = destinationProblem() { return .failure(DiagnosticError(problem)) }
        do {
            return .success(try StagingFolder(replacing: destination))
        } catch {
            return .failure(DiagnosticError(unwritable(error)))
        }
    }

    /// Swaps `staging` in for the destination. On failure the previous output
    /// is left as it was and the staging folder is removed.
    func publish(_ staging: StagingFolder) -> Diagnostic? {
        do {
            try staging.publish()
            return nil
        } catch {
            staging.discard()
            return unwritable(error)
        }
    }

    func unwritable(_ error: Error) -> Diagnostic {
        .error(id: "output.unwritable",
               at: SourceLocation(file: name),
               "cannot write the output: \(error.localizedDescription)",
               hint: "check that the folder and its parent are writable; the previous output was left untouched")
    }
}
