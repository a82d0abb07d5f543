import Foundation

/// A file copied into the site byte for byte: an image, a PDF or a download
/// beside the guides, or a binary asset of the project's templates. It is
/// streamed from the project when the site is written, never held in memory.
public struct CopiedFile: Sendable, Equatable {
    /// Relative to the published folder, with `/` separators.
    public var path: String
    /// The file in the project.
    public var source: URL
    /// How messages name it: `Content/fr/schema.png`.
    public var sourcePath: String

    package init(path: String, source: URL, sourcePath: String) {
        self.path = path
        self.source = source
        self.sourcePath = sourcePath
    }
}
