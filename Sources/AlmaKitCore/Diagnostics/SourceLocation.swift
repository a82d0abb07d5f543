/// A position in a project file, as editors count it: lines and columns from 1.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// Path relative to the project folder (or as the user gave it).
    public var file: String
    public var line: Int
    public var column: Int

    /// - Parameters:
    ///   - file: the file, relative to the project when possible.
    ///   - line: 1-based line; 0 when the problem concerns the whole file.
    ///   - column: 1-based column; 0 when unknown.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }
}
