import Foundation

/// Reading files of a site project, with problems reported as diagnostics.
package enum ProjectFiles {
    /// Regular, non-hidden files below `folder`, as sorted relative paths.
    package static func list(in folder: URL) -> [String] {
        var ignored = Diagnostics()
        return list(in: folder, project: folder, named: "", into: &ignored)
    }

    /// The regular files below `folder`, relative to it, sorted. A symbolic
    /// link is followed only to a file inside the project: one leading out of
    /// it, or nowhere (a loop, a missing file), is reported and skipped.
    /// Hidden files and folders (a name starting with `.`) are left out.
    /// - Parameter name: how `folder` is named in messages (`Content/fr`).
    package static func list(in folder: URL, project: URL, named name: String, into diagnostics: inout Diagnostics) -> [String] {
        let root = project.resolvingSymlinksInPath().path
        var files: [String] = []
        // readdir gives each entry's type with its name: no stat, no URL per
        // file, which Foundation's enumerator costs on a site of thousands of pages.
        func walk(_ directory: String, relative: String) {
            guard let handle = opendir(directory) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let entryName = withUnsafePointer(to: entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                guard !isHidden(entryName) else { continue }
                let path = directory + "/" + entryName
                let relativePath = relative.isEmpty ? entryName : relative + "/" + entryName
                switch Self.type(of: entry.pointee, at: path) {
                case Int32(DT_DIR):
                    walk(path, relative: relativePath)
                case Int32(DT_REG):
                    files.append(relativePath)
                case Int32(DT_LNK):
                    let url = URL(fileURLWithPath: path)
                    let target = url.resolvingSymlinksInPath()
                    var isDirectory: ObjCBool = false
                    let location = SourceLocation(file: name.isEmpty ? relativePath : "\(name)/\(relativePath)")
                    if !FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) || target.path == url.path {
                        diagnostics.append(.error(id: "file.link-leads-nowhere", at: location, "this symbolic link leads nowhere (a loop or a missing file)",
                                                  hint: "remove it, or point it at a file inside the project"))
                    } else if !(target.path + "/").hasPrefix(root + "/") {
                        diagnostics.append(.error(id: "file.link-leaves-project", at: location, "this symbolic link leads outside the project, to \(target.path)",
                                                  hint: "copy the file into the project instead: a build reads only the project's own files"))
                    } else if !isDirectory.boolValue {
                        files.append(relativePath)
                    }
                default:
                    continue
                }
            }
        }
        walk(folder.standardizedFileURL.path, relative: "")
        return files.sorted()
    }

    /// A name starting with `.`: editors' swap files, `.git`, `.DS_Store`. A
    /// build never reads one, nor anything in a hidden folder.
    package static func isHidden(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".")
    }

    /// The entry's `DT_` type, asked of the file system when the directory does not say.
    private static func type(of entry: dirent, at path: String) -> Int32 {
        guard Int32(entry.d_type) == Int32(DT_UNKNOWN) else { return Int32(entry.d_type) }
        var status = stat()
        guard lstat(path, &status) == 0 else { return Int32(DT_UNKNOWN) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        case S_IFLNK: return Int32(DT_LNK)
        default: return Int32(DT_UNKNOWN)
        }
    }

    package static func readText(_ url: URL, named name: String, into diagnostics: inout Diagnostics) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error(id: "file.unreadable", at: SourceLocation(file: name), "cannot read the file", hint: "check that it exists and is readable"))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: data)
            diagnostics.append(.error(id: "file.not-utf8", at: SourceLocation(file: name, line: line, column: column),
                                      "the file is not UTF-8 text: this byte does not belong to a UTF-8 character",
                                      hint: "save it as UTF-8"))
            return nil
        }
        let unix = text.withUnixLineEndings
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
