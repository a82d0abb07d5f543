import Foundation

/// Reading files of a site project, with problems reported as diagnostics.
enum ProjectFiles {
    /// Regular, non-hidden files below `folder`, as sorted relative paths.
    static func list(in folder: URL) -> [String] {
        var ignored = Diagnostics()
        return list(in: folder, project: folder, named: "", into: &ignored)
    }

    /// The regular files below `folder`, relative to it, sorted. A symbolic
    /// link is followed only to a file inside the project: one leading out of
    /// it, or nowhere (a loop, a missing file), is reported and skipped.
    /// - Parameter name: how `folder` is named in messages (`Content/fr`).
    static func list(in folder: URL, project: URL, named name: String, into diagnostics: inout Diagnostics) -> [String] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        let base = folder.standardizedFileURL.path
        let root = project.resolvingSymlinksInPath().path
        var files: [String] = []
        while let url = enumerator.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isSymbolicLink == true {
                let target = url.resolvingSymlinksInPath()
                var isDirectory: ObjCBool = false
                let location = SourceLocation(file: name.isEmpty ? relative : "\(name)/\(relative)")
                if !FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) || target.path == url.path {
                    diagnostics.append(.error(at: location, "this symbolic link leads nowhere (a loop or a missing file)",
                                              hint: "remove it, or point it at a file inside the project"))
                } else if !(target.path + "/").hasPrefix(root + "/") {
                    diagnostics.append(.error(at: location, "this symbolic link leads outside the project, to \(target.path)",
                                              hint: "copy the file into the project instead: a build reads only the project's own files"))
                } else if !isDirectory.boolValue {
                    files.append(relative)
                }
                continue
            }
            guard values?.isRegularFile == true else { continue }
            files.append(relative)
        }
        return files.sorted()
    }

    static func readText(_ url: URL, named name: String, into diagnostics: inout Diagnostics) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error(at: SourceLocation(file: name), "cannot read the file", hint: "check that it exists and is readable"))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: data)
            diagnostics.append(.error(at: SourceLocation(file: name, line: line, column: column),
                                      "the file is not UTF-8 text: this byte does not belong to a UTF-8 character",
                                      hint: "save it as UTF-8"))
            return nil
        }
        // Windows line endings read the same as Unix ones: "\r\n" is one
        // Swift Character, so splitting on "\n" would not see those lines.
        let unix = text.containsUTF8(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        // A byte-order mark says nothing in UTF-8 and would hide a first '---'.
        return unix.hasPrefix("\u{FEFF}") ? String(unix.dropFirst()) : unix
    }

    /// Line and column (1-based, in bytes) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data)
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + max(length, 1)
            let valid = length > 0 && end <= bytes.count
                && String(validating: bytes[index..<end], as: UTF8.self) != nil
            guard valid else { return (line, index - lineStart + 1) }
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = end }
            index = end
        }
        return (line, index - lineStart + 1)
    }
}
