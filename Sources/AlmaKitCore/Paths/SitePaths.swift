/// Arithmetic on paths inside the site and the project (`fr/guides/paiement.html`,
/// `Content/fr/schema.png`): `/`-separated, relative to a root, never touching
/// the file system. Links, page contexts and the output all reckon with it.
package enum SitePaths {
    /// The folder part of a site path: `fr/guides` for `fr/guides/paiement.html`, empty at the root.
    package static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    private static let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")

    /// Resolves `.` and `..`; nil when the path climbs above its root.
    /// Empty segments (`a//b`, a leading or trailing `/`) are dropped.
    package static func normalize(_ path: String) -> String? {
        let bytes = Array(path.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        // Where each kept segment starts in `output`, for `..` to drop it.
        var starts: [Int] = []
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != slash { end += 1 }
            let length = end - index
            if length == 2, bytes[index] == dot, bytes[index + 1] == dot {
                guard let last = starts.popLast() else { return nil }
                output.removeSubrange(max(last - 1, 0)...)
            } else if length > 0, !(length == 1 && bytes[index] == dot) {
                if !output.isEmpty { output.append(slash) }
                starts.append(output.count)
                output.append(contentsOf: bytes[index..<end])
            }
            index = end + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The relative URL from a page in `folder` to the site path `target`
    /// (both normalized): `..` for each of the folder's segments that the
    /// target's folders do not share, then the rest of the target.
    package static func relativePath(from folder: String, to target: String) -> String {
        let from = Array(folder.utf8), to = Array(target.utf8)
        // Shared leading segments sit at the same offsets in both paths. A
        // target's segment counts only when a `/` follows: its file is never shared.
        var shared = 0, rest = 0
        while shared < from.count {
            let start = shared == 0 ? 0 : shared + 1
            var end = start
            while end < from.count, from[end] != slash { end += 1 }
            guard end < to.count, to[end] == slash, from[start..<end] == to[start..<end] else { break }
            shared = end
            rest = end + 1
        }
        let unshared = shared == 0 ? from[...] : from[min(shared + 1, from.count)...]
        let ups = unshared.isEmpty ? 0 : 1 + unshared.lazy.filter { $0 == slash }.count
        var output: [UInt8] = []
        output.reserveCapacity(ups * 3 + to.count - rest)
        for _ in 0..<ups { output.append(contentsOf: "../".utf8) }
        output.append(contentsOf: to[rest...])
        return String(decoding: output, as: UTF8.self)
    }
}
