import AlmaKitCore

/// Where each file of the published site goes the moment it is made: it is
/// scanned for secrets, then written to the staging folder (`build`) or kept
/// in memory (`check`, `serve`, tests). A build thus never holds the whole
/// site: only what each file left behind (its path, size and findings).
final class SiteOutput: Sendable {
    enum Destination: Sendable {
        /// Keep every file: the caller reads them from the result.
        case memory
        /// Scan and count every file, keep none.
        case nowhere
        case staging(StagingFolder)
    }

    let destination: Destination
    /// How messages name the published folder (`dist`).
    private let folderName: String
    private let progress: BuildProgress?
    private let state = Locked(State())

    private struct State {
        var kept: [OutputFile] = []
        var published: [PublishedFile] = []
        /// Output path -> the secrets found in it.
        var secrets: [String: [Diagnostic]] = [:]
        var writeFailure: Error?
    }

    init(_ destination: Destination, folderName: String, progress: BuildProgress?) {
        self.destination = destination
        self.folderName = folderName
        self.progress = progress
    }

    /// Scans `file`, then writes or keeps it. Safe from any core.
    func accept(_ file: OutputFile) {
        let secrets = progress.measure(.scanForSecrets) { SecretScanner().scan(file, folder: folderName) }
        var failure: Error?
        if case .staging(let folder) = destination {
            progress.measure(.write) {
                do { try folder.write(file) } catch { failure = error }
            }
        }
        let published = PublishedFile(path: file.path, byteCount: file.contents.utf8.count)
        state.withLock { state in
            state.published.append(published)
            if !secrets.isEmpty { state.secrets[file.path] = secrets }
            if case .memory = destination { state.kept.append(file) }
            if let failure, state.writeFailure == nil { state.writeFailure = failure }
        }
    }

    /// The secrets found, by output path: the same order whichever core finished first.
    var secrets: [Diagnostic] {
        state.withLock { $0.secrets }.sorted { $0.key < $1.key }.flatMap(\.value)
    }

    /// The first file that could not be written, if any.
    var writeFailure: Error? { state.withLock { $0.writeFailure } }

    /// The files kept in memory, sorted by path.
    var keptFiles: [OutputFile] { state.withLock { $0.kept }.sorted { $0.path < $1.path } }

    var publishedFiles: [PublishedFile] { state.withLock { $0.published }.sorted { $0.path < $1.path } }
}
