import AlmaKitCore
import Foundation

/// Where a page's Markdown is found when it is rendered. A build that writes
/// its pages as it goes keeps the texts of a small site only (up to
/// `BuildOptions.keptPageTextBytes`, `Page.bodyIsKept`) and reads the other
/// pages' text again just before rendering them, rather than holding every
/// page's text from the moment it is read to the end: 2×5,000 pages are
/// 130 MB of Markdown. The second read comes from the operating system's
/// file cache and costs a copy.
package enum PageBodies: Sendable {
    /// The pages carry their text (`almakit serve`, whose caches keep it anyway).
    case kept
    /// The pages were read without their text, but for those that kept it: read the file again.
    case reread(projectDirectory: URL)

    /// - Parameter problems: where a file that can no longer be read (removed
    ///   or broken since the build read it) is reported, so that the build
    ///   fails rather than publish the page empty.
    func body(of page: Page, into problems: inout Diagnostics) -> String {
        switch self {
        case .kept:
            return page.body
        case .reread(let projectDirectory):
            if page.bodyIsKept { return page.body }
            // Read exactly as the first time.
            guard let text = ProjectFiles.readText(projectDirectory.appending(path: page.sourcePath), named: page.sourcePath, into: &problems)
            else { return "" }
            return FrontMatterSplit(text).body
        }
    }
}
