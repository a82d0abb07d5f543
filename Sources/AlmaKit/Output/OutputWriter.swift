import Foundation
#if canImport(Glibc)
import Glibc
/// POSIX `write`, named apart from `OutputWriter.write`.
private let writeBytes = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let writeBytes = Darwin.write
#endif

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

    /// A file written with one `write` where possible: no copy of its text.
    /// - Returns: what went wrong, if anything.
    private static func write(_ contents: String, to path: String) -> WriteFailure? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return WriteFailure(path: path, code: errno) }
        defer { close(descriptor) }
        var contents = contents
        return contents.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let count = writeBytes(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return WriteFailure(path: path, code: errno)
                }
                written += count
            }
            return nil
        }
    }

    private struct WriteFailure: Error, LocalizedError {
        var path: String
        var code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Writes `files` and copies `copies`, then swaps them in. On failure the
    /// previous output is left as it was.
    public func write(_ files: [OutputFile], copying copies: [CopiedFile] = []) -> Diagnostic? {
        if let problem = destinationProblem() { return problem }
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appending(path: ".\(destination.lastPathComponent).almakit-new-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appending(path: ".\(destination.lastPathComponent).almakit-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            let all = files + [OutputFile(path: Self.marker, contents: Self.markerText)]
            // Folders first, each once; then the files, on every core.
            let folders = Set(all.map { LinkResolver.folder(of: $0.path) } + copies.map { LinkResolver.folder(of: $0.path) }).filter { !$0.isEmpty }
            for folder in folders.sorted() {
                try manager.createDirectory(at: staging.appending(path: folder), withIntermediateDirectories: true)
            }
            let failures = Parallel.map(all) { file in Self.write(file.contents, to: staging.appending(path: file.path).path) }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            // Streamed by the file system, never read into memory.
            let copyFailures = Parallel.map(copies) { copy -> Error? in
                do {
                    // A link inside the project is copied as the file it names: as a
                    // link, its target would resolve elsewhere in the published folder.
                    try FileManager.default.copyItem(at: copy.source.resolvingSymlinksInPath(), to: staging.appending(path: copy.path))
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = copyFailures.lazy.compactMap({ $0 }).first { throw failure }
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
            return .error(id: "output.unwritable",
                at: SourceLocation(file: name),
                "cannot write the output: \(error.localizedDescription)",
                hint: "check that the folder and its parent are writable; the previous output was left untouched")
        }
    }
}
