import Foundation

/// Paths between folders on disk.
package enum FilePaths {
    /// `target` as seen from `folder`: `server/python` -> `../../dist`.
    package static func relative(from folder: URL, to target: URL) -> String {
        let from = folder.standardizedFileURL.pathComponents
        let to = target.standardizedFileURL.pathComponents
        let shared = zip(from, to).prefix { $0 == $1 }.count
        let path = Array(repeating: "..", count: from.count - shared) + to[shared...]
        return path.isEmpty ? "." : path.joined(separator: "/")
    }
}
