import AlmaKitCore
import Foundation

/// Reads every `Content/<lang>/**/*.md` of the site's languages into pages.
public struct ContentLoader: Sendable {
    let projectDirectory: URL
    /// A guide is read by people: far below this. The limit keeps a stray
    /// dump of data from taking minutes and gigabytes to render.
    static let maximumPageBytes = 4 * 1024 * 1024

    /// - Parameter projectDirectory: the folder holding `almakit.yml` and `Content/`.
    /// Pages unchanged since an earlier load are taken from here (`almakit serve`).
    package var cache: (any PageReadCache)?

    public init(projectDirectory: URL) {
        self.projectDirectory = projectDirectory
    }

    /// Every file of the language folders, listed once for the pages and
    /// for the files copied beside them (`ContentFiles`).
    package func list(languages: [String], into diagnostics: inout Diagnostics) -> [(language: String, relative: String)] {
        languages.flatMap { language in
            ProjectFiles.list(in: projectDirectory.appending(path: "Content/\(language)"), project: projectDirectory,
                              named: "Content/\(language)", into: &diagnostics).map { (language, $0) }
        }
    }

    /// The pages of a `list(languages:into:)`.
    /// - Parameters:
    ///   - keepingBodies: false drops each page's text once its front matter
    ///     and hash are read; the renderer reads it again (`PageBodies`).
    ///   - keptBodyBytes: even so, texts are kept, in the order the cores
    ///     read them, as long as each still fits within this many UTF-8 bytes
    ///     in all (`Page.bodyIsKept`; which pages varies between runs, the
    ///     output does not): a
    ///     small site's texts cost less memory than reading them twice costs time.
    package func read(_ listing: [(language: String, relative: String)], keepingBodies: Bool = true, keptBodyBytes: Int = 0,
                      into diagnostics: inout Diagnostics) -> [Page] {
        var folders: [String: (url: URL, path: String)] = [:]
        for language in Set(listing.map(\.language)) {
            let url = projectDirectory.appending(path: "Content/\(language)")
            folders[language] = (url, url.path)
        }
        let files = listing.filter { $0.relative.hasSuffix(".md") }.map { file in
            (language: file.language, folder: folders[file.language]!, relative: file.relative)
        }
        let keptBytes = Locked(0)
        // `serve` (with a cache) reads only the files an edit changed.
        let readAhead = cache == nil ? ReadAhead(paths: files.map { $0.folder.path + "/" + $0.relative }) : nil
        defer { readAhead?.stop() }
        let likelyTranslations = Self.likelyTranslations(files.map { ($0.language, $0.relative) })
        // Each file is read and its front matter parsed on any core; the
        // results keep the listing's order.
        let results = Parallel.map(Array(files.indices)) { [files, cache] index in
            let file = files[index]
            let read = { () -> (Page?, [Diagnostic]) in
                var found = Diagnostics()
                guard var page = Self.read(file.relative, in: file.folder.url, language: file.language, into: &found) else {
                    return (nil, found.all)
                }
                let size = page.body.utf8.count
                let keepsText = keepingBodies || keptBytes.withLock { total in
                    guard total + size <= keptBodyBytes else { return false }
                    total += size
                    return true
                }
                // Checked against every translation on every build, but
                // changed only by an edit. A text dropped now cannot be
                // hashed later; a kept one is hashed when it is a source.
                if !keepsText || !likelyTranslations[index] { page.contentHash = ContentHash.of(page) }
                if !keepingBodies {
                    if keepsText { page.bodyIsKept = true } else { page.body = "" }
                }
                return (page, found.all)
            }
            // A path, not a URL: `serve` stamps every page on every edit.
            let path = file.folder.path + "/" + file.relative
            guard let cache, let stamp = FileStamp(atPath: path) else { return read() }
            return cache.page(at: path, stamp: stamp) {
                var (page, found) = read()
                if let body = page?.body {
                    var hasher = Hasher()
                    hasher.combineUTF8(body)
                    page?.bodyDigest = hasher.finalize()
                }
                return (page, found)
            }
        }
        var pages: [Page] = []
        for (page, found) in results {
            diagnostics.append(contentsOf: found)
            if let page { pages.append(page) }
        }
        return pages
    }

    /// For each file of a listing (its languages in the site's order),
    /// whether an earlier language has a file at the same path: such a page
    /// translates that one, unless a `translation_key` pairs it elsewhere.
    /// Only a source's `ContentHash` is ever asked for, and hashing every
    /// page's text took a third of the time spent reading the pages.
    static func likelyTranslations(_ files: [(language: String, relative: String)]) -> [Bool] {
        var earlier: Set<String> = [], current: Set<String> = []
        var language: String?
        return files.map { file in
            if file.language != language {
                earlier.formUnion(current)
                current = []
                language = file.language
            }
            current.insert(file.relative)
            return earlier.contains(file.relative)
        }
    }

    private static func read(_ relative: String, in folder: URL, language: String, into diagnostics: inout Diagnostics) -> Page? {
        let key = String(relative.dropLast(".md".count))
        let sourcePath = Page.sourcePath(language: language, key: key)
        let url = folder.appending(path: relative)
        let size = fileSize(atPath: url.path)
        guard size <= maximumPageBytes else {
            diagnostics.append(.error(id: "content.page-too-large",
                at: SourceLocation(file: sourcePath),
                "the page is \(size / (1024 * 1024)) MB; AlmaKit renders pages of up to \(maximumPageBytes / (1024 * 1024)) MB",
                hint: "split it into several pages, or keep large data out of Content/"))
            return nil
        }
        guard let text = ProjectFiles.readText(url, named: sourcePath, into: &diagnostics) else { return nil }
        return Page.read(text, language: language, sourcePath: sourcePath, sourceKey: key, into: &diagnostics)
    }

    /// The size `FileManager.attributesOfItem` gives (of a link itself, not
    /// what it points to; 0 when there is nothing to read), from one `lstat`:
    /// that call also looks up the file's owner and group by name, which
    /// cost more than reading the page.
    static func fileSize(atPath path: String) -> Int {
        var status = stat()
        guard lstat(path, &status) == 0 else { return 0 }
        return Int(status.st_size)
    }

    /// Two pages must not write the same file, nor the pages AlmaKit generates.
    package func reportCollisions(_ pages: [Page], into diagnostics: inout Diagnostics) {
        // Output path -> source path: a page is a dozen strings to copy.
        var owners: [String: String] = [:]
        owners.reserveCapacity(pages.count)
        for page in pages {
            let location = SourceLocation(file: page.sourcePath, line: 1, column: 1)
            let name = page.outputPath.dropFirst(page.language.count + 1)
            if GeneratedPages.isReserved(String(name)) {
                diagnostics.append(.error(id: "content.replaces-generated-page",
                    at: location, "this page would replace the generated \(name)",
                    hint: "rename the file or set another 'slug' in its front matter"))
            }
            if let owner = owners[page.outputPath] {
                diagnostics.append(.error(id: "content.same-output",
                    at: location, "this page and \(owner) would both be written to \(page.outputPath)",
                    hint: "give one of them another 'slug'"))
            } else {
                owners[page.outputPath] = page.sourcePath
            }
        }
    }
}
