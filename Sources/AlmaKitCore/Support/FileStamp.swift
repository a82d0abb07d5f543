import Foundation

/// When a file last changed, as far as a rebuild cares: its modification
/// time and its size.
package struct FileStamp: Equatable, Sendable {
    package var modified: Date
    package var size: Int

    /// Nil when the file cannot be examined (missing, or a link leading nowhere).
    package init?(of url: URL) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return nil }
        modified = attributes[.modificationDate] as? Date ?? .distantPast
        size = (attributes[.size] as? NSNumber)?.intValue ?? -1
    }
}
