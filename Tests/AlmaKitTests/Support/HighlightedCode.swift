import Foundation

/// Code as a reader copies it from a page: highlighting spans removed and
/// HTML entities decoded.
enum HighlightedCode {
    static func plain(_ html: String) -> String {
        html.replacingOccurrences(of: #"<span class="tok-[a-z]">"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "</span>", with: "")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
