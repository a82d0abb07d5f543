import AlmaKitCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the generated servers into their own folder (`server/`), outside
/// the published site. Unlike the site, that folder is not replaced: a
/// merchant installs dependencies and keeps settings beside the code
/// (`.venv`, `node_modules`, `.env`), so a build replaces only the files
/// AlmaKit generated, listed in a manifest, and removes those it no longer
/// generates.
public struct ServerWriter: Sendable {
    /// Lists, one per line, the files the last build generated here.
    public static let manifest = ".almakit-generated"
    static let manifestHeader = "# Written by `almakit build`: the files below are replaced on every build; anything else in this folder is yours and is kept.\n"

    let destination: URL
    let projectDirectory: URL
    let outputDirectory: URL

    /// - Parameters:
    ///   - destination: the servers folder (`server/`).
    ///   - projectDirectory: the site project, which must not be the servers folder.
    ///   - outputDirectory: the published folder, which must not hold the servers.
    public init(destination: URL, projectDirectory: URL, outputDirectory: URL) {
        self.destination = destination.standardizedFileURL
        self.projectDirectory = projectDirectory.standardizedFileURL
        self.outputDirectory = outputDirectory.standardizedFileURL
    }

    private var name: String { destination.path }

    /// Why the servers can't go to the destination, if they can't.
    public func destinationProblem() -> Diagnostic? {
        let path = destination.resolvingSymlinksInPath().path
        let project = projectDirectory.resolvingSymlinksInPath().path
        let output = outputDirectory.resolvingSymlinksInPath().path
        if path == project || path == "/" || project.hasPrefix(path + "/") {
            return .error(id: "servers.is-or-contains-the-project",
                at: SourceLocation(file: name),
                "the servers folder would be the project itself or contain it",
                hint: "choose a folder of its own, such as the default 'server'")
        }
        if Self.overlap(path, output) {
            return .error(id: "servers.overlap-published-folder",
                at: SourceLocation(file: name),
                "the servers folder and the published folder overlap: a static host would serve the servers' code",
                hint: "keep them apart, such as the defaults 'server' and 'dist'")
        }
        // Content/ is copied into the site, Templates/ read as the site's templates.
        for source in ["Content", "Templates"] {
            if Self.overlap(path, project + "/" + source) {
                return .error(id: "servers.overlap-sources",
                    at: SourceLocation(file: name),
                    "the servers folder overlaps the project's \(source)/, which the build reads into the site",
                    hint: "keep the servers in a folder of their own, such as the default 'server'")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .error(id: "servers.is-a-file", at: SourceLocation(file: name), "the servers path is a file, not a folder", hint: "remove it or choose another --servers")
        }
        return nil
    }

    /// A file staged beside its final place, renamed in by `commit`.
    public struct Staged: Sendable {
        fileprivate var writes: [(staged: URL, final: URL)]
        fileprivate var stale: [URL]
        fileprivate var manifest: String
    }

    /// Writes every file beside its final place, so that a failure here
    /// changes nothing the merchant runs. - Returns: what to `commit`, or the problem.
    public func stage(_ files: [OutputFile]) -> Result<Staged, DiagnosticError> {
        if let problem = destinationProblem() { return .failure(DiagnosticError(problem)) }
        let manager = FileManager.default
        let writes = files.map { file -> (staged: URL, final: URL) in
            let final = destination.appending(path: file.path)
            return (final.deletingLastPathComponent().appending(path: ".\(final.lastPathComponent).almakit-new"), final)
        }
        do {
            // Folders first, one at a time: two cores must not both make one.
            for folder in Set(writes.map { $0.final.deletingLastPathComponent().path }).sorted() {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            // The files on every core: the build waits for them at its very end.
            let written = Parallel.map(Array(zip(files, writes))) { file, write in
                Result { try Self.writeStaged(file, to: write.staged) }
            }
            for case .failure(let error) in written { throw error }
        } catch {
            for write in writes { try? manager.removeItem(at: write.staged) }
            return .failure(DiagnosticError(.error(id: "servers.unwritable",
                at: SourceLocation(file: name),
                "cannot write the servers: \(error.localizedDescription)",
                hint: "check that the folder is writable; the servers were left as they were")))
        }
        let generated = Set(files.map(\.path))
        let stale = previouslyGenerated().filter { !generated.contains($0) }.map { destination.appending(path: $0) }
        let manifest = Self.manifestHeader + files.map(\.path).sorted().joined(separator: "\n") + "\n"
        return .success(Staged(writes: writes, stale: stale, manifest: manifest))
    }

    private static func writeStaged(_ file: OutputFile, to staged: URL) throws {
        try Data(file.contents.utf8).write(to: staged)
        // Scripts run as `./create-payment-intent.sh`, as their README says.
        let mode = file.path.hasSuffix(".sh") ? 0o755 : 0o644
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: staged.path)
    }

    /// Renames the staged files into place and removes the files an earlier
    /// build generated that this one does not. Each rename replaces one file
    /// whole; should one fail (the disk itself failing), the files before it
    /// are new and the ones after it old, and the next build completes them.
    public func commit(_ staged: Staged) -> Diagnostic? {
        let manager = FileManager.default
        do {
            // rename(2) replaces each file in one step: a server never reads half a file.
            for write in staged.writes where rename(write.staged.path, write.final.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: write.final.path])
            }
            // Regular files only: a manifest edited by hand must not take a folder
            // (`python/.venv`) or what a link points to with it.
            for file in staged.stale where Self.isRegularFile(file) {
                try? manager.removeItem(at: file)
                removeEmptyFolders(above: file)
            }
            try Data(staged.manifest.utf8).write(to: destination.appending(path: Self.manifest))
            return nil
        } catch {
            return .error(id: "servers.unwritable",
                at: SourceLocation(file: name),
                "cannot write the servers: \(error.localizedDescription)",
                hint: "check that the folder is writable, then build again")
        }
    }

    /// Removes what `stage` wrote, when the site could not be written: a
    /// failed build leaves the servers as they were, and no staged file behind.
    public func discard(_ staged: Staged) {
        for write in staged.writes {
            try? FileManager.default.removeItem(at: write.staged)
            removeEmptyFolders(above: write.staged)
        }
        if (try? FileManager.default.contentsOfDirectory(atPath: destination.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: destination)
        }
    }

    /// One of the two folders is the other, or holds it.
    private static func overlap(_ one: String, _ other: String) -> Bool {
        one == other || one.hasPrefix(other + "/") || other.hasPrefix(one + "/")
    }

    private static func isRegularFile(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// The files the manifest lists, without any path that could leave the folder.
    func previouslyGenerated() -> [String] {
        guard let text = try? String(contentsOf: destination.appending(path: Self.manifest), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { line in
            !line.hasPrefix("#") && !line.isEmpty && !line.hasPrefix("/")
                && !line.split(separator: "/").contains("..")
        }
    }

    /// Folders a removed file leaves empty, up to the servers folder.
    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        while folder.path.hasPrefix(destination.path + "/"),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
    }
}

/// A diagnostic carried through a `Result`.
public struct DiagnosticError: Error, Sendable {
    public let diagnostic: Diagnostic
    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
