import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When a file last changed, as far as a rebuild cares: its modification
/// time, to the nanosecond, and its size. A link is stamped as the file it
/// leads to, which is what a build reads.
package struct FileStamp: Hashable, Sendable {
    package var seconds: Int
    package var nanoseconds: Int
    package var size: Int

    /// Nil when the file cannot be examined (missing, or a link leading nowhere).
    /// One `stat` call: `serve` stamps every page of the site on every edit,
    /// and Foundation's `attributesOfItem` took a tenth of such a rebuild.
    package init?(of url: URL) {
        self.init(atPath: url.path)
    }

    package init?(atPath path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = status.st_mtimespec
        #else
        let modified = status.st_mtim
        #endif
        seconds = Int(modified.tv_sec)
        nanoseconds = Int(modified.tv_nsec)
        size = Int(status.st_size)
    }
}
