/// One file of the built site, held in memory until the build has succeeded.
public struct OutputFile: Sendable, Equatable {
    /// Relative to the output folder, with `/` separators.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
