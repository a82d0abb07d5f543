import Foundation

/// Reading files of a site project, with problems reported as diagnostics.
enum ProjectFiles {
    /// Regular, non-hidden files below `folder`, as sorted relative paths.
    static func list(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        let base = folder.standardizedFileURL.path
        var files: [String] = []
        while let url = enumerator.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return files.sorted()
    }

    static func readText(_ url: URL, named name: String, into diagnostics: inout Diagnostics) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error(at: SourceLocation(file: name), "cannot read the file", hint: "check that it exists and is readable"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error(at: SourceLocation(file: name), "the file is not UTF-8 text", hint: "save it as UTF-8"))
            return nil
        }
        return text
    }
}
