/// This AlmaKit's release: what `almakit --version` prints, and what the CI
/// workflow `almakit init` writes builds unless told otherwise, so that CI
/// runs the very version that wrote the project.
public enum AlmaKitVersion {
    public static let current = "0.13.0"

    /// The git tag this release is published under in AlmaKit's repository.
    public static var tag: String { "v\(current)" }
}
