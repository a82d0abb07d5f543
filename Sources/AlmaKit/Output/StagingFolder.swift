import AlmaKitCore
import Foundation
#if canImport(Glibc)
import Glibc
/// POSIX `write`, named apart from `StagingFolder.write`.
private let writeBytes = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let writeBytes = Darwin.write
#endif

/// The next published folder while a build writes it: a hidden sibling of
/// the destination, filled file by file as pages are rendered, that takes
/// the destination's place only once the build has succeeded.
final class StagingFolder: Sendable {
    let url: URL
    private let destination: URL
    private let retired: URL
    /// Folders made so far, relative to `url`: each is made once, by whichever
    /// page needs it first.
    private let folders = Locked<Set<String>>([""])

    /// Makes an empty staging folder beside `destination`.
    init(replacing destination: URL) throws {
        self.destination = destination
        let parent = destination.deletingLastPathComponent()
        let process = ProcessInfo.processInfo.processIdentifier
        url = parent.appending(path: ".\(destination.lastPathComponent).almakit-new-\(process)")
        retired = parent.appending(path: ".\(destination.lastPathComponent).almakit-old-\(process)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write(OutputFile(path: OutputWriter.marker, contents: OutputWriter.markerText))
    }

    /// Writes one file with one `write` where possible: no copy of its text.
    func write(_ file: OutputFile) throws {
        try makeFolder(of: file.path)
        let path = url.appending(path: file.path).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteFailure(path: path, code: errno) }
        defer { close(descriptor) }
        var contents = file.contents
        try contents.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let count = writeBytes(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw WriteFailure(path: path, code: errno)
                }
                written += count
            }
        }
    }

    /// Copies files from the project, streamed by the file system, never read
    /// into memory. A link inside the project is copied as the file it names:
    /// as a link, its target would resolve elsewhere in the published folder.
    func copy(_ copies: [CopiedFile]) throws {
        let failures = Parallel.map(copies) { [self] copy -> Error? in
            do {
                try makeFolder(of: copy.path)
                try FileManager.default.copyItem(at: copy.source.resolvingSymlinksInPath(), to: url.appending(path: copy.path))
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Takes the destination's place; the previous output is put back if the
    /// last rename fails.
    func publish() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: destination.path) else {
            try manager.moveItem(at: url, to: destination)
            return
        }
        try? manager.removeItem(at: retired)
        try manager.moveItem(at: destination, to: retired)
        do {
            try manager.moveItem(at: url, to: destination)
        } catch {
            try? manager.moveItem(at: retired, to: destination)
            throw error
        }
        try? manager.removeItem(at: retired)
    }

    /// Removes the staging folder: the build will not be published.
    func discard() {
        try? FileManager.default.removeItem(at: url)
    }

    private func makeFolder(of path: String) throws {
        let folder = SitePaths.folder(of: path)
        try folders.withLock { made in
            guard !made.contains(folder) else { return }
            try FileManager.default.createDirectory(at: url.appending(path: folder), withIntermediateDirectories: true)
            made.insert(folder)
        }
    }

    private struct WriteFailure: Error, LocalizedError {
        var path: String
        var code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }
}
